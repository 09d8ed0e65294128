using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Xunit;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>The checkers themselves: each kind of mistake in a small fake class or request is caught, and a correct one passes.</summary>
public sealed class ConformanceCheckerTests
{
    private static ServiceModel IdentityStore => BotocoreModels.Load("identitystore");
    private static ServiceModel SsoAdmin => BotocoreModels.Load("sso-admin");

    private sealed class CorrectCreateGroup
    {
        [JsonPropertyName("IdentityStoreId")] public string? IdentityStoreId { get; set; }
        [JsonPropertyName("DisplayName")] public string? DisplayName { get; set; }
    }

    private sealed class MisspeltCreateGroup
    {
        [JsonPropertyName("IdentityStoreId")] public string? IdentityStoreId { get; set; }
        [JsonPropertyName("Displayname")] public string? DisplayName { get; set; }
    }

    private sealed class WronglyTypedListGroups
    {
        [JsonPropertyName("IdentityStoreId")] public string? IdentityStoreId { get; set; }
        [JsonPropertyName("MaxResults")] public string? MaxResults { get; set; }
    }

    private sealed class WrongNestedType
    {
        [JsonPropertyName("IdentityStoreId")] public string? IdentityStoreId { get; set; }
        [JsonPropertyName("GroupId")] public string? GroupId { get; set; }
        [JsonPropertyName("MemberId")] public FakeMemberId? MemberId { get; set; }
    }

    private sealed class FakeMemberId
    {
        [JsonPropertyName("UserId")] public List<string>? UserId { get; set; }
    }

    private sealed class MissingRequiredCreateGroup
    {
        [JsonPropertyName("DisplayName")] public string? DisplayName { get; set; }
    }

    private sealed class UnattributedCreateGroup
    {
        [JsonPropertyName("IdentityStoreId")] public string? IdentityStoreId { get; set; }
        public string? Description { get; set; }
    }

    private static IReadOnlyList<string> CheckCreateGroup(Type type) =>
        ShapeTypeChecker.Check(IdentityStore, type, IdentityStore.ShapeOf("CreateGroup", "input"), isRequest: true);

    [Fact]
    public void A_correct_class_passes() => Assert.Empty(CheckCreateGroup(typeof(CorrectCreateGroup)));

    [Fact]
    public void A_misspelt_member_is_caught() =>
        Assert.Contains(CheckCreateGroup(typeof(MisspeltCreateGroup)), p => p.Contains("no member 'Displayname'"));

    [Fact]
    public void A_wrong_scalar_type_is_caught()
    {
        var problems = ShapeTypeChecker.Check(IdentityStore, typeof(WronglyTypedListGroups), IdentityStore.ShapeOf("ListGroups", "input"), isRequest: true);
        Assert.Contains(problems, p => p.Contains("MaxResults") && p.Contains("int"));
    }

    [Fact]
    public void A_wrong_type_inside_a_nested_class_is_caught()
    {
        var problems = ShapeTypeChecker.Check(IdentityStore, typeof(WrongNestedType), IdentityStore.ShapeOf("CreateGroupMembership", "input"), isRequest: true);
        Assert.Contains(problems, p => p.Contains("MemberId.UserId") && p.Contains("model's string"));
    }

    [Fact]
    public void A_missing_required_member_is_caught() =>
        Assert.Contains(CheckCreateGroup(typeof(MissingRequiredCreateGroup)), p => p.Contains("required member 'IdentityStoreId'"));

    [Fact]
    public void A_member_without_a_json_name_is_caught() =>
        Assert.Contains(CheckCreateGroup(typeof(UnattributedCreateGroup)), p => p.Contains("no [JsonPropertyName]"));

    [Fact]
    public void A_response_class_may_leave_out_members_but_not_invent_them()
    {
        var shape = IdentityStore.ShapeOf("DescribeGroup", "output");
        Assert.Empty(ShapeTypeChecker.Check(IdentityStore, typeof(CorrectCreateGroup), shape, isRequest: false));
        Assert.NotEmpty(ShapeTypeChecker.Check(IdentityStore, typeof(MisspeltCreateGroup), shape, isRequest: false));
    }

    private static IReadOnlyList<string> Validate(ServiceModel model, string operation, string json) =>
        SampleRequestValidator.Validate(model, model.ShapeOf(operation, "input"), JsonNode.Parse(json));

    private const string Instance = SampleRequests.InstanceArn;
    private const string PermissionSet = SampleRequests.PermissionSetArn;

