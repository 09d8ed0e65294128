using System;
using System.Threading;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Decides whether a failed attempt is tried again, and after what wait: the AWS SDKs' standard mode (connection
/// failures, timeouts and 5xx: at most <see cref="AwsRetryOptions.MaxAttempts"/> attempts, paid from the session's
/// <see cref="RetryQuota"/>) with adaptive-mode throttling (up to <see cref="AwsRetryOptions.ThrottleMaxAttempts"/>,
/// the backoff based on the limiter's rate, while the limiter takes the throttled attempt's token back and slows down
/// on contention). Backoff is exponential with full jitter.
/// </summary>
public sealed class AwsRetryPolicy
{
    private static readonly ThreadLocal<Random> Jitter = new(() => new Random(Guid.NewGuid().GetHashCode()));
    private readonly AwsRetryOptions _options;
    private readonly RetryQuota _quota;

    public AwsRetryPolicy(AwsRetryOptions options, RetryQuota quota)
    {
        _options = options;
        _quota = quota;
    }

    /// <summary>What one call has been through so far.</summary>
    public sealed class CallState
    {
        public int Attempts { get; internal set; }
        public int TransientFailures { get; internal set; }
        public int Throttles { get; internal set; }
        public int QuotaSpent { get; internal set; }
    }

    /// <summary>A retry after <see cref="Delay"/>, or none (Delay null) for the reason <see cref="Why"/>.</summary>
    public readonly struct Decision
    {
        public Decision(TimeSpan? delay, int limit, string why, int retry = 0)
        {
            Delay = delay;
            Limit = limit;
            Why = why;
            Retry = retry;
        }

        public TimeSpan? Delay { get; }
        /// <summary>Which retry of this kind of failure this is (1 for the first).</summary>
        public int Retry { get; }
        /// <summary>Attempts allowed for this kind of failure.</summary>
        public int Limit { get; }
        public string Why { get; }
    }

    public void Succeeded(CallState state) => _quota.Release(state.QuotaSpent);

    /// <summary>
    /// Counts the failed attempt and decides; <paramref name="endpointHasAnswered"/> is whether the endpoint ever answered
    /// this session. <paramref name="throttleBase"/> is the base of the backoff after throttling when a shared rate
    /// limiter paces the session (one token's interval at its current, already lowered rate): as the SDKs' adaptive
    /// strategy, the wait follows the load the client perceives, because the retry also queues behind the limiter;
    /// it never exceeds <see cref="AwsRetryOptions.BaseDelay"/>, and without a limiter that base is used.
    /// With a limiter, a request's throttles that the limiter counts as sporadic (before the
    /// <see cref="ThrottleContention.ThrottlesInARow"/>-th) are retried without a wait of its own: the limiter took the
    /// attempt's token back and paces the retry like any other call, and a wait there only lengthens the request. The
    /// backoff starts with the throttle that shows contention, the one that also cuts the limiter's rate, and grows from it.
    /// </summary>
    public Decision Decide(CallState state, Exception failure, bool endpointHasAnswered, TimeSpan? throttleBase = null)
    {
        state.Attempts++;
        if (failure is AwsThrottlingException)
        {
            state.Throttles++;
            if (state.Throttles >= _options.ThrottleMaxAttempts) return new Decision(null, _options.ThrottleMaxAttempts, $"throttled {state.Throttles} times");
            if (throttleBase is not { } paced) return new Decision(Backoff(state.Throttles, _options.BaseDelay), _options.ThrottleMaxAttempts, "", state.Throttles);
            var beyondSporadic = state.Throttles - (ThrottleContention.ThrottlesInARow - 1);
            var delay = beyondSporadic <= 0 ? TimeSpan.Zero : Backoff(beyondSporadic, paced < _options.BaseDelay ? paced : _options.BaseDelay);
            return new Decision(delay, _options.ThrottleMaxAttempts, "", state.Throttles);
        }
        if (!IsTransient(failure)) return new Decision(null, 1, "the error is final");
        // An endpoint that never answered and now let an attempt time out is silent, not slow: waiting again would
        // only multiply the wait.
        if (failure is AwsConnectionException { Failure: AwsConnectionFailure.ResponseTimeout } && !endpointHasAnswered)
            return new Decision(null, 1, "the endpoint has never answered");
        state.TransientFailures++;
        if (state.TransientFailures >= _options.MaxAttempts)
            return new Decision(null, _options.MaxAttempts, $"{state.TransientFailures} attempts failed");
        var cost = failure is AwsConnectionException { Failure: AwsConnectionFailure.ResponseTimeout } ? RetryQuota.TimeoutCost : RetryQuota.RetryCost;
        if (!_quota.TryAcquire(cost)) return new Decision(null, _options.MaxAttempts, "the session's retry budget is spent");
        state.QuotaSpent += cost;
        return new Decision(Backoff(state.TransientFailures, _options.BaseDelay), _options.MaxAttempts, "", state.TransientFailures);
    }

    /// <summary>Connection failures, timeouts, 5xx and conflicts still settling are worth another try; throttling is counted apart.</summary>
    public static bool IsTransient(Exception failure) => failure switch
    {
        AwsConnectionException c => c.IsRetryable,
        AwsServiceException aws => aws.IsRetryable,
        _ => false,
    };

    /// <summary>Whether the failed attempt may have been applied by the service although no success came back.</summary>
    public static bool MayHaveBeenApplied(Exception failure) => failure switch
    {
        AwsConnectionException c => c.MayHaveBeenApplied,
        AwsServiceException aws => (int)aws.StatusCode >= 500,
        _ => false,
    };

    /// <summary>Full jitter: a random wait up to base × 2^(retry−1), capped.</summary>
    private TimeSpan Backoff(int retry, TimeSpan baseDelay)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(Jitter.Value!.NextDouble() * ceiling);
    }
}
