namespace IdcAdmin.Core.Identity;

/// <summary>Who an account assignment is for; the values are AWS's PrincipalType strings.</summary>
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum PrincipalKind : long
{
    User,
    Group,
}

public static class PrincipalKindExtensions
{
    public static string ToAws(this PrincipalKind kind) => kind == PrincipalKind.User ? "USER" : "GROUP";

    public static PrincipalKind FromAws(string? value) => value == "GROUP" ? PrincipalKind.Group : PrincipalKind.User;
}
