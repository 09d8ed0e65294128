using System;
using System.Net.Sockets;
using System.Security.Authentication;

namespace IdcAdmin.Core.Aws;

/// <summary>Why no answer came back from an endpoint.</summary>
public enum AwsConnectionFailure
{
    /// <summary>Nothing listens on that host and port.</summary>
    Refused,
    /// <summary>The host name does not resolve; retrying will not help.</summary>
    NameNotResolved,
    /// <summary>No connection could be opened within the connect timeout.</summary>
    ConnectTimeout,
    /// <summary>Connected, but no response came within the response timeout: the request may have been applied.</summary>
    ResponseTimeout,
    /// <summary>The TLS handshake failed (for example https:// to a plain-HTTP port); retrying will not help.</summary>
    Tls,
    /// <summary>The connection closed before the reply arrived: the request may have been applied.</summary>
    Dropped,
}

/// <summary>An endpoint could not be reached or did not answer: the endpoint, the cause and how many attempts were made.</summary>
public sealed class AwsConnectionException : Exception
{
    public AwsConnectionException(AwsConnectionFailure failure, string service, string operation, Uri endpoint, TimeSpan? timeout, Exception? inner)
        : base(Describe(failure, service, operation, endpoint, timeout), inner)
    {
        Failure = failure;
        Service = service;
        Operation = operation;
        Endpoint = endpoint;
    }

    public AwsConnectionFailure Failure { get; }
    public string Service { get; }
    public string Operation { get; }
    public Uri Endpoint { get; }
    /// <summary>Attempts made before giving up.</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>Whether the request may have reached the service and been applied although no reply came back.</summary>
    public bool MayHaveBeenApplied => Failure is AwsConnectionFailure.ResponseTimeout or AwsConnectionFailure.Dropped;

    /// <summary>Whether trying again could succeed: not for a name that does not resolve nor a failed TLS handshake.</summary>
    public bool IsRetryable => Failure is not (AwsConnectionFailure.NameNotResolved or AwsConnectionFailure.Tls);

    public override string Message => base.Message + (Attempts > 1 ? $" ({Attempts} attempts)" : "");

    private static string Describe(AwsConnectionFailure failure, string service, string operation, Uri endpoint, TimeSpan? timeout) =>
        $"{service} {operation}: could not reach {endpoint}: " + failure switch
        {
            AwsConnectionFailure.Refused => "the connection was refused or the host is unreachable.",
            AwsConnectionFailure.NameNotResolved => $"the host name '{endpoint.Host}' could not be resolved. Check -Region and -EndpointUrl.",
            AwsConnectionFailure.ConnectTimeout => $"no connection could be opened within {Seconds(timeout)}.",
            AwsConnectionFailure.ResponseTimeout => $"no response came within {Seconds(timeout)}.",
            AwsConnectionFailure.Tls => "the TLS handshake failed (is the endpoint plain http://?).",
            _ => "the connection closed before the reply arrived.",
        };

    private static string Seconds(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:0.###} s" : "the timeout";

    /// <summary>Reads what went wrong from an HttpClient failure that was neither the caller's cancellation nor the response timeout.</summary>
    internal static AwsConnectionFailure Classify(Exception e)
    {
        for (var x = e; x != null; x = x.InnerException)
        {
            if (x is AuthenticationException) return AwsConnectionFailure.Tls;
            if (x is SocketException s)
                return s.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable => AwsConnectionFailure.Refused,
                    SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => AwsConnectionFailure.NameNotResolved,
                    SocketError.TimedOut => AwsConnectionFailure.ConnectTimeout,
                    _ => AwsConnectionFailure.Dropped,
                };
            // The handler's connect timeout surfaces as a cancellation nobody asked for.
            if (x is TimeoutException or OperationCanceledException) return AwsConnectionFailure.ConnectTimeout;
        }
        return AwsConnectionFailure.Dropped;
    }
}
