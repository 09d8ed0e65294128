using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Turns the PowerShell forms of permission set input (hashtables, files, PSObjects) into the engine's plain values.</summary>
internal static class PermissionSetInput
{
    /// <summary>The inline policy's JSON from a string, a hashtable or a PSCustomObject (as ConvertFrom-Json gives).</summary>
    public static string? InlinePolicyJson(object? inlinePolicy, string? inlinePolicyPath, PSCmdlet cmdlet)
    {
        if (inlinePolicyPath != null && inlinePolicy != null)
            throw new ArgumentException("Give the inline policy either as -InlinePolicy or as -InlinePolicyPath, not both.");
        if (inlinePolicyPath != null)
        {
            var path = cmdlet.GetUnresolvedProviderPathFromPSPath(inlinePolicyPath);
            if (Directory.Exists(path)) throw new ArgumentException($"The inline policy path '{inlinePolicyPath}' is a directory; give the path of the policy's JSON file.", "InlinePolicyPath");
            if (!File.Exists(path)) throw new FileNotFoundException($"The inline policy file '{inlinePolicyPath}' does not exist.", path);
            return File.ReadAllText(path);
        }
        var value = Unwrap(inlinePolicy);
        return value switch
        {
            null => null,
            string json => json,
            _ => InlinePolicyDocument.FromObject(value, Unwrap!),
        };
    }

    public static Dictionary<string, string>? Tags(Hashtable? tags) =>
        tags?.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(Unwrap(e.Key)) ?? "", e => Convert.ToString(Unwrap(e.Value)) ?? "", StringComparer.Ordinal);

    /// <summary>PSObjects to what they wrap; a PSCustomObject to an ordered dictionary of its properties.</summary>
    private static object? Unwrap(object? value)
    {
        if (value is not PSObject ps) return value;
        if (ps.BaseObject is PSCustomObject)
        {
            var dictionary = new System.Collections.Specialized.OrderedDictionary();
            foreach (var property in ps.Properties) dictionary[property.Name] = property.Value;
            return dictionary;
        }
        return ps.BaseObject;
    }
}
