using System;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.SsoAdmin;

namespace IdcAdmin.Core.Session;

/// <summary>The three service clients of one set of credentials and region, sharing one rate limiter.</summary>
public sealed class AwsConnection : IDisposable
{
    private readonly AwsJsonTransport[] _transports;

    public AwsConnection(AWSCredentials credentials, string region, AwsTransportOptions options)
    {
        Region = region;
        // Identity Center's APIs (sso-admin and identitystore) share one account-level request budget.
        options.RateLimiter ??= RequestRateLimiter.PerSecond(RequestRateLimiter.DefaultRequestsPerSecond);
        // One retry budget for the session, as the SDKs share one per client configuration.
        options.RetryQuota ??= new RetryQuota();
        var ssoAdmin = new AwsJsonTransport(AwsService.SsoAdmin, credentials, region, options);
        var identityStore = new AwsJsonTransport(AwsService.IdentityStore, credentials, region, options);
        var organizations = new AwsJsonTransport(AwsService.Organizations, credentials, region, options);
        _transports = new[] { ssoAdmin, identityStore, organizations };
        SsoAdmin = new SsoAdminClient(ssoAdmin);
        IdentityStore = new IdentityStoreClient(identityStore);
        Organizations = new OrganizationsClient(organizations);
        RateLimiter = options.RateLimiter;
        RetryQuota = options.RetryQuota;
        Retry = options.Retry;
    }

    /// <summary>Resolves credentials and region as the AWS CLI would, then connects.</summary>
    public static AwsConnection Create(AwsConnectionSettings settings)
    {
        var credentials = settings.Credentials ?? AwsCredentialResolver.ResolveCredentials(settings.ProfileName);
        var region = AwsCredentialResolver.ResolveRegion(settings.Region, settings.ProfileName);
        var options = new AwsTransportOptions
        {
            EndpointUrl = settings.EndpointUrl,
            InnerHandler = settings.InnerHandler,
            Log = settings.Log,
            Retry = settings.Retry ?? new AwsRetryOptions(),
            RateLimiter = settings.RateLimiter ?? RequestRateLimiter.PerSecond(settings.RequestsPerSecond),
        };
        return new AwsConnection(credentials, region, options);
    }

    public string Region { get; }
    public SsoAdminClient SsoAdmin { get; }
    public IdentityStoreClient IdentityStore { get; }
    public OrganizationsClient Organizations { get; }
    public RequestRateLimiter RateLimiter { get; }
    public RetryQuota RetryQuota { get; }
    /// <summary>The retry and timeout settings every client of this connection uses.</summary>
    public AwsRetryOptions Retry { get; }
    /// <summary>The transports, for reading their settings and counts.</summary>
    public System.Collections.Generic.IReadOnlyList<AwsJsonTransport> Transports => _transports;
    /// <summary>HTTP attempts made by all three clients, retries included.</summary>
    public long AttemptCount { get { long n = 0; foreach (var t in _transports) n += t.AttemptCount; return n; } }

    public void Dispose()
    {
        foreach (var t in _transports) t.Dispose();
        RateLimiter.Dispose();
    }
}
