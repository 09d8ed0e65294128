using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace IdcAdmin.Core.Aws;

/// <summary>Credentials and region resolved the way the AWS CLI does, using AWSSDK.Core's own chain.</summary>
public static class AwsCredentialResolver
{
    /// <summary>
    /// With a profile name: that profile of ~/.aws/config or credentials (static keys, SSO, assume-role, process).
    /// Without: environment → default profile (AWS_PROFILE) → web identity → container → instance metadata.
    /// </summary>
    public static AWSCredentials ResolveCredentials(string? profileName)
    {
        if (!string.IsNullOrWhiteSpace(profileName))
        {
            var chain = new CredentialProfileStoreChain();
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

    /// <summary>Explicit region, else the profile's, else AWS_REGION / AWS_DEFAULT_REGION / the default profile's.</summary>
    public static string ResolveRegion(string? region, string? profileName)
    {
        if (!string.IsNullOrWhiteSpace(region)) return region!.Trim();
        if (!string.IsNullOrWhiteSpace(profileName) && new CredentialProfileStoreChain().TryGetProfile(profileName, out var profile) && profile.Region != null)
            return profile.Region.SystemName;
        try
        {
            var fallback = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false);
            if (fallback != null) return fallback.SystemName;
        }
        catch (Exception) { /* fall through to the clear message */ }
        throw new AwsConfigurationException("No AWS region was given. Pass -Region, set AWS_REGION, or set a region in the profile.");
    }

    private const string NoCredentials =
        "No AWS credentials were found. Pass -ProfileName, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a role is available.";
}

/// <summary>Credentials, region or endpoint settings are missing or unusable.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
