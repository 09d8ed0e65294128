using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Polly;
using Polly.Retry;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Sends AWS JSON 1.1 requests: serializes, signs with SigV4 (AWSSDK.Core's public handler, so each attempt is
/// re-signed), waits for the shared rate limiter, retries transient failures and raises typed errors.
/// </summary>
public sealed class AwsJsonTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _retry;
    private readonly RequestRateLimiter? _limiter;
    private readonly IAwsCallLog? _log;
    private long _calls;

    public AwsJsonTransport(AwsService service, AWSCredentials credentials, string region, AwsTransportOptions options)
    {
        Service = service;
        Endpoint = AwsEndpointResolver.Resolve(service, region, options.EndpointUrl, configuredEndpoints: options.ConfiguredEndpoints);
        var signingRegion = RegionEndpoint.GetBySystemName(AwsEndpointResolver.SigningRegion(service, region));
        var inner = options.InnerHandler ?? new HttpClientHandler();
        _http = new HttpClient(new SigV4SigningHandler(credentials, signingRegion, service.SigningName, inner), disposeHandler: options.InnerHandler == null)
        {
            Timeout = options.Retry.AttemptTimeout,
        };
        _limiter = options.RateLimiter;
        _log = options.Log;
        _retry = BuildRetry(options.Retry);
    }

    public AwsService Service { get; }
    public Uri Endpoint { get; }
    /// <summary>HTTP attempts made, retries included.</summary>
    public long AttemptCount => Interlocked.Read(ref _calls);

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await _retry.ExecuteAsync(
                async (ctx, state) => await SendOnceAsync<TResponse>(state.operation, state.body, ctx.CancellationToken).ConfigureAwait(false),
                context, (operation, body)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(string operation, byte[] body, CancellationToken cancellationToken)
    {
        if (_limiter != null) await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _calls);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", Service.TargetPrefix + "." + operation);
        var watch = Stopwatch.StartNew();
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var text = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        _log?.Debug($"{Service.Id} {operation} -> {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms");
        if (!response.IsSuccessStatusCode)
            throw AwsErrorParser.Parse(response.StatusCode, response, text, Service.Id, operation);
        if (string.IsNullOrWhiteSpace(text)) text = "{}";
        try
        {
            return JsonSerializer.Deserialize<TResponse>(text, AwsJson.Options)!;
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("InvalidResponse", $"The response could not be read: {e.Message}", null, response.StatusCode, Service.Id, operation);
        }
    }

    private ResiliencePipeline BuildRetry(AwsRetryOptions options)
    {
        if (options.MaxAttempts <= 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
            OnRetry = args =>
            {
                var e = args.Outcome.Exception;
                var why = e is AwsServiceException a ? a.ErrorCode : e?.GetType().Name;
                _log?.Debug($"{Service.Id} {args.Context.OperationKey}: {why}; retry {args.AttemptNumber + 1} in {(int)args.RetryDelay.TotalMilliseconds} ms");
                return default;
            },
        }).Build();
    }

    /// <summary>Throttling, conflicts still settling, 5xx, dropped connections and attempt timeouts are worth another try.</summary>
    internal static bool IsTransient(Exception? e, CancellationToken callerToken) => e switch
    {
        null => false,
        AwsServiceException aws => aws.IsRetryable,
        HttpRequestException => true,
        IOException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    public void Dispose() => _http.Dispose();
}
