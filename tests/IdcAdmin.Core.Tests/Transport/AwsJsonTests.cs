using System.Text.Json;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.SsoAdmin.Model;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>The JSON 1.1 wire format: epoch-second timestamps both ways, unset members left out.</summary>
public sealed class AwsJsonTests
{
    [Fact]
    public void Epoch_second_timestamps_are_read_with_their_fraction()
    {
        var ps = JsonSerializer.Deserialize<PermissionSet>("""{"Name":"Admin","CreatedDate":1700000000.25}""", AwsJson.Options)!;
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), ps.CreatedDate);
    }

    [Fact]
    public void Whole_second_timestamps_are_read()
    {
        var ps = JsonSerializer.Deserialize<PermissionSet>("""{"CreatedDate":1700000000}""", AwsJson.Options)!;
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), ps.CreatedDate);
    }

    [Fact]
    public void Timestamps_are_written_as_epoch_seconds()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(new PermissionSet { CreatedDate = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500) }, AwsJson.Options))!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, json["CreatedDate"]!.GetValueKind());
        Assert.Equal(1700000000.5, json["CreatedDate"]!.GetValue<double>());
    }

    [Fact]
    public void A_timestamp_that_round_trips_keeps_its_value()
    {
        var when = new DateTimeOffset(2024, 2, 29, 12, 0, 0, 123, TimeSpan.FromHours(2));
        var back = JsonSerializer.Deserialize<PermissionSet>(JsonSerializer.Serialize(new PermissionSet { CreatedDate = when }, AwsJson.Options), AwsJson.Options)!;
        Assert.Equal(when, back.CreatedDate);
    }

    [Fact]
    public void Unset_members_are_left_out_of_the_request()
    {
        var json = JsonSerializer.Serialize(new CreateGroupRequest { IdentityStoreId = "d-1", DisplayName = "Admins" }, AwsJson.Options);
        Assert.Equal("""{"IdentityStoreId":"d-1","DisplayName":"Admins"}""", json);
        Assert.DoesNotContain("null", JsonSerializer.Serialize(new CreateUserRequest { IdentityStoreId = "d-1", Name = new Name() }, AwsJson.Options));
    }

    [Fact]
    public void Unknown_response_members_are_ignored()
    {
        var user = JsonSerializer.Deserialize<DescribeUserResponse>("""{"UserId":"u","IdentityStoreId":"d-1","SomethingNew":{"a":1}}""", AwsJson.Options)!;
        Assert.Equal("u", user.UserId);
    }

    [Fact]
    public void A_document_member_is_written_as_the_JSON_value_it_holds()
    {
        var json = JsonSerializer.Serialize(new AttributeOperation { AttributePath = "displayName", AttributeValue = "Alice" }, AwsJson.Options);
        Assert.Equal("""{"AttributePath":"displayName","AttributeValue":"Alice"}""", json);
    }
}
