using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Waits for a batch of asynchronous requests with one status listing (List…CreationStatus, …DeletionStatus,
/// ListPermissionSetProvisioningStatus) answering every request of the batch that appears on its page, instead of
/// one Describe… call per request. A listing goes out when the earliest request is expected to be finished, and
/// not more often than every twelfth of the expected completion time, so each page answers several requests. A
/// listing held up by throttling and its retries does not hold up the next: up to two are out at once.
/// AWS does not document the listing's order: a request that is due but not on the page is handed back unknown
/// (null), and the caller describes it.
/// </summary>
public sealed class StatusBoard
{
    public const string InProgress = "IN_PROGRESS";
    private readonly Func<CancellationToken, Task<IReadOnlyList<(string RequestId, string Status)>>> _listPage;
    private readonly CompletionEstimate _estimate;
    private readonly PollOptions _polling;
    private readonly CancellationToken _cancellationToken;
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastListing = TimeSpan.MinValue;
    private bool _running;
    private int _listingsOut;
    private const int MaxListingsOut = 2;

    public StatusBoard(Func<CancellationToken, Task<IReadOnlyList<(string RequestId, string Status)>>> listPage, CompletionEstimate estimate, PollOptions polling,
        CancellationToken cancellationToken)
    {
        _listPage = listPage;
        _estimate = estimate;
        _polling = polling;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Listings sent, for tests and benchmarks.</summary>
    public int Listings { get; private set; }

    /// <summary>
    /// The final status (SUCCEEDED or FAILED) of a request accepted just now, IN_PROGRESS when the wait timed out,
    /// or null when the listings could not tell (not on the page, or the listing failed).
    /// </summary>
    public Task<string?> WaitAsync(string requestId) => WaitAsync(requestId, justAccepted: true);

    /// <summary>
    /// As <see cref="WaitAsync(string)"/>; a request accepted earlier (<paramref name="justAccepted"/> false, e.g.
    /// returned by -NoWait) may be finished already, so it is read by the next listing and teaches the estimate
    /// nothing. Its timeout runs from now.
    /// </summary>
    public Task<string?> WaitAsync(string requestId, bool justAccepted)
    {
        var expected = justAccepted ? _estimate.Current : TimeSpan.Zero;
        var entry = new Entry(_clock.Elapsed, _clock.Elapsed + expected, expected) { Read = !justAccepted };
        lock (_gate)
        {
            _entries[requestId] = entry;
            if (!_running)
            {
                _running = true;
                _ = Task.Run(LoopAsync);
            }
        }
        return entry.Done.Task;
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            TimeSpan wait;
            var sentAt = TimeSpan.Zero;
            lock (_gate)
            {
                if (_entries.Count == 0 || _cancellationToken.IsCancellationRequested)
                {
                    foreach (var e in _entries.Values) e.Done.TrySetCanceled(_cancellationToken);
                    _entries.Clear();
                    _running = false;
                    return;
                }
                var now = _clock.Elapsed;
                var due = _entries.Values.Min(e => e.Due);
                var spacing = TimeSpan.FromTicks(_estimate.Current.Ticks / 12);
                var next = _lastListing == TimeSpan.MinValue || due > _lastListing + spacing ? due : _lastListing + spacing;
                wait = next - now;
                if (wait <= TimeSpan.Zero && _listingsOut < MaxListingsOut)
                {
                    _listingsOut++;
                    _lastListing = sentAt = now;
                }
                else if (wait <= TimeSpan.Zero) wait = TimeSpan.FromMilliseconds(10);
            }
            // Short naps, so requests added meanwhile with an earlier due time are not overslept.
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait < TimeSpan.FromMilliseconds(50) ? wait : TimeSpan.FromMilliseconds(50), _cancellationToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
                continue;
            }
            _ = ListOnceAsync(sentAt);
        }
    }

    /// <summary>One listing sent at <paramref name="sentAt"/>: it can only speak for requests accepted before that.</summary>
    private async Task ListOnceAsync(TimeSpan sentAt)
    {
        IReadOnlyList<(string RequestId, string Status)>? page = null;
        try { page = await _listPage(_cancellationToken).ConfigureAwait(false); }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested) { lock (_gate) _listingsOut--; return; }
        catch (Exception) { }
        lock (_gate)
        {
            _listingsOut--;
            Listings++;
            var now = _clock.Elapsed;
            // A listing slowed by throttling and its retries read later than it was timed for: that it found requests
            // finished says nothing about when they finished, so it does not pull the estimate down.
            var readLate = now - sentAt > TimeSpan.FromTicks(_estimate.Current.Ticks / 12);
            var statuses = page?.GroupBy(p => p.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
            foreach (var pair in _entries.ToList())
            {
                var (id, entry) = (pair.Key, pair.Value);
                if (entry.Started > sentAt) continue;
                string? status = null;
                var listed = statuses != null && statuses.TryGetValue(id, out status);
                if (listed && status != InProgress)
                {
                    if (!entry.Read && !readLate) _estimate.Observe(finished: true, entry.Expected);
                    if (entry.FirstReadEarly && !readLate) _estimate.Sufficed(sentAt - entry.Started);
                    Finish(id, entry, status);
                }
                else if (entry.Due > sentAt) continue;
                else if (!listed) Finish(id, entry, null);
                else if (now - entry.Started + entry.Interval > _polling.Timeout) Finish(id, entry, InProgress);
                else
                {
                    if (!entry.Read)
                    {
                        _estimate.Observe(finished: false, entry.Expected);
                        entry.FirstReadEarly = true;
                    }
                    entry.Read = true;
                    entry.Interval = entry.Interval == TimeSpan.Zero
                        ? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, _estimate.Current.Ticks / 10))
                        : TimeSpan.FromTicks(Math.Min(_polling.MaxInterval.Ticks, entry.Interval.Ticks + entry.Interval.Ticks / 2));
                    entry.Due = now + entry.Interval;
                }
            }
        }
    }

    private void Finish(string id, Entry entry, string? status)
    {
        _entries.Remove(id);
        entry.Done.TrySetResult(status);
    }

    private sealed class Entry
    {
        public Entry(TimeSpan started, TimeSpan due, TimeSpan expected) { Started = started; Due = due; Expected = expected; }
        public TimeSpan Started { get; }
        /// <summary>The completion time the first read was timed by.</summary>
        public TimeSpan Expected { get; }
        public TimeSpan Due { get; set; }
        public TimeSpan Interval { get; set; }
        /// <summary>Its first read is behind it: later reads teach the estimate nothing but <see cref="FirstReadEarly"/>'s bound.</summary>
        public bool Read { get; set; }
        /// <summary>Its first read (timed by the estimate) found it running: the read that finds it finished tells how long sufficed.</summary>
        public bool FirstReadEarly { get; set; }
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
