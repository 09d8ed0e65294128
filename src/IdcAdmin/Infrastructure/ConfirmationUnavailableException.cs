using System;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// A change that asks first was run where nobody can answer (pwsh -NonInteractive, a CI job, a scheduled runbook):
/// says to add -Force, under one error id on every cmdlet, instead of the host's bare "cannot prompt".
/// </summary>
public sealed class ConfirmationUnavailableException : InvalidOperationException
{
    public const string ErrorId = "IdcConfirmationUnavailable";

    public ConfirmationUnavailableException(string target, string action, Exception inner)
        : base($"Cannot ask to confirm '{action}' on {target}: PowerShell is running non-interactively. " +
               "Add -Force (or -Confirm:$false) to go ahead without asking, or -WhatIf to see what would change.", inner)
    {
    }
}
