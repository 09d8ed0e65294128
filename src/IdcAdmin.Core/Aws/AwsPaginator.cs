using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>Turns a token-paged AWS list call into a stream that fetches the next page only when the caller wants it.</summary>
public static class AwsPaginator
{
    public static async IAsyncEnumerable<TItem> Paginate<TRequest, TResponse, TItem>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Action<TRequest, string?> setToken,
        Func<TResponse, IEnumerable<TItem>> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await call(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page)) yield return item;
            var token = nextToken(page);
            // A token seen before would loop forever; AWS never sends one, a broken proxy might.
            if (string.IsNullOrEmpty(token) || !seen.Add(token!)) yield break;
            setToken(request, token);
        }
    }
}
