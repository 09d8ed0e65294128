using System;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Errors raised by AWSSDK.Core on the client side (bad settings, unreadable profiles). Asked here because the cmdlet
/// assembly must not name AWSSDK types: the SDK loads only in the engine's private load context.
/// </summary>
public static class SdkClientErrors
{
    public static bool IsClientError(Exception e) => e is Amazon.Runtime.AmazonClientException;
}
