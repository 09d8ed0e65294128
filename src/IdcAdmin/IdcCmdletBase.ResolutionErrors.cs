using System.Collections.Generic;
using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin;

public abstract partial class IdcCmdletBase
{
    /// <summary>Reports inputs that named nothing (or several accounts), one error each, with the input as target.</summary>
    protected void WriteResolutionErrors(IEnumerable<ResolutionError> errors)
    {
        foreach (var e in errors)
            WriteItemError(new ItemNotFoundException(e.Message), e.ErrorId, e.Value,
                e.Kind == ResolutionErrorKind.AmbiguousAccount ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound);
    }
}
