using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Credentials and region resolved the way the AWS CLI does, using AWSSDK.Core's own profiles and chain.
/// Environment variables are read on every call: AWSSDK.Core reads some of them only once per process
/// (the region fallback and the default profile file paths), which would pin a long PowerShell session to stale values.
/// </summary>
public static class AwsCredentialResolver
{
    /// <summary>
    /// With a profile name: that profile of ~/.aws/config or credentials (static keys, SSO, assume-role, process).
    /// Without: environment keys → the AWS_PROFILE (or default) profile → web identity → container → instance metadata.
    /// </summary>
    public static AWSCredentials ResolveCredentials(string? profileName)
    {
        if (!string.IsNullOrWhiteSpace(profileName)) return FromProfile(profileName!.Trim());
        if (!HasEnvironmentKeys())
        {
            var envProfile = Variable("AWS_PROFILE");
            if (envProfile != null) return FromProfile(envProfile);
            if (Profiles().TryGetProfile(SharedCredentialsFile.DefaultProfileName, out _)) return FromProfile(SharedCredentialsFile.DefaultProfileName);
        }
        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null)
                   ?? throw new AwsConfigurationException(NoCredentials);
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(NoCredentials, e);
        }
    }

    /// <summary>Explicit region, else the named profile's, else AWS_REGION / AWS_DEFAULT_REGION, else the AWS_PROFILE or default profile's.</summary>
    public static string ResolveRegion(string? region, string? profileName)
    {
        if (!string.IsNullOrWhiteSpace(region)) return CheckRegionName(region!.Trim());
        if (!string.IsNullOrWhiteSpace(profileName) && ProfileRegion(profileName!.Trim()) is { } named) return CheckRegionName(named);
        var fromEnvironment = Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION");
        if (fromEnvironment != null) return CheckRegionName(fromEnvironment);
        if (ProfileRegion(Variable("AWS_PROFILE") ?? SharedCredentialsFile.DefaultProfileName) is { } fallback) return CheckRegionName(fallback);
        throw new AwsConfigurationException("No AWS region was given. Pass -Region, set AWS_REGION, or set a region in the profile.");
    }

    /// <summary>A region name is lower-case words and digits joined by dashes (us-east-1, us-gov-west-1).</summary>
    public static string CheckRegionName(string region) =>
        System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z0-9]+(-[a-z0-9]+)*$")
            ? region
            : throw new AwsConfigurationException($"'{region}' is not an AWS region name (for example us-east-1 or eu-west-1).");

    private static AWSCredentials FromProfile(string profileName)
    {
        var chain = Profiles();
        if (!chain.TryGetProfile(profileName, out var profile))
            throw new AwsConfigurationException($"The AWS profile '{profileName}' was not found in the shared config or credentials file.");
        try
        {
            return AWSCredentialsFactory.GetAWSCredentials(profile, chain);
        }
        catch (Exception e) when (e is not AwsConfigurationException)
        {
            throw new AwsConfigurationException($"The AWS profile '{profileName}' could not be used: {e.Message}", e);
        }
    }

    private static string? ProfileRegion(string profileName) =>
        Profiles().TryGetProfile(profileName, out var profile) ? profile.Region?.SystemName : null;

    /// <summary>The SDK's profile stores, with the credentials file AWS_SHARED_CREDENTIALS_FILE names now (the SDK caches it).</summary>
    private static CredentialProfileStoreChain Profiles() =>
        Variable("AWS_SHARED_CREDENTIALS_FILE") is { } file ? new CredentialProfileStoreChain(file) : new CredentialProfileStoreChain();

    private static bool HasEnvironmentKeys() => Variable("AWS_ACCESS_KEY_ID") != null && Variable("AWS_SECRET_ACCESS_KEY") != null;

    private static string? Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private const string NoCredentials =
        "No AWS credentials were found. Pass -ProfileName, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a role is available.";
}

/// <summary>Credentials, region or endpoint settings are missing or unusable.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
