using System;

namespace IdcAdmin.Core.Aws;

/// <summary>Chooses the URL of a service: explicit endpoint, then the standard AWS_ENDPOINT_URL* variables, then AWS's own.</summary>
public static class AwsEndpointResolver
{
    /// <summary>
    /// The AWS CLI's order: the explicit endpoint; unless configured endpoints are ignored, AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
    /// AWS_ENDPOINT_URL, the profile's services section, the profile's endpoint_url; then AWS's own endpoint.
    /// </summary>
    public static Uri Resolve(AwsService service, string region, string? explicitEndpoint, Func<string, string?>? environment = null,
        AwsConfiguredEndpoints? configuredEndpoints = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var config = configuredEndpoints ?? AwsConfiguredEndpoints.None;
        var configured = config.Ignore
            ? FirstNonEmpty(explicitEndpoint)
            : FirstNonEmpty(explicitEndpoint, environment(service.EndpointEnvironmentVariable), environment("AWS_ENDPOINT_URL"),
                config.ServiceEndpoint(service.ConfigKey), config.ProfileEndpoint);
        if (configured != null)
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
                throw new AwsConfigurationException($"The endpoint '{configured}' for {service.Id} is not an absolute http(s) URL (for example https://sso.us-east-1.amazonaws.com or http://127.0.0.1:5000).");
            return uri;
        }
        return new Uri($"https://{service.EndpointPrefix}.{EndpointRegion(service, region)}.{DnsSuffix(region)}/");
    }

    /// <summary>The region a request to <paramref name="service"/> is signed for.</summary>
    public static string SigningRegion(AwsService service, string region) => EndpointRegion(service, region);

    private static string EndpointRegion(AwsService service, string region)
    {
        if (service.GlobalRegion == null) return region;
        var partition = PartitionOf(region);
        return partition == null ? service.GlobalRegion : partition.Value.GlobalRegion ?? region;
    }

    private static string DnsSuffix(string region) => PartitionOf(region)?.DnsSuffix ?? "amazonaws.com";

    // The partitions other than aws in botocore's endpoint rules: DNS suffix and where a global service
    // (Organizations) lives there; null means it is regional in that partition.
    private static readonly (string Prefix, string DnsSuffix, string? GlobalRegion)[] Partitions =
    {
        ("cn-", "amazonaws.com.cn", "cn-northwest-1"),
        ("us-gov-", "amazonaws.com", "us-gov-west-1"),
        ("us-iso-", "c2s.ic.gov", "us-iso-east-1"),
        ("us-isob-", "sc2s.sgov.gov", "us-isob-east-1"),
        ("us-isof-", "csp.hci.ic.gov", "us-isof-south-1"),
        ("eu-isoe-", "cloud.adc-e.uk", null),
    };

    private static (string DnsSuffix, string? GlobalRegion)? PartitionOf(string region)
    {
        foreach (var p in Partitions)
            if (region.StartsWith(p.Prefix, StringComparison.Ordinal)) return (p.DnsSuffix, p.GlobalRegion);
        return null;
    }

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var v in values) if (!string.IsNullOrWhiteSpace(v)) return v!.Trim();
        return null;
    }
}
