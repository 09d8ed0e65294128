using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// ISO 8601 durations as AWS writes permission set session lengths ("PT1H", "PT1H30M"): days, hours, minutes and
/// seconds; years and months are refused because their length is not fixed.
/// </summary>
public static class Iso8601Duration
{
    private static readonly Regex Pattern = new(
        @"^P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text!.Trim();
        var match = Pattern.Match(trimmed);
        // "P" and "PT" alone match the pattern but say nothing.
        if (!match.Success || trimmed.Equals("P", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("T", StringComparison.OrdinalIgnoreCase)) return false;
        double Part(string name) => match.Groups[name].Success
            ? double.Parse(match.Groups[name].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromDays(Part("w") * 7 + Part("d")) + TimeSpan.FromHours(Part("h"))
            + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        return true;
    }

    public static TimeSpan Parse(string text) => TryParse(text, out var d)
        ? d : throw new FormatException($"'{text}' is not an ISO 8601 duration such as PT4H or PT1H30M.");

    /// <summary>The shortest ISO 8601 form: 1 h → "PT1H", 90 min → "PT1H30M".</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), "A duration cannot be negative.");
        var text = new StringBuilder("P");
        if (duration.Days > 0) text.Append(duration.Days).Append('D');
        if (duration.Hours > 0 || duration.Minutes > 0 || duration.Seconds > 0 || duration.Milliseconds > 0 || duration == TimeSpan.Zero)
        {
            text.Append('T');
            if (duration.Hours > 0) text.Append(duration.Hours).Append('H');
            if (duration.Minutes > 0) text.Append(duration.Minutes).Append('M');
            var seconds = duration.Seconds + duration.Milliseconds / 1000.0;
            if (seconds > 0 || duration == TimeSpan.Zero) text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('S');
        }
        return text.ToString();
    }
}
