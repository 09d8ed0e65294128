using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Sends AWS JSON 1.1 requests: serializes, signs with SigV4 (AWSSDK.Core's public handler, so each attempt is
/// re-signed), waits for the shared adaptive rate limiter (telling it which attempts were throttled), retries as <see cref="AwsRetryPolicy"/> decides and raises
/// typed errors: <see cref="AwsServiceException"/> for an AWS answer, <see cref="AwsConnectionException"/> for none.
/// </summary>
public sealed class AwsJsonTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");
    private readonly HttpClient _http;
    private readonly AwsRetryPolicy _policy;
    private readonly RequestRateLimiter? _limiter;
    private readonly IAwsCallLog? _log;
    private long _calls;
    private int _answered;

    public AwsJsonTransport(AwsService service, AWSCredentials credentials, string region, AwsTransportOptions options)
    {
        Service = service;
        Endpoint = AwsEndpointResolver.Resolve(service, region, options.EndpointUrl, configuredEndpoints: options.ConfiguredEndpoints);
        var signingRegion = RegionEndpoint.GetBySystemName(AwsEndpointResolver.SigningRegion(service, region));
        Retry = options.Retry;
        var inner = options.InnerHandler ?? HttpHandlerFactory.Create(Retry.ConnectTimeout);
        InnerHandler = inner;
        // The response timeout is applied per attempt below, where it can be told apart from the caller's cancellation.
        _http = new HttpClient(new SigV4SigningHandler(credentials, signingRegion, service.SigningName, inner), disposeHandler: options.InnerHandler == null)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _limiter = options.RateLimiter;
        _log = options.Log;
        _policy = new AwsRetryPolicy(Retry, options.RetryQuota ?? new RetryQuota());
    }

    public AwsService Service { get; }
    public Uri Endpoint { get; }
    /// <summary>The retry and timeout settings in force.</summary>
    public AwsRetryOptions Retry { get; }
    /// <summary>The handler under the signer (where the connect timeout lives).</summary>
    public HttpMessageHandler InnerHandler { get; }
    /// <summary>HTTP attempts made, retries included.</summary>
    public long AttemptCount => Interlocked.Read(ref _calls);

    public Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken) where TResponse : class =>
        InvokeAsync<TRequest, TResponse>(operation, request, null, cancellationToken);

    /// <summary>
    /// Sends a request, retrying as the policy allows. When an attempt may have been applied although its reply was
    /// lost (dropped connection, response timeout, 5xx), <paramref name="findApplied"/> (if given) is asked before
    /// sending again: a non-null answer is the call's result, so a write that is not safe to repeat is not repeated.
    /// </summary>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request,
        Func<CancellationToken, Task<TResponse?>>? findApplied, CancellationToken cancellationToken) where TResponse : class
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var state = new AwsRetryPolicy.CallState();
        var admission = new StrongBox<long>(0);
        var throttlesInARow = 0;
        while (true)
        {
            Exception failure;
            try
            {
                var response = await SendOnceAsync<TResponse>(operation, body, admission, cancellationToken).ConfigureAwait(false);
                _policy.Succeeded(state);
                _limiter?.ReportSuccess();
                return response;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is AwsServiceException or AwsConnectionException)
            {
                failure = e;
            }
            // Throttles of one request in a row are what tell contention from sporadic throttling; another failure breaks the row.
            throttlesInARow = failure is AwsThrottlingException ? throttlesInARow + 1 : 0;
            if (failure is AwsThrottlingException) _limiter?.ReportThrottled(admission.Value, throttlesInARow);
            var decision = _policy.Decide(state, failure, Volatile.Read(ref _answered) == 1, ThrottleBackoffBase());
            if (decision.Delay is not { } delay)
            {
                if (failure is AwsConnectionException c) c.Attempts = state.Attempts;
                // A final answer (not found, denied, invalid) is the caller's to report; a retry given up on is told here.
                if (failure is AwsThrottlingException || AwsRetryPolicy.IsTransient(failure))
                    _log?.Verbose($"{Service.Id} {operation}: {Reason(failure)}; not retried: {decision.Why}.");
                throw failure;
            }
            _log?.Verbose($"{Service.Id} {operation}: {Reason(failure)}; retry {decision.Retry} of {decision.Limit - 1} in {(int)delay.TotalMilliseconds} ms.");
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            if (findApplied != null && AwsRetryPolicy.MayHaveBeenApplied(failure))
            {
                var applied = await findApplied(cancellationToken).ConfigureAwait(false);
                if (applied != null)
                {
                    _log?.Verbose($"{Service.Id} {operation}: the earlier attempt was applied; not sent again.");
                    _policy.Succeeded(state);
                    return applied;
                }
            }
        }
    }

    /// <summary>One attempt; <paramref name="admission"/> receives the limiter's number for it.</summary>
    private async Task<TResponse> SendOnceAsync<TResponse>(string operation, byte[] body, StrongBox<long> admission, CancellationToken cancellationToken)
    {
        if (_limiter != null) admission.Value = await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _calls);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", Service.TargetPrefix + "." + operation);
        var watch = Stopwatch.StartNew();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Retry.AttemptTimeout);
        HttpResponseMessage response;
        string text;
        try
        {
            // SendAsync reads the whole body (ResponseContentRead) under the attempt's token, so the timeout covers it.
            response = await _http.SendAsync(message, attempt.Token).ConfigureAwait(false);
            text = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
        {
            var failure = attempt.IsCancellationRequested ? AwsConnectionFailure.ResponseTimeout : AwsConnectionException.Classify(e);
            _log?.Debug($"{Service.Id} {operation} -> no answer ({failure}) in {watch.ElapsedMilliseconds} ms");
            throw new AwsConnectionException(failure, Service.Id, operation, Endpoint,
                failure == AwsConnectionFailure.ResponseTimeout ? Retry.AttemptTimeout : failure == AwsConnectionFailure.ConnectTimeout ? Retry.ConnectTimeout : null, e);
        }
        using (response)
        {
            Interlocked.Exchange(ref _answered, 1);
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
    }

    /// <summary>One token's interval at the shared limiter's current rate; null without a limiter.</summary>
    private TimeSpan? ThrottleBackoffBase() => _limiter == null ? null : TimeSpan.FromSeconds(1 / _limiter.CurrentRequestsPerSecond);

    private static string Reason(Exception e) => e switch
    {
        AwsServiceException a => $"{a.ErrorCode} (HTTP {(int)a.StatusCode})",
        AwsConnectionException c => c.Failure.ToString(),
        _ => e.GetType().Name,
    };

    public void Dispose() => _http.Dispose();
}
