using System;
using System.Management.Automation;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// Refuses a zero or negative TimeSpan at parameter binding: a wait that is over before it starts would report a
/// timeout after the change was already sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidatePositiveTimeSpanAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject ps ? ps.BaseObject : arguments;
        if (value is TimeSpan span && span <= TimeSpan.Zero)
            throw new ValidationMetadataException($"The Timeout must be greater than zero; '{span}' was given (for example 00:10:00 for ten minutes).");
    }
}
