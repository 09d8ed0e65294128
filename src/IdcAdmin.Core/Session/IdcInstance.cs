using System;
using System.Collections.Generic;

namespace IdcAdmin.Core.Session;

/// <summary>An IAM Identity Center instance: what every other call needs, and the access portal users sign in to.</summary>
public sealed class IdcInstance
{
    public string InstanceArn { get; set; } = "";
    public string IdentityStoreId { get; set; } = "";
    public string? Name { get; set; }
    public string? OwnerAccountId { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    public string Region { get; set; } = "";
    /// <summary>The default access portal URL (https://&lt;identity store id&gt;.awsapps.com/start); a custom subdomain is not exposed by the API.</summary>
    public string AccessPortalUrl { get; set; } = "";

    /// <summary>The account the credentials belong to (sts:GetCallerIdentity at connect); empty when STS did not answer.</summary>
    public string? CallerAccount { get; set; }
    /// <summary>The principal the credentials belong to, e.g. arn:aws:sts::111122223333:assumed-role/Admin/alice.</summary>
    public string? CallerArn { get; set; }
    /// <summary>Why the caller is unknown, when sts:GetCallerIdentity failed (the connection works without it).</summary>
    public string? CallerError { get; set; }
    /// <summary>The AWS profile in use, if any.</summary>
    public string? ProfileName { get; set; }
    /// <summary>Where the credentials come from: environment variables, a profile and its kind, a role, a parameter.</summary>
    public string? CredentialSource { get; set; }
    /// <summary>Where each service is called (service id → URL).</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; set; } = new Dictionary<string, string>();

    /// <summary>Records how the instance was reached: the caller, the credentials' source and the endpoints.</summary>
    public void SetContext(AwsConnection connection, CallerIdentity caller)
    {
        CallerAccount = caller.Account;
        CallerArn = caller.Arn;
        CallerError = caller.Error;
        ProfileName = connection.ProfileName;
        CredentialSource = connection.CredentialSource;
        Endpoints = connection.Endpoints;
    }

    public override string ToString() => InstanceArn;

    public static string DefaultPortalUrl(string identityStoreId, string region) =>
        region.StartsWith("us-gov-", StringComparison.Ordinal)
            ? $"https://start.us-gov-home.awsapps.com/directory/{identityStoreId}"
            : $"https://{identityStoreId}.awsapps.com/start";
}
