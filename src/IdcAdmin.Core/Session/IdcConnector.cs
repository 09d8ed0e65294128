using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Session;

/// <summary>Finds the Identity Center instance the credentials can administer.</summary>
public static class IdcConnector
{
    public static async Task<IdcSession> ConnectAsync(AwsConnection connection, string? instanceArn, CancellationToken cancellationToken)
    {
        await CredentialCheck.EnsureAsync(connection).ConfigureAwait(false);
        var caller = CallerIdentityReader.ReadAsync(connection, cancellationToken);
        var instances = new List<InstanceMetadata>();
        try
        {
            await foreach (var i in connection.SsoAdmin.PaginateListInstances(new ListInstancesRequest(), cancellationToken).ConfigureAwait(false))
                instances.Add(i);
        }
        catch (AwsServiceException e) when (e is not AwsAccessDeniedException && !IsKnownRegion(connection.Region))
        {
            // An emulator or proxy may answer anything for a region it does not serve: the region is the likelier fault.
            throw new AwsConfigurationException(
                $"'{connection.Region}' is not a known AWS region, and listing Identity Center instances there failed ({e.ErrorCode}: {e.AwsMessage}). Check -Region.", e);
        }
        catch (AwsAccessDeniedException e)
        {
            throw new IdcConnectException(IdcConnectError.AccessDenied,
                $"The credentials may not list Identity Center instances in {connection.Region} (sso:ListInstances was denied: {e.AwsMessage}). " +
                "Use credentials of the organization's management account, or of its delegated administrator for IAM Identity Center.", e);
        }
        var chosen = Choose(instances, instanceArn, connection.Region);
        var instance = new IdcInstance
        {
            InstanceArn = chosen.InstanceArn!,
            IdentityStoreId = chosen.IdentityStoreId!,
            Name = chosen.Name,
            OwnerAccountId = chosen.OwnerAccountId,
            Status = chosen.Status,
            CreatedDate = chosen.CreatedDate,
            Region = connection.Region,
            AccessPortalUrl = IdcInstance.DefaultPortalUrl(chosen.IdentityStoreId!, connection.Region),
        };
        instance.SetContext(connection, await caller.ConfigureAwait(false));
        return new IdcSession(connection, instance);
    }

    // AWSSDK.Core names the regions it knows; any other name it accepts as "Unknown".
    private static bool IsKnownRegion(string region) => Amazon.RegionEndpoint.GetBySystemName(region).DisplayName != "Unknown";

    private static InstanceMetadata Choose(List<InstanceMetadata> instances, string? instanceArn, string region)
    {
        if (!string.IsNullOrWhiteSpace(instanceArn))
        {
            return instances.FirstOrDefault(i => string.Equals(i.InstanceArn, instanceArn, StringComparison.Ordinal))
                   ?? throw new IdcConnectException(IdcConnectError.InstanceNotFound,
                       $"No Identity Center instance '{instanceArn}' is visible in {region}. Visible: {Describe(instances)}.");
        }
        if (instances.Count == 0)
            throw new IdcConnectException(IdcConnectError.NotEnabled,
                $"IAM Identity Center is not enabled in {region} for these credentials. " +
                "To enable an organization instance, sign in to the management account and choose Enable in the IAM Identity Center console " +
                "(the API cannot enable one). For a standalone account, Initialize-IdcAdministrator -CreateInstance creates an account instance. " +
                "If it is enabled in another region, pass -Region.");
        if (instances.Count > 1)
            throw new IdcConnectException(IdcConnectError.Ambiguous,
                $"{instances.Count} Identity Center instances are visible in {region}; choose one with -InstanceArn: {Describe(instances)}.");
        return instances[0];
    }

    private static string Describe(List<InstanceMetadata> instances) =>
        instances.Count == 0 ? "none" : string.Join(", ", instances.Select(i => $"{i.InstanceArn} ({i.Name ?? "unnamed"}, {i.Status ?? "ACTIVE"})"));
}

public enum IdcConnectError { NotEnabled, Ambiguous, InstanceNotFound, AccessDenied, Credentials }

/// <summary>Connecting failed for a reason the user can act on; the message says how.</summary>
public sealed class IdcConnectException : Exception
{
    public IdcConnectException(IdcConnectError error, string message, Exception? inner = null) : base(message, inner) => Error = error;
    public IdcConnectError Error { get; }
}
