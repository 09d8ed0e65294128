using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Credentials, region and configured endpoints resolved the way the AWS CLI does, using AWSSDK.Core's own profiles
/// and credential classes. Environment variables are read on every call: AWSSDK.Core reads some of them only once per
/// process (the region fallback and the default profile file paths), which would pin a long PowerShell session to
/// stale values.
/// </summary>
public static class AwsCredentialResolver
{
    /// <summary>
    /// With a profile name: that profile (static keys, SSO, assume-role, process); a profile without credentials (only a
    /// region, say) falls through to the roles. Without: environment keys → the AWS_PROFILE (or default) profile →
    /// web identity → container → instance metadata. <paramref name="profileLocation"/> names another credentials file.
    /// </summary>
    /// <remarks>
    /// <paramref name="ssoLogin"/>, when given, lets an SSO profile sign in (the device authorization flow, through
    /// AWSSDK.SSOOIDC) when it has no valid token; it is told the verification URL and the code to confirm. The token is
    /// cached where the AWS CLI caches it, so both share the sign-in.
    /// </remarks>
    public static AwsResolvedCredentials Resolve(string? profileName, string? profileLocation = null, Action<string, string>? ssoLogin = null)
    {
        var chain = Profiles(profileLocation);
        var named = Trimmed(profileName);
        if (ssoLogin != null) return SsoLogin.Credentials(named ?? SelectedProfileName(null), chain, ssoLogin);
        if (named != null) return FromProfile(named, chain);
        if (HasEnvironmentKeys())
            return new AwsResolvedCredentials(new EnvironmentVariablesAWSCredentials(), "environment variables (AWS_ACCESS_KEY_ID)", null);
        if (Variable("AWS_PROFILE") is { } envProfile) return FromProfile(envProfile, chain);
        if (chain.TryGetProfile(SharedCredentialsFile.DefaultProfileName, out var byDefault) && byDefault.CanCreateAWSCredentials)
            return FromProfile(SharedCredentialsFile.DefaultProfileName, chain);
        return Roles(null) ?? throw new AwsConfigurationException(NoCredentials);
    }

    /// <summary>The credentials alone, for callers that do not report where they came from.</summary>
    public static AWSCredentials ResolveCredentials(string? profileName, string? profileLocation = null) =>
        Resolve(profileName, profileLocation).Credentials;

    /// <summary>
    /// As the AWS CLI: explicit region, else AWS_REGION, else AWS_DEFAULT_REGION, else the region of the profile in use
    /// (the named one, else AWS_PROFILE's, else default). A named profile without a region does not borrow default's.
    /// </summary>
    public static string ResolveRegion(string? region, string? profileName, string? profileLocation = null)
    {
        if (Trimmed(region) is { } given) return CheckRegionName(given);
        var fromEnvironment = Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION");
        if (fromEnvironment != null) return CheckRegionName(fromEnvironment);
        var profile = SelectedProfileName(profileName);
        if (Profiles(profileLocation).TryGetProfile(profile, out var p) && p.Region?.SystemName is { } fromProfile) return CheckRegionName(fromProfile);
        throw new AwsConfigurationException(Trimmed(profileName) != null
            ? $"You must specify a region: the AWS profile '{profile}' has no region. Pass -Region, set AWS_REGION, or add region to the profile."
            : "No AWS region was given. Pass -Region, set AWS_REGION, or set a region in the profile.");
    }

