using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Access;

/// <summary>Some inputs name no user, group, permission set or account; nothing was read or changed for them.</summary>
public sealed class AccessResolutionException : Exception
{
    public AccessResolutionException(IReadOnlyList<ResolutionError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message))) => Errors = errors;

    public IReadOnlyList<ResolutionError> Errors { get; }
}
