using System;
using System.Management.Automation;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// A change that asks first was run where nobody can answer (pwsh -NonInteractive, a CI job, a scheduled runbook):
/// says how to go ahead without asking, under one error id on every cmdlet, instead of the host's bare "cannot prompt".
/// Carries its own error record, so the id holds even where a cmdlet lets the exception end it.
/// </summary>
public sealed class ConfirmationUnavailableException : InvalidOperationException, IContainsErrorRecord
{
    public const string ErrorId = "IdcConfirmationUnavailable";

    private readonly string _target;
    private ErrorRecord? _errorRecord;

    /// <param name="target">What the cmdlet would change.</param>
    /// <param name="action">What it would do to it.</param>
    /// <param name="forceSkips">Whether the cmdlet's -Force skips the confirmation (the removals'); else only -Confirm:$false does.</param>
    /// <param name="inner">The host's refusal to prompt.</param>
    public ConfirmationUnavailableException(string target, string action, bool forceSkips, Exception inner)
        : base($"Cannot ask to confirm '{action}' on {target}: PowerShell is running non-interactively. " +
               (forceSkips ? "Add -Force (or -Confirm:$false)" : "Add -Confirm:$false (or leave out -Confirm)") +
               " to go ahead without asking, or -WhatIf to see what would change.", inner) => _target = target;

    public ErrorRecord ErrorRecord => _errorRecord ??= new ErrorRecord(this, ErrorId, ErrorCategory.InvalidOperation, _target);
}
