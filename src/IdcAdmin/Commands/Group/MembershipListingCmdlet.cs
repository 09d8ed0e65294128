using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using IdcAdmin.Commands.User;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Services;

namespace IdcAdmin.Commands.Group;

/// <summary>
/// What Get-IdcGroupMember and Get-IdcGroupMembership share: the memberships of each named group (or user) written as
/// they arrive, each failure that name's error. Each cmdlet declares its own parameters, with its own help.
/// </summary>
public abstract class MembershipListingCmdlet : IdcCmdlet
{
    /// <summary>The names or ids asked for (an id wins over a name when both arrive).</summary>
    protected abstract string[] Chosen { get; }

    /// <summary>The error written when neither a name nor an id was given.</summary>
    protected abstract (string Message, string ErrorId) NotSpecified { get; }

    /// <summary>The error id of a listing that fails for an unexpected reason.</summary>
    protected abstract string FailedErrorId { get; }

    protected abstract IAsyncEnumerable<IdcGroupMember> List(MembershipService memberships, string nameOrId, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        var chosen = Chosen;
        if (chosen.Length == 0)
        {
            WriteItemError(new ArgumentException(NotSpecified.Message), NotSpecified.ErrorId, null, ErrorCategory.InvalidArgument);
            return;
        }
        var memberships = new MembershipService(CurrentSession, unreadableDetails: Output);
        foreach (var nameOrId in chosen)
        {
            try
            {
                foreach (var membership in Stream(List(memberships, nameOrId, CancellationToken))) WriteObject(membership);
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                var (errorId, category) = IdentityCmdletSupport.Classify(e, FailedErrorId);
                WriteItemError(e, errorId, nameOrId, category);
            }
        }
    }
}
