using System;
using System.Reflection;
using Amazon.Runtime;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Credentials given as an object of another copy of AWSSDK.Core, such as AWS.Tools' Get-AWSCredential returns: the
/// type has the same name but not the same identity (it lives in another load context), so it is read by its shape.
/// <c>GetCredentials()</c> is called for every request, so refreshing credentials (assumed roles, SSO) stay fresh.
/// </summary>
public sealed class ForeignAwsCredentials : AWSCredentials
{
    private readonly object _source;
    private readonly MethodInfo? _getCredentials;

    private ForeignAwsCredentials(object source, MethodInfo? getCredentials)
    {
        _source = source;
        _getCredentials = getCredentials;
    }

    /// <summary>
    /// Our own AWSCredentials as they are; otherwise any object with a <c>GetCredentials()</c> method (AWSCredentials of
    /// another AWSSDK.Core) or with AccessKey and SecretKey properties (ImmutableCredentials).
    /// </summary>
    public static AWSCredentials From(object credentials)
    {
        if (credentials is AWSCredentials own) return own;
        var method = credentials.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
        if (method == null && credentials.GetType().GetProperty("AccessKey") == null)
            throw new ArgumentException(
                $"-Credential takes AWS credentials (an AWSCredentials object, such as Get-AWSCredential returns); a {credentials.GetType().FullName} has neither GetCredentials() nor AccessKey.");
        var adapter = new ForeignAwsCredentials(credentials, method);
        adapter.GetCredentials(); // fails now, with a clear message, rather than at the first request
        return adapter;
    }

    public override ImmutableCredentials GetCredentials()
    {
        object? immutable;
        try
        {
            immutable = _getCredentials == null ? _source : _getCredentials.Invoke(_source, null);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw new AwsConfigurationException($"The credentials given with -Credential could not be obtained: {e.InnerException.Message}", e.InnerException);
        }
        var accessKey = Read(immutable, "AccessKey");
        var secretKey = Read(immutable, "SecretKey");
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            throw new AwsConfigurationException("The credentials given with -Credential have no access key or secret key.");
        return new ImmutableCredentials(accessKey, secretKey, Read(immutable, "Token"));
    }

    private static string? Read(object? o, string property) => o?.GetType().GetProperty(property)?.GetValue(o) as string;
}
