using System.Net;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>
/// Answers every <see cref="Every"/>-th call ThrottlingException before it reaches the handler behind (which then
/// counts only the calls answered), as AWS throttles some calls whatever the caller's rate.
/// </summary>
public sealed class SporadicThrottler : DelegatingHandler
{
    private int _calls;
    private int _throttled;

    public SporadicThrottler(HttpMessageHandler inner, int every) : base(inner) => Every = every;

    public int Every { get; }
    public int Throttled => Volatile.Read(ref _throttled);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) % Every != 0) return base.SendAsync(request, cancellationToken);
        Interlocked.Increment(ref _throttled);
        return Task.FromResult(ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded").ToHttp());
    }
}
