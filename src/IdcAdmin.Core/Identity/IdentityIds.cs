using System.Text.RegularExpressions;

namespace IdcAdmin.Core.Identity;

/// <summary>Tells an identity store id (user or group id) from a name, by the model's ResourceId pattern.</summary>
public static class IdentityIds
{
    private static readonly Regex ResourceId = new(
        "^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$",
        RegexOptions.CultureInvariant);

    public static bool IsResourceId(string? value) => value != null && ResourceId.IsMatch(value);
}
