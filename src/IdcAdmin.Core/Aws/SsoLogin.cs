using System;
using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Credentials of an SSO profile that may sign in: AWSSDK.Core's own SSO credentials, allowed to get a new token. With
/// no valid cached token they run the device authorization flow through AWSSDK.SSOOIDC (register the client, start the
/// authorization, tell the user the URL and code, poll for the token) and cache it under ~/.aws/sso/cache as the AWS
/// CLI does (keyed by the sso-session name, or the start URL of a legacy profile), so the CLI and the module share it.
/// </summary>
public static class SsoLogin
{
    public const string ClientName = "IdcAdmin";

    public static AwsResolvedCredentials Credentials(string profileName, CredentialProfileStoreChain chain, Action<string, string> tellUser)
    {
        if (!chain.TryGetProfile(profileName, out var profile))
            throw new AwsConfigurationException($"The AWS profile '{profileName}' was not found in the shared config or credentials file.");
        var o = profile.Options;
        if (AwsCredentialResolver.Kind(profile) != "SSO")
            throw new AwsConfigurationException($"-Login signs in to IAM Identity Center for an SSO profile; the AWS profile '{profileName}' is not one (it has no sso_session or sso_start_url).");
        if (string.IsNullOrEmpty(o.SsoAccountId) || string.IsNullOrEmpty(o.SsoRoleName) || string.IsNullOrEmpty(o.SsoRegion) || string.IsNullOrEmpty(o.SsoStartUrl))
            throw new AwsConfigurationException($"The SSO profile '{profileName}' needs sso_account_id, sso_role_name, and sso_region and sso_start_url (in the profile or its sso-session section).");
        var options = new SSOAWSCredentialsOptions
        {
            ClientName = ClientName,
            SessionName = string.IsNullOrEmpty(o.SsoSession) ? null : o.SsoSession,
            SupportsGettingNewToken = true,
            SsoVerificationCallback = a => tellUser(a.VerificationUriComplete ?? a.VerificationUri, a.UserCode),
        };
        if (!string.IsNullOrWhiteSpace(o.SsoRegistrationScopes))
            options.Scopes = o.SsoRegistrationScopes.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim()).ToList();
        var credentials = new SSOAWSCredentials(o.SsoAccountId, o.SsoRegion, o.SsoRoleName, o.SsoStartUrl, options);
        return new AwsResolvedCredentials(credentials, $"profile '{profileName}' (SSO)", profileName);
    }
}
