namespace IdcAdmin.Tests.Infrastructure;

/// <summary>PowerShell's approved verbs (Get-Verb; "Approved Verbs for PowerShell Commands" in the docs).</summary>
public static class Verbs
{
    /// <summary>
    /// Approved in both Windows PowerShell 5.1 and PowerShell 7. 'Build' is left out: 5.1 does not know it and would
    /// warn about an unapproved verb on Import-Module.
    /// </summary>
    public static readonly IReadOnlySet<string> Approved = new HashSet<string>(StringComparer.Ordinal)
    {
        // Common
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
        "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show",
        "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        // Communications
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        // Data
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand",
        "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync",
        "Unpublish", "Update",
        // Diagnostic
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        // Lifecycle
        "Approve", "Assert", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke", "Register",
        "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        // Security
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        // Other
        "Use",
    };

    /// <summary>Verbs that change state somewhere: their cmdlets must support -WhatIf and -Confirm.</summary>
    public static readonly IReadOnlySet<string> StateChanging = new HashSet<string>(StringComparer.Ordinal)
    {
        "New", "Set", "Remove", "Add", "Clear", "Rename", "Move", "Reset", "Grant", "Revoke", "Deploy", "Initialize",
        "Update", "Register", "Unregister", "Install", "Uninstall", "Publish", "Unpublish", "Sync", "Import", "Restore",
        "Merge", "Enable", "Disable", "Start", "Stop", "Restart", "Suspend", "Resume", "Approve", "Deny", "Block",
        "Unblock", "Protect", "Unprotect", "Lock", "Unlock", "Submit",
    };

    /// <summary>Verbs that delete or take away access: ConfirmImpact High, with -Force to skip the prompt.</summary>
    public static readonly IReadOnlySet<string> Destructive = new HashSet<string>(StringComparer.Ordinal) { "Remove", "Revoke" };
}
