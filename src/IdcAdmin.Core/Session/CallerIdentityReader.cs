using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Core.Session;

/// <summary>Who the credentials are (sts:GetCallerIdentity), asked once at connect; never fails the connection.</summary>
public static class CallerIdentityReader
{
    public static async Task<CallerIdentity> ReadAsync(AwsConnection connection, CancellationToken cancellationToken)
    {
        if (connection.KnownCaller is { } known) return known;
        try
        {
            var endpoint = AwsEndpointResolver.Resolve(AwsService.Sts, connection.Region, connection.Options.EndpointUrl,
                configuredEndpoints: connection.Options.ConfiguredEndpoints);
            var config = new AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoint.ToString(),
                AuthenticationRegion = connection.Region,
                MaxErrorRetry = 1,
                Timeout = TimeSpan.FromSeconds(5),
            };
            using var sts = new AmazonSecurityTokenServiceClient(connection.Credentials, config);
            var answer = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(answer.Account, answer.Arn, answer.UserId, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The connection works without it (the call may be denied, or STS unreachable from a closed network).
            return new CallerIdentity(null, null, null, e.Message);
        }
    }
}

/// <summary>The account and principal the credentials belong to; <see cref="Error"/> says why they are unknown.</summary>
public sealed class CallerIdentity
{
    public CallerIdentity(string? account, string? arn, string? userId, string? error)
    {
        Account = account;
        Arn = arn;
        UserId = userId;
        Error = error;
    }

    public string? Account { get; }
    public string? Arn { get; }
    public string? UserId { get; }
    public string? Error { get; }
}
