using System;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Session;

/// <summary>
/// Creates an account instance of IAM Identity Center (a standalone account, or a member account whose organization
/// allows it). An organization instance cannot be enabled through the API: AWS rejects CreateInstance in the
/// management account, and that case is reported with what to do in the console.
/// </summary>
public static class AccountInstanceCreator
{
    /// <summary>Creates the instance and waits for it with the default polling.</summary>
    public static Task<IdcSession> CreateAsync(AwsConnection connection, string? name, CancellationToken cancellationToken) =>
        CreateAsync(connection, name, new PollOptions(), cancellationToken);

    public static async Task<IdcSession> CreateAsync(AwsConnection connection, string? name, PollOptions polling, CancellationToken cancellationToken)
    {
        CreateInstanceResponse created;
        try
        {
            created = await connection.SsoAdmin.CreateInstanceAsync(new CreateInstanceRequest
            {
                Name = name,
                // Same token on every retry of this call, so a retried create cannot make a second instance.
                ClientToken = Guid.NewGuid().ToString(),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e is AwsValidationException or AwsConflictException or AwsAccessDeniedException)
        {
            throw new IdcConnectException(IdcConnectError.NotEnabled,
                $"AWS refused to create an account instance of IAM Identity Center: {e.AwsMessage} " +
                "In an organization's management account, enable the organization instance in the IAM Identity Center console instead (Enable > Enable with AWS Organizations).", e);
        }
        var arn = created.InstanceArn!;
        var described = await StatusPoller.UntilDoneAsync(
            ct => connection.SsoAdmin.DescribeInstanceAsync(new DescribeInstanceRequest { InstanceArn = arn }, ct),
            d => d.Status != InstanceStatusValues.CreateInProgress, polling, cancellationToken).ConfigureAwait(false);
        if (described.Status == InstanceStatusValues.CreateFailed)
            throw new IdcConnectException(IdcConnectError.NotEnabled, $"Creating the Identity Center instance {arn} failed: {described.StatusReason ?? "no reason given"}.");
        return await IdcConnector.ConnectAsync(connection, arn, cancellationToken).ConfigureAwait(false);
    }
}