    /// <summary>A region name is lower-case words and digits joined by dashes (us-east-1, us-gov-west-1).</summary>
    public static string CheckRegionName(string region) =>
        System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z0-9]+(-[a-z0-9]+)*$")
            ? region
            : throw new AwsConfigurationException($"'{region}' is not an AWS region name (for example us-east-1 or eu-west-1).");

    /// <summary>The endpoints configured for the profile in use (the named one, else AWS_PROFILE's, else default).</summary>
    public static AwsConfiguredEndpoints ConfiguredEndpoints(string? profileName, string? profileLocation = null)
    {
        Profiles(profileLocation).TryGetProfile(SelectedProfileName(profileName), out var profile);
        return AwsConfiguredEndpoints.For(profile, Variable, ConfigFile());
    }

    /// <summary>The profile the CLI would use: the named one, else AWS_PROFILE, else default.</summary>
    public static string SelectedProfileName(string? profileName) =>
        Trimmed(profileName) ?? Variable("AWS_PROFILE") ?? SharedCredentialsFile.DefaultProfileName;

    private static AwsResolvedCredentials FromProfile(string profileName, CredentialProfileStoreChain chain)
    {
        if (!chain.TryGetProfile(profileName, out var profile))
            throw new AwsConfigurationException($"The AWS profile '{profileName}' was not found in the shared config or credentials file.");
        if (!profile.CanCreateAWSCredentials)
        {
            // A profile that only sets a region (a CI runner's [default]): the credentials come from the role, as the CLI does.
            return Roles(profileName) ?? throw new AwsConfigurationException(
                $"The AWS profile '{profileName}' has no credentials, and no container or instance role provided any. " +
                "Add credentials to the profile (aws configure), or run where a role is available.");
        }
        try
        {
            return new AwsResolvedCredentials(AWSCredentialsFactory.GetAWSCredentials(profile, chain), $"profile '{profileName}' ({Kind(profile)})", profileName);
        }
        catch (Exception e) when (e is not AwsConfigurationException)
        {
            throw new AwsConfigurationException($"The AWS profile '{profileName}' could not be used: {e.Message}", e);
        }
    }

    /// <summary>The profile names of the shared config and credentials files, for tab completion.</summary>
    public static IReadOnlyList<string> ProfileNames(string? profileLocation = null) =>
        Profiles(profileLocation).ListProfiles().Select(p => p.Name).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();


    /// <summary>Web identity, then container, then instance metadata, read from the variables as they are now.</summary>
    private static AwsResolvedCredentials? Roles(string? profileName)
    {
        if (Variable("AWS_WEB_IDENTITY_TOKEN_FILE") != null && Variable("AWS_ROLE_ARN") != null)
            return new AwsResolvedCredentials(AssumeRoleWithWebIdentityCredentials.FromEnvironmentVariables(), "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)", profileName);
        if (Variable("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null || Variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null)
        {
            try
            {
                return new AwsResolvedCredentials(new GenericContainerCredentials(), "container credentials", profileName);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or AmazonClientException or UriFormatException)
            {
                throw new AwsConfigurationException($"The container credentials settings cannot be used: {e.Message}", e);
            }
        }
        if (string.Equals(Variable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        return new AwsResolvedCredentials(new InstanceProfileAWSCredentials(), "instance role (EC2 instance metadata)", profileName);
    }

    internal static string Kind(CredentialProfile profile)
    {
        var o = profile.Options;
        if (!string.IsNullOrEmpty(o.SsoSession) || !string.IsNullOrEmpty(o.SsoStartUrl)) return "SSO";
        if (!string.IsNullOrEmpty(o.RoleArn)) return !string.IsNullOrEmpty(o.WebIdentityTokenFile) ? "web identity" : "assume role";
        if (!string.IsNullOrEmpty(o.CredentialProcess)) return "credential_process";
        return string.IsNullOrEmpty(o.Token) ? "static keys" : "session keys";
    }

    /// <summary>
    /// The SDK's profile stores, with the credentials file <paramref name="profileLocation"/> or AWS_SHARED_CREDENTIALS_FILE
    /// names now (the SDK caches the latter).
    /// </summary>
    private static CredentialProfileStoreChain Profiles(string? profileLocation)
    {
        if (Trimmed(profileLocation) is { } location)
        {
            if (!File.Exists(location)) throw new AwsConfigurationException($"The credentials file '{location}' (-ProfileLocation) does not exist.");
            return new CredentialProfileStoreChain(location);
        }
        return Variable("AWS_SHARED_CREDENTIALS_FILE") is { } file ? new CredentialProfileStoreChain(file) : new CredentialProfileStoreChain();
    }

    private static string ConfigFile() =>
        Variable("AWS_CONFIG_FILE") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "config");

    private static bool HasEnvironmentKeys() => Variable("AWS_ACCESS_KEY_ID") != null && Variable("AWS_SECRET_ACCESS_KEY") != null;

    internal static string? Variable(string name) => Trimmed(Environment.GetEnvironmentVariable(name));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private const string NoCredentials =
        "No AWS credentials were found. Pass -ProfileName, -Credential or -AccessKey and -SecretKey, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a role is available.";
}

/// <summary>Credentials and where they came from, as Get-IdcInstance shows it.</summary>
public sealed class AwsResolvedCredentials
{
    public AwsResolvedCredentials(AWSCredentials credentials, string source, string? profileName)
    {
        Credentials = credentials;
        Source = source;
        ProfileName = profileName;
    }

    public AWSCredentials Credentials { get; }
    /// <summary>Where the credentials come from, e.g. "profile 'management' (SSO)" or "container credentials".</summary>
    public string Source { get; }
    /// <summary>The profile in use, if any.</summary>
    public string? ProfileName { get; }
}

/// <summary>Credentials, region or endpoint settings are missing or unusable.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
