using System;

namespace IdcAdmin.Core.Aws;

/// <summary>Chooses the URL of a service: explicit endpoint, then the standard AWS_ENDPOINT_URL* variables, then AWS's own.</summary>
public static class AwsEndpointResolver
{
    public static Uri Resolve(AwsService service, string region, string? explicitEndpoint, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var configured = FirstNonEmpty(explicitEndpoint, environment(service.EndpointEnvironmentVariable), environment("AWS_ENDPOINT_URL"));
        if (configured != null)
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
                throw new ArgumentException($"The endpoint '{configured}' for {service.Id} is not an absolute http(s) URL.");
            return uri;
        }
        return new Uri($"https://{service.EndpointPrefix}.{EndpointRegion(service, region)}.{DnsSuffix(region)}/");
    }

    /// <summary>The region a request to <paramref name="service"/> is signed for.</summary>
    public static string SigningRegion(AwsService service, string region) => EndpointRegion(service, region);

    private static string EndpointRegion(AwsService service, string region)
    {
        if (service.GlobalRegion == null) return region;
        // Organizations' single endpoint per partition.
        if (region.StartsWith("cn-", StringComparison.Ordinal)) return "cn-northwest-1";
        if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return "us-gov-west-1";
        return service.GlobalRegion;
    }

    private static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var v in values) if (!string.IsNullOrWhiteSpace(v)) return v!.Trim();
        return null;
    }
}
