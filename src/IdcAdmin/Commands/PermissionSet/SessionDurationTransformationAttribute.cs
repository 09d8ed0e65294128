using System;
using System.Globalization;
using System.Management.Automation;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Lets -SessionDuration take ISO 8601 ("PT4H", as AWS writes it) as well as a TimeSpan or "04:00:00".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SessionDurationTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        // A bare number would become ticks (2) or days ("2"), never the hours a person means.
        if (value is byte or short or int or long or float or double or decimal
            || value is string digits && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new ArgumentTransformationMetadataException(
                $"'{value}' is a bare number, not a duration. Give a TimeSpan such as 04:00:00 or an ISO 8601 duration such as PT4H.");
        if (value is string text)
        {
            if (Iso8601Duration.TryParse(text, out var iso)) return iso;
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return span;
            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a duration. Give a TimeSpan such as 04:00:00 or an ISO 8601 duration such as PT4H.");
        }
        return inputData;
    }
}
