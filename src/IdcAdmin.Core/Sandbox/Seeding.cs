namespace IdcAdmin.Core.Sandbox;

/// <summary>Builds a sandbox's starting organization from an outline.</summary>
internal static class Seeding
{
    public static void Apply(SandboxState state, SandboxOrganizationOutline outline)
    {
        if (!outline.Exists) return;
        var org = OrganizationsSandbox.Create(state, outline.ManagementAccountName);
        foreach (var name in outline.Accounts) OrganizationsSandbox.AddAccount(state, org.RootId, name);
        foreach (var unit in outline.OrganizationalUnits) Add(state, org.RootId, unit);
    }

    private static void Add(SandboxState state, string parentId, SandboxOrganizationalUnitOutline unit)
    {
        var created = OrganizationsSandbox.AddUnit(state, parentId, unit.Name);
        foreach (var name in unit.Accounts) OrganizationsSandbox.AddAccount(state, created.Id, name);
        foreach (var child in unit.Children) Add(state, created.Id, child);
    }
}
