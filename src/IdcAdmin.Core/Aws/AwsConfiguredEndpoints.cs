using System;
using System.Collections.Generic;
using System.IO;
using Amazon.Runtime.CredentialManagement;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// The endpoints a profile of the shared config file sets, as the AWS CLI reads them: <c>endpoint_url</c> for every
/// service, a per-service <c>endpoint_url</c> in the <c>[services name]</c> section the profile's <c>services</c> names,
/// and <c>ignore_configured_endpoint_urls</c> (or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), which turns both of them and the
/// AWS_ENDPOINT_URL* variables off.
/// </summary>
public sealed class AwsConfiguredEndpoints
{
    public static readonly AwsConfiguredEndpoints None = new(ignore: false, profileEndpoint: null, new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _services;

    public AwsConfiguredEndpoints(bool ignore, string? profileEndpoint, IReadOnlyDictionary<string, string> serviceEndpoints)
    {
        Ignore = ignore;
        ProfileEndpoint = profileEndpoint;
        _services = serviceEndpoints;
    }

    /// <summary>Configured endpoints (variables and config file) are not used; an explicit -EndpointUrl still is.</summary>
    public bool Ignore { get; }
    /// <summary>The profile's <c>endpoint_url</c>.</summary>
    public string? ProfileEndpoint { get; }

    /// <summary>The <c>endpoint_url</c> of the profile's services section for a service key such as <c>sso_admin</c>.</summary>
    public string? ServiceEndpoint(string serviceKey) => _services.TryGetValue(serviceKey, out var url) ? url : null;

    /// <summary>Reads the endpoint settings of <paramref name="profile"/> (null: none) and its services section.</summary>
    public static AwsConfiguredEndpoints For(CredentialProfile? profile, Func<string, string?> environment, string? configFile)
    {
        var ignore = IsTrue(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) ?? profile?.IgnoreConfiguredEndpointUrls ?? false;
        var services = profile?.Services is { Length: > 0 } name && configFile != null && File.Exists(configFile)
            ? ReadServicesSection(File.ReadAllLines(configFile), name)
            : new Dictionary<string, string>();
        return new AwsConfiguredEndpoints(ignore, Trim(profile?.EndpointUrl), services);
    }

    /// <summary>
    /// The <c>endpoint_url</c> of each service in <c>[services name]</c>, whose services are nested settings:
    /// <code>
    /// [services local]
    /// sso_admin =
    ///   endpoint_url = http://127.0.0.1:5000
    /// </code>
    /// </summary>
    public static Dictionary<string, string> ReadServicesSection(IEnumerable<string> lines, string name)
    {
        var endpoints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inSection = false;
        string? service = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal)) continue;
            if (trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                var header = trimmed.Trim('[', ']').Trim();
                inSection = header.StartsWith("services", StringComparison.Ordinal)
                            && string.Equals(header.Substring("services".Length).Trim(), name, StringComparison.Ordinal);
                service = null;
                continue;
            }
            if (!inSection) continue;
            var eq = trimmed.IndexOf('=');
            if (eq < 0) continue;
            var key = trimmed.Substring(0, eq).Trim();
            var value = trimmed.Substring(eq + 1).Trim();
            var nested = char.IsWhiteSpace(line[0]);
            if (!nested) service = value.Length == 0 ? key : null;
            else if (service != null && string.Equals(key, "endpoint_url", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
                endpoints[service] = value;
        }
        return endpoints;
    }

    private static bool? IsTrue(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Equals(value!.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
