using System.Linq;

namespace IdcAdmin.Commands.Group;

/// <summary>
/// Which group and user a membership cmdlet means when values arrive both on the command line and from piped
/// objects: the command line wins (so `Get-IdcGroupMember A | Add-IdcGroupMember -Group B` adds to B, not to A),
/// and an id wins over a name from the same source.
/// </summary>
internal static class MemberReferences
{
    public static string[] Choose(string[]? commandLineIds, string[]? commandLineNames, string[]? ids, string[]? names) =>
        (NonEmpty(commandLineIds) ?? NonEmpty(commandLineNames) ?? NonEmpty(ids) ?? NonEmpty(names)) ?? new string[0];

    private static string[]? NonEmpty(string[]? values)
    {
        var kept = values?.Where(v => !string.IsNullOrEmpty(v)).ToArray();
        return kept is { Length: > 0 } ? kept : null;
    }
}
