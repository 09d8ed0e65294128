using System;
using System.Collections.Generic;
using System.Linq;
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
        Credentials = credentials;
        Options = options;
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

    /// <summary>Resolves credentials, region and endpoints as the AWS CLI would, then connects.</summary>
    public static AwsConnection Create(AwsConnectionSettings settings)
    {
        var resolved = ExplicitCredentials(settings) ?? AwsCredentialResolver.Resolve(settings.ProfileName, settings.ProfileLocation, settings.SsoLogin);
        var region = AwsCredentialResolver.ResolveRegion(settings.Region, settings.ProfileName, settings.ProfileLocation);
        var options = new AwsTransportOptions
        {
            EndpointUrl = settings.EndpointUrl,
            ConfiguredEndpoints = AwsCredentialResolver.ConfiguredEndpoints(settings.ProfileName, settings.ProfileLocation),
            InnerHandler = settings.InnerHandler,
            Log = settings.Log,
            Retry = settings.Retry ?? new AwsRetryOptions(),
            RateLimiter = settings.RateLimiter ?? RequestRateLimiter.PerSecond(settings.RequestsPerSecond),
        };
        return new AwsConnection(resolved.Credentials, region, options)
        {
            CredentialSource = resolved.Source,
            ProfileName = resolved.ProfileName,
            IsSso = resolved.Source.EndsWith("(SSO)", StringComparison.Ordinal),
            KnownCaller = settings.KnownCaller,
        };
    }

    /// <summary>Credentials given on the command line (-Credential, -AccessKey/-SecretKey), before any profile.</summary>
    private static AwsResolvedCredentials? ExplicitCredentials(AwsConnectionSettings s)
    {
        if (s.Credentials != null) return new AwsResolvedCredentials(s.Credentials, "credentials object", null);
        if (s.ForeignCredentials != null) return new AwsResolvedCredentials(ForeignAwsCredentials.From(s.ForeignCredentials), "-Credential", null);
        var hasAccessKey = !string.IsNullOrWhiteSpace(s.AccessKey);
        var hasSecretKey = !string.IsNullOrWhiteSpace(s.SecretKey);
        if (!hasAccessKey && !hasSecretKey)
        {
            if (!string.IsNullOrWhiteSpace(s.SessionToken)) throw new AwsConfigurationException("-SessionToken needs -AccessKey and -SecretKey.");
            return null;
        }
        if (!hasAccessKey || !hasSecretKey) throw new AwsConfigurationException("-AccessKey and -SecretKey go together: pass both.");
        AWSCredentials keys = string.IsNullOrWhiteSpace(s.SessionToken)
            ? new BasicAWSCredentials(s.AccessKey!.Trim(), s.SecretKey!.Trim())
            : new SessionAWSCredentials(s.AccessKey!.Trim(), s.SecretKey!.Trim(), s.SessionToken!.Trim());
        return new AwsResolvedCredentials(keys, "-AccessKey and -SecretKey", null);
    }

    /// <summary>The credentials every request is signed with.</summary>
    public AWSCredentials Credentials { get; }
    /// <summary>Where the credentials came from (environment variables, a profile and its kind, a role, a parameter).</summary>
    public string CredentialSource { get; private set; } = "credentials object";
    /// <summary>The profile the credentials came from, if any.</summary>
    public string? ProfileName { get; private set; }
    /// <summary>Who the credentials are, when the backend already said so at connect (the sandbox).</summary>
    public CallerIdentity? KnownCaller { get; private set; }
    /// <summary>The credentials come from an SSO profile, whose token may need a sign-in.</summary>
    public bool IsSso { get; private set; }
    /// <summary>The endpoint settings the region and profile lead to, for calls made outside the three clients (STS).</summary>
    public AwsTransportOptions Options { get; }

    public string Region { get; }
    public SsoAdminClient SsoAdmin { get; }
    public IdentityStoreClient IdentityStore { get; }
    public OrganizationsClient Organizations { get; }
    /// <summary>Where each service is called (service id → URL).</summary>
    public IReadOnlyDictionary<string, string> Endpoints =>
        _transports.ToDictionary(t => t.Service.Id, t => t.Endpoint.ToString());
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
