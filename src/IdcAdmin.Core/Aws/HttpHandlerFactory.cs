using System;
using System.Net.Http;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// The HTTP handler under the signer. On .NET Core and later it is a SocketsHttpHandler with a connect timeout (the
/// engine targets netstandard2.0, which does not declare that type, so it is made by name); elsewhere (Windows
/// PowerShell 5.1) an HttpClientHandler, where only the response timeout applies.
/// </summary>
public static class HttpHandlerFactory
{
    private static readonly Type? SocketsHandler = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);

    public static HttpMessageHandler Create(TimeSpan connectTimeout)
    {
        if (SocketsHandler != null && Activator.CreateInstance(SocketsHandler) is HttpMessageHandler handler)
        {
            SocketsHandler.GetProperty("ConnectTimeout")?.SetValue(handler, connectTimeout);
            // DNS changes (failover) are picked up by a long session.
            SocketsHandler.GetProperty("PooledConnectionLifetime")?.SetValue(handler, TimeSpan.FromMinutes(5));
            return handler;
        }
        return new HttpClientHandler();
    }

    /// <summary>The connect timeout a handler made here applies; null where the platform has none.</summary>
    public static TimeSpan? ConnectTimeoutOf(HttpMessageHandler handler) =>
        handler.GetType().GetProperty("ConnectTimeout")?.GetValue(handler) as TimeSpan?;
}
