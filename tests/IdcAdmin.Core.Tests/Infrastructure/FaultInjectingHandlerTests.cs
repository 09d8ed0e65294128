using Xunit;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>The fault injector is reproducible: tests built on it cannot pass or fail by thread timing.</summary>
public sealed class FaultInjectingHandlerTests
{
    private static async Task<string> OutcomesAsync(IEnumerable<int> order)
    {
        var backend = new ScriptedHandler().On("CreateGroup", _ => new { });
        using var client = new HttpClient(new FaultInjectingHandler(backend, seed: 11) { ThrottleRate = 0.3, ServerErrorRate = 0.1, DropRate = 0.15 });
        var outcomes = new SortedDictionary<int, string>();
        foreach (var i in order)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:1/") { Content = new StringContent($"{{\"DisplayName\":\"g{i / 1000}\"}}") };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSIdentityStore.CreateGroup");
            string outcome;
            try { outcome = ((int)(await client.SendAsync(request)).StatusCode).ToString(); }
            catch (HttpRequestException) { outcome = "drop"; }
            outcomes[i] = outcome;
        }
        return string.Join(" ", outcomes.Select(o => $"{o.Key}:{o.Value}"));
    }

    [Fact]
    public async Task A_seed_faults_the_same_attempts_of_the_same_requests_whatever_order_they_arrive_in()
    {
        // 30 requests sent 6 times each (key = request * 1000 + attempt * 100): once request by request, once
        // interleaved with the last request first; the attempts of one request keep their order.
        var keys = Enumerable.Range(0, 30).SelectMany(r => Enumerable.Range(0, 6).Select(a => r * 1000 + a * 100)).ToList();
        var interleaved = keys.OrderBy(k => k % 1000).ThenBy(k => -k).ToList();

        var inOrder = await OutcomesAsync(keys);
        var shuffled = await OutcomesAsync(interleaved);

        Assert.Equal(inOrder, shuffled);
        Assert.Matches(":(400|503|drop)", inOrder); // some attempts faulted ...
        Assert.Contains(":200", inOrder);            // ... and some passed
    }
}
