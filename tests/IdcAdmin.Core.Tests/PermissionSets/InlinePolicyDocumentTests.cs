using System.Collections;
using System.Collections.Specialized;
using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

public sealed class InlinePolicyDocumentTests
{
    private const string Valid = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public void A_policy_with_version_and_statement_has_no_problems() => Assert.Empty(InlinePolicyDocument.Problems(Valid));

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("""{"Statement":[]}""", "no Version")]
    [InlineData("""{"Version":"2012-10-17"}""", "no Statement")]
    public void Names_what_is_wrong(string json, string expected) =>
        Assert.Contains(InlinePolicyDocument.Problems(json), p => p.Contains(expected));

    [Fact]
    public void Refuses_more_than_32768_bytes()
    {
        var big = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::""" + new string('x', 33_000) + "\"}]}";
        Assert.Contains(InlinePolicyDocument.Problems(big), p => p.Contains("32,768"));
    }

    [Fact]
    public void Builds_JSON_from_nested_dictionaries_and_lists()
    {
        var statement = new Hashtable { ["Effect"] = "Deny", ["Action"] = new object[] { "s3:DeleteObject", "s3:PutObject" }, ["Resource"] = "*" };
        var policy = new OrderedDictionary { ["Version"] = "2012-10-17", ["Statement"] = new object[] { statement } };
        var json = InlinePolicyDocument.FromObject(policy);
        Assert.Empty(InlinePolicyDocument.Problems(json));
        Assert.True(InlinePolicyDocument.AreEquivalent(json,
            """{"Statement":[{"Resource":"*","Effect":"Deny","Action":["s3:DeleteObject","s3:PutObject"]}],"Version":"2012-10-17"}"""));
    }

    [Fact]
    public void Equivalence_ignores_whitespace_and_key_order_but_not_values()
    {
        Assert.True(InlinePolicyDocument.AreEquivalent(Valid, "{ \"Statement\": [ { \"Resource\": \"*\", \"Action\": \"s3:GetObject\", \"Effect\": \"Allow\" } ],\n \"Version\": \"2012-10-17\" }"));
        Assert.False(InlinePolicyDocument.AreEquivalent(Valid, Valid.Replace("GetObject", "PutObject")));
        Assert.True(InlinePolicyDocument.AreEquivalent(null, ""));
        Assert.False(InlinePolicyDocument.AreEquivalent(Valid, null));
    }
}
