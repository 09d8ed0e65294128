using System;

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

    public override string ToString() => InstanceArn;

    public static string DefaultPortalUrl(string identityStoreId, string region) =>
        region.StartsWith("us-gov-", StringComparison.Ordinal)
            ? $"https://start.us-gov-home.awsapps.com/directory/{identityStoreId}"
            : $"https://{identityStoreId}.awsapps.com/start";
}
