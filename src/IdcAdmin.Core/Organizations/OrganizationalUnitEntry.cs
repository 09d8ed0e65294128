namespace IdcAdmin.Core.Organizations;

/// <summary>A root or organizational unit, with its path from the root (e.g. /Root/Workloads/Prod).</summary>
public sealed class OrganizationalUnitEntry
{
    /// <summary>The ou-… or r-… id; named so it binds to -OrganizationalUnit down the pipeline.</summary>
    public string OrganizationalUnitId { get; set; } = "";
    public string Id => OrganizationalUnitId;
    public string Name { get; set; } = "";
    public string Path { get; set; } = "";
    /// <summary>The parent's id; empty for the root.</summary>
    public string ParentId { get; set; } = "";
    public string? Arn { get; set; }
    /// <summary>0 for the root, 1 for its children, and so on.</summary>
    public int Depth { get; set; }
    public bool IsRoot => string.IsNullOrEmpty(ParentId);

    public override string ToString() => Path;

    internal static string ChildPath(string parentPath, string name) => parentPath.TrimEnd('/') + "/" + name;
}
