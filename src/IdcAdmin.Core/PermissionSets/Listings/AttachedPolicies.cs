namespace IdcAdmin.Core.PermissionSets.Listings;

/// <summary>An AWS managed policy attached to a permission set, as the listing returns it (the name may be absent).</summary>
public sealed class AttachedManagedPolicy
{
    public AttachedManagedPolicy(string arn, string? name)
    {
        Arn = arn;
        Name = name;
    }

    public string Arn { get; }
    public string? Name { get; }
}

/// <summary>A customer managed policy a permission set refers to by name and path (null path: AWS's default "/").</summary>
public sealed class AttachedCustomerManagedPolicy
{
    public AttachedCustomerManagedPolicy(string name, string? path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }
    public string? Path { get; }
}
