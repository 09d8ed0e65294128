using System.Management.Automation;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Commands.Instance;

/// <summary>
/// The credential and endpoint parameters of the cmdlets that connect (Connect-IdcInstance, and Initialize-IdcAdministrator
/// when not yet connected), read into connection settings in one place.
/// </summary>
internal interface IConnectionParameters
{
    string? ProfileName { get; }
    string? ProfileLocation { get; }
    object? Credential { get; }
    string? AccessKey { get; }
    string? SecretKey { get; }
    string? SessionToken { get; }
    string? Region { get; }
    string? EndpointUrl { get; }
}

internal static class ConnectionParameters
{
    public static AwsConnectionSettings ToSettings(this IConnectionParameters p) => new()
    {
        ProfileName = p.ProfileName,
        ProfileLocation = p.ProfileLocation,
        // AWS.Tools' credentials arrive wrapped when they come from a variable.
        ForeignCredentials = p.Credential is PSObject wrapped ? wrapped.BaseObject : p.Credential,
        AccessKey = p.AccessKey,
        SecretKey = p.SecretKey,
        SessionToken = p.SessionToken,
        Region = p.Region,
        EndpointUrl = p.EndpointUrl,
        Log = AmbientCallLog.Instance,
    };
}
