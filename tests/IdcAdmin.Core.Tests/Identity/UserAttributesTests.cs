using System.Text.Json;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using Xunit;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Comparison for idempotent re-runs and the UpdateUser operations built from a change.</summary>
public sealed class UserAttributesTests
{
    private static IdcUser Existing() => new()
    {
        UserName = "alice", UserId = "u-1", DisplayName = "Alice Doe", GivenName = "Alice", FamilyName = "Doe",
        Email = "alice@example.com", EmailType = "work", Title = "Engineer", PhoneNumber = "+1 555 0100", PhoneNumberType = "work",
    };

    [Fact]
    public void The_same_definition_has_no_differences()
    {
        var d = new UserDefinition { UserName = "alice", GivenName = "Alice", FamilyName = "Doe", Email = "ALICE@example.com", Title = "Engineer" };
        Assert.Empty(UserAttributes.Differences(d, Existing()));
    }

    [Fact]
    public void Differences_name_each_differing_field_including_the_derived_display_name()
    {
        var d = new UserDefinition { UserName = "alice", GivenName = "Alicia", FamilyName = "Doe", Email = "alice@other.example", Title = "Engineer" };
        Assert.Equal(new[] { "DisplayName", "GivenName", "Email" }, UserAttributes.Differences(d, Existing()));
    }

    [Fact]
    public void Fields_the_definition_leaves_out_are_not_compared()
    {
        var d = new UserDefinition { UserName = "alice", GivenName = "Alice", FamilyName = "Doe" };
        Assert.Empty(UserAttributes.Differences(d, Existing()));
    }

    [Fact]
    public void Scalar_changes_use_their_attribute_paths_and_unchanged_values_send_nothing()
    {
        var ops = UserAttributes.Operations(Existing(), new UserDefinition { GivenName = "Alicia", Title = "Engineer", Timezone = "Europe/Berlin" }, new string[0]);
        Assert.Equal(new[] { "name.givenName", "timezone" }, ops.Select(o => o.AttributePath));
        Assert.Equal("Alicia", ops[0].AttributeValue);
    }

    [Fact]
    public void A_changed_email_replaces_the_whole_list_keeping_its_type()
    {
        var ops = UserAttributes.Operations(Existing(), new UserDefinition { Email = "alice@new.example" }, new string[0]);
        var op = Assert.Single(ops);
        Assert.Equal("emails", op.AttributePath);
        var json = JsonSerializer.Serialize(op, AwsJson.Options);
        Assert.Equal("{\"AttributePath\":\"emails\",\"AttributeValue\":[{\"Value\":\"alice@new.example\",\"Type\":\"work\",\"Primary\":true}]}", json);
    }

    [Fact]
    public void Address_parts_merge_with_the_stored_address_into_one_operation()
    {
        var existing = Existing();
        existing.Locality = "Berlin";
        existing.Country = "DE";
        var ops = UserAttributes.Operations(existing, new UserDefinition { PostalCode = "10115", StreetAddress = "Unter den Linden 1" }, new string[0]);
        var op = Assert.Single(ops);
        Assert.Equal("addresses", op.AttributePath);
        var address = Assert.Single((List<IdentityStore.Model.Address>)op.AttributeValue!);
        Assert.Equal(("Unter den Linden 1", "Berlin", "10115", "DE"), (address.StreetAddress, address.Locality, address.PostalCode, address.Country));
    }

    [Fact]
    public void Clearing_sends_the_path_without_a_value()
    {
        var ops = UserAttributes.Operations(Existing(), new UserDefinition(), new[] { "Title", "PhoneNumber" });
        Assert.Equal(new[] { "title", "phoneNumbers" }, ops.Select(o => o.AttributePath));
        Assert.All(ops, o => Assert.Null(o.AttributeValue));
        Assert.DoesNotContain("AttributeValue", JsonSerializer.Serialize(ops[0], AwsJson.Options));
    }

    [Fact]
    public void A_new_user_request_carries_every_given_attribute()
    {
        var r = UserAttributes.ToCreateRequest(new UserDefinition
        {
            UserName = "bob", GivenName = "Bob", FamilyName = "Roe", MiddleName = "Q", Email = "bob@example.com", EmailType = "home",
            NickName = "B", Title = "CTO", UserType = "Employee", ProfileUrl = "https://example.com/bob", PhoneNumber = "+1", Locality = "Paris",
            PreferredLanguage = "fr-FR", Locale = "fr-FR", Timezone = "Europe/Paris",
        }, "d-1234567890");
        Assert.Equal("Bob Roe", r.DisplayName);
        Assert.Equal(("Bob", "Roe", "Q"), (r.Name!.GivenName, r.Name.FamilyName, r.Name.MiddleName));
        Assert.Equal(("bob@example.com", "home", true), (r.Emails![0].Value, r.Emails[0].Type, r.Emails[0].Primary));
        Assert.Equal(("+1", "work"), (r.PhoneNumbers![0].Value, r.PhoneNumbers[0].Type));
        Assert.Equal("Paris", r.Addresses![0].Locality);
        Assert.Equal(("B", "CTO", "Employee", "https://example.com/bob"), (r.NickName, r.Title, r.UserType, r.ProfileUrl));
        Assert.Equal(("fr-FR", "fr-FR", "Europe/Paris"), (r.PreferredLanguage, r.Locale, r.Timezone));
    }
}
