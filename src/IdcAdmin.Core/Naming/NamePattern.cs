using System.Text;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.Naming;

/// <summary>
/// PowerShell-style wildcards (* ? [abc]) matched case-insensitively, without referencing PowerShell; shared by every
/// area that matches names (accounts, OUs, permission sets, configuration files).
/// </summary>
public sealed class NamePattern
{
    private readonly Regex _regex;

    public NamePattern(string pattern)
    {
        Text = pattern;
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length) { sb.Append(Regex.Escape(pattern[++i].ToString())); continue; }
            if (c == '*') sb.Append(".*");
            else if (c == '?') sb.Append('.');
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var close && close > i + 1)
            {
                sb.Append('[').Append(pattern.Substring(i + 1, close - i - 1).Replace("\\", "\\\\")).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        _regex = new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Text { get; }

    public static bool HasWildcards(string? value) => value != null && value.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

    public bool IsMatch(string? value) => value != null && _regex.IsMatch(value);
}
