namespace IdcAdmin.Core.Aws;

/// <summary>What the transport needs to know about one AWS JSON 1.1 service: where it lives and how it is signed.</summary>
public sealed class AwsService
{
    public static readonly AwsService SsoAdmin = new("sso-admin", "sso", "sso", "SWBExternalService", "SSO_ADMIN", globalRegion: null);
    public static readonly AwsService IdentityStore = new("identitystore", "identitystore", "identitystore", "AWSIdentityStore", "IDENTITYSTORE", globalRegion: null);
    // Organizations is a global service: one endpoint per partition, signed for us-east-1 in the aws partition.
    public static readonly AwsService Organizations = new("organizations", "organizations", "organizations", "AWSOrganizationsV20161128", "ORGANIZATIONS", globalRegion: "us-east-1");
    // STS answers GetCallerIdentity at connect (through AWSSDK.SecurityToken, as it speaks the Query protocol); regional.
    public static readonly AwsService Sts = new("sts", "sts", "sts", "", "STS", globalRegion: null);

    private AwsService(string id, string endpointPrefix, string signingName, string targetPrefix, string envSuffix, string? globalRegion)
    {
        Id = id;
        EndpointPrefix = endpointPrefix;
        SigningName = signingName;
        TargetPrefix = targetPrefix;
        EndpointEnvironmentVariable = "AWS_ENDPOINT_URL_" + envSuffix;
        GlobalRegion = globalRegion;
    }

    /// <summary>The botocore service id, e.g. <c>sso-admin</c>.</summary>
    public string Id { get; }
    public string EndpointPrefix { get; }
    public string SigningName { get; }
    /// <summary>Prefix of the X-Amz-Target header: <c>{TargetPrefix}.{Operation}</c>.</summary>
    public string TargetPrefix { get; }
    /// <summary>The service-specific endpoint override the AWS CLI and SDKs honour.</summary>
    public string EndpointEnvironmentVariable { get; }
    /// <summary>The service's key in a services section of the shared config file, e.g. <c>sso_admin</c>.</summary>
    public string ConfigKey => EndpointEnvironmentVariable.Substring("AWS_ENDPOINT_URL_".Length).ToLowerInvariant();
    /// <summary>Region a global service signs for in the aws partition; null for regional services.</summary>
    public string? GlobalRegion { get; }

    public override string ToString() => Id;
}
