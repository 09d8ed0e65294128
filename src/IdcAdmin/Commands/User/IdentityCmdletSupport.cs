using System;
using System.Management.Automation;
using System.Reflection;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.User;

/// <summary>What the user and group cmdlets share: error ids and categories, parameter copying.</summary>
internal static class IdentityCmdletSupport
{
    /// <summary>The stable error id and category of a failure, or the cmdlet's fallback id for anything unexpected.</summary>
    public static (string ErrorId, ErrorCategory? Category) Classify(Exception e, string fallbackId) => e switch
    {
        IdentityInputException input => (input.ErrorId, ErrorCategory.InvalidArgument),
        IdentityNotFoundException missing => (missing.ErrorId, ErrorCategory.ObjectNotFound),
        IdentityConflictException conflict => (conflict.ErrorId, ErrorCategory.ResourceExists),
        IdentityNameInUseException inUse => (inUse.ErrorId, ErrorCategory.ResourceExists),
        _ => (fallbackId, null),
    };

    /// <summary>Copies the cmdlet's string parameters into the definition properties of the same name.</summary>
    public static T CopyParameters<T>(object cmdlet, T definition, params string[] except)
    {
        foreach (var target in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (target.PropertyType != typeof(string) || !target.CanWrite || Array.IndexOf(except, target.Name) >= 0) continue;
            var source = cmdlet.GetType().GetProperty(target.Name, BindingFlags.Public | BindingFlags.Instance);
            if (source?.PropertyType == typeof(string)) target.SetValue(definition, source.GetValue(cmdlet));
        }
        return definition;
    }
}