    [Fact]
    public void A_valid_request_passes() =>
        Assert.Empty(Validate(SsoAdmin, "ProvisionPermissionSet", $$"""{"InstanceArn":"{{Instance}}","PermissionSetArn":"{{PermissionSet}}","TargetType":"AWS_ACCOUNT","TargetId":"123456789012"}"""));

    [Fact]
    public void A_bad_enum_value_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "ProvisionPermissionSet", $$"""{"InstanceArn":"{{Instance}}","PermissionSetArn":"{{PermissionSet}}","TargetType":"ACCOUNT"}"""),
            p => p.Contains("'ACCOUNT' is not one of"));

    [Fact]
    public void An_over_long_string_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "CreatePermissionSet", $$"""{"InstanceArn":"{{Instance}}","Name":"{{new string('a', 33)}}"}"""),
            p => p.Contains("$.Name") && p.Contains("more than the maximum 32"));

    [Fact]
    public void A_string_off_its_pattern_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "ProvisionPermissionSet", $$"""{"InstanceArn":"{{Instance}}","PermissionSetArn":"{{PermissionSet}}","TargetType":"AWS_ACCOUNT","TargetId":"12345678901x"}"""),
            p => p.Contains("$.TargetId") && p.Contains("pattern"));

    [Fact]
    public void Patterns_are_unanchored_as_in_Smithy()
    {
        // "[\w+=,.@-]+" finds a match inside "Admin Access", so the model alone does not reject the space.
        Assert.DoesNotContain(Validate(SsoAdmin, "CreatePermissionSet", $$"""{"InstanceArn":"{{Instance}}","Name":"Admin Access"}"""), p => p.Contains("pattern"));
        Assert.Contains(Validate(SsoAdmin, "CreatePermissionSet", $$"""{"InstanceArn":"{{Instance}}","Name":" "}"""), p => p.Contains("pattern"));
    }

    [Fact]
    public void A_missing_required_member_in_the_request_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "CreatePermissionSet", """{"Name":"Admin"}"""), p => p.Contains("required member 'InstanceArn'"));

    [Fact]
    public void An_unknown_member_in_the_request_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "CreatePermissionSet", $$"""{"InstanceArn":"{{Instance}}","Name":"Admin","Duration":"PT1H"}"""), p => p.Contains("no member 'Duration'"));

    [Fact]
    public void A_number_out_of_range_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "ListPermissionSets", $$"""{"InstanceArn":"{{Instance}}","MaxResults":101}"""), p => p.Contains("above the maximum 100"));

    [Fact]
    public void A_string_where_a_number_belongs_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "ListPermissionSets", $$"""{"InstanceArn":"{{Instance}}","MaxResults":"10"}"""), p => p.Contains("expected a number"));

    [Fact]
    public void A_list_over_its_maximum_is_caught()
    {
        var emails = string.Join(",", Enumerable.Repeat("""{"Value":"a@example.com"}""", 2));
        Assert.Contains(Validate(IdentityStore, "CreateUser", $$"""{"IdentityStoreId":"{{SampleRequests.IdentityStoreId}}","Emails":[{{emails}}]}"""),
            p => p.Contains("$.Emails") && p.Contains("more than the maximum 1"));
    }

    [Fact]
    public void A_union_with_two_members_is_caught() =>
        Assert.Contains(Validate(IdentityStore, "GetUserId",
                "{\"IdentityStoreId\":\"" + SampleRequests.IdentityStoreId + "\",\"AlternateIdentifier\":{\"ExternalId\":{\"Issuer\":\"i\",\"Id\":\"x\"},\"UniqueAttribute\":{\"AttributePath\":\"userName\",\"AttributeValue\":\"a\"}}}"),
            p => p.Contains("union"));

    [Fact]
    public void A_sent_null_is_caught() =>
        Assert.Contains(Validate(SsoAdmin, "CreatePermissionSet", $$"""{"InstanceArn":"{{Instance}}","Name":"Admin","Description":null}"""), p => p.Contains("null"));

    [Fact]
    public void An_operation_without_input_accepts_only_an_empty_object()
    {
        var model = BotocoreModels.Load("organizations");
        Assert.Null(model.ShapeOf("DescribeOrganization", "input"));
        Assert.Empty(SampleRequestValidator.Validate(model, null, new JsonObject()));
        Assert.NotEmpty(SampleRequestValidator.Validate(model, null, JsonNode.Parse("""{"Id":"o-1"}""")));
    }
}
