using System.Linq;
using IdcAdmin.Core.IdentityStore.Model;

namespace IdcAdmin.Core.Identity;

/// <summary>
/// How one item of a user's or group's multi-valued attributes reads as text: in Export-Csv cells (the readable lists
/// of <see cref="IdcUser"/> and <see cref="IdcGroup"/>) and in Format-List (the module's types file calls <see cref="Of"/>
/// for the generated wire types, which have no ToString of their own).
/// </summary>
public static class UserAttributeText
{
    public static string? Of(object? item) => item switch
    {
        Email e => e.Value,
        PhoneNumber p => p.Value,
        Address a => a.Formatted ?? string.Join(", ", new[] { a.StreetAddress, a.Locality, a.Region, a.PostalCode, a.Country }.Where(p => !string.IsNullOrEmpty(p))),
        ExternalId x => $"{x.Issuer}:{x.Id}",
        _ => item?.ToString(),
    };
}
