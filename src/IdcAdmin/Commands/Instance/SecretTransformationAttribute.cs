using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;

namespace IdcAdmin.Commands.Instance;

/// <summary>Lets a secret parameter (-SecretKey, -SessionToken) take a SecureString as well as a string, as Read-Host -AsSecureString gives.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is SecureString secure ? Plain(secure) : inputData;
    }

    private static string Plain(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try { return Marshal.PtrToStringUni(pointer) ?? ""; }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
    }
}
