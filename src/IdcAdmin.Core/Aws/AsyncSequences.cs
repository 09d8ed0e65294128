using System.Collections.Generic;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>Streams read whole, where a caller needs every item before it can go on (the engine does not take System.Linq.Async for this one step).</summary>
internal static class AsyncSequences
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false)) list.Add(item);
        return list;
    }
}
