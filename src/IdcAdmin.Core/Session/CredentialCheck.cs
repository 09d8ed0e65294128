using System;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Core.Session;

/// <summary>
/// Obtains the credentials once before the first request, so a profile that cannot give any (an SSO profile without a
/// valid token, a failing credential_process, an unreachable role) fails the connection with a message that says what
/// to do, instead of a bare SDK message from inside the first call.
/// </summary>
public static class CredentialCheck
{
    public static async Task EnsureAsync(AwsConnection connection)
    {
        try
        {
            var credentials = await connection.Credentials.GetCredentialsAsync().ConfigureAwait(false);
            if (credentials == null || string.IsNullOrEmpty(credentials.AccessKey))
                throw new InvalidOperationException("no access key was returned.");
        }
        catch (Exception e) when (e is not OperationCanceledException and not IdcConnectException)
        {
            throw new IdcConnectException(IdcConnectError.Credentials, Describe(connection, e), e);
        }
    }

    public static string Describe(AwsConnection connection, Exception e)
    {
        var message = $"The AWS credentials from {connection.CredentialSource} could not be obtained: {e.Message}";
        if (connection.IsSso && connection.ProfileName != null)
            message += $" The SSO sign-in of profile '{connection.ProfileName}' has no valid token: sign in with " +
                       $"'Connect-IdcInstance -ProfileName {connection.ProfileName} -Login' or 'aws sso login --profile {connection.ProfileName}', then connect again.";
        else if (connection.CredentialSource.StartsWith("instance role", StringComparison.Ordinal))
            message += " The instance role is the last place the AWS CLI looks: no other credentials were found. Pass -ProfileName, -Credential, " +
                       "or -AccessKey and -SecretKey, or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.";
        return message;
    }
}
