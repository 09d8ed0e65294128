using System;
using System.Text;

namespace IdcAdmin.Core.Sandbox;

/// <summary>Makes ids in AWS's formats from one random source, so a seed gives the same ids on every run.</summary>
public sealed class SandboxIds
{
    private readonly Random _random;

    public SandboxIds(int seed) => _random = new Random(seed);

    public string Hex(int length) => Chars(length, "0123456789abcdef");
    public string Digits(int length) => Chars(length, "0123456789");
    public string LowerAlphanumeric(int length) => Chars(length, "0123456789abcdefghijklmnopqrstuvwxyz");

    /// <summary>A GUID in AWS's lower-case form (user, group and membership ids, request ids).</summary>
    public string Guid() => $"{Hex(8)}-{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(12)}";

    /// <summary>A 12-digit account id that does not start with 0, as AWS's never do in practice.</summary>
    public string AccountId() => Chars(1, "123456789") + Digits(11);

    private string Chars(int length, string alphabet)
    {
        var b = new StringBuilder(length);
        for (var i = 0; i < length; i++) b.Append(alphabet[_random.Next(alphabet.Length)]);
        return b.ToString();
    }
}
