using IdcAdmin.Core.Access;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

public sealed class EffectiveAccessMatrixTests
{
    private static EffectiveAccessEntry Row(string user, string account, string? accountName, string set, string? group = null) =>
        new() { UserId = "id-" + user, UserName = user, AccountId = account, AccountName = accountName, PermissionSetName = set, GroupId = group, GroupName = group };

    [Fact]
    public void One_row_per_user_one_column_per_account_and_each_set_once_however_many_ways_it_is_reached()
    {
        var matrix = EffectiveAccessMatrix.From(new[]
        {
            Row("bob", "111111111111", "Prod", "ReadOnlyAccess"),
            Row("alice", "111111111111", "Prod", "SecurityAudit", group: "Auditors"),
            Row("alice", "111111111111", "Prod", "AdministratorAccess", group: "Admins"),
            Row("alice", "111111111111", "Prod", "AdministratorAccess"),
            Row("alice", "222222222222", "Dev", "AdministratorAccess", group: "Admins"),
        });
        Assert.Equal(new[] { "Dev", "Prod" }, matrix.AccountColumns);
        Assert.Equal(new[] { "alice", "bob" }, matrix.Rows.Select(r => r.UserName));
        Assert.Equal("AdministratorAccess; SecurityAudit", matrix.Rows[0].Cells["Prod"]);
        Assert.Equal("AdministratorAccess", matrix.Rows[0].Cells["Dev"]);
        Assert.Equal("", matrix.Rows[1].Cells["Dev"]); // every row has every column, so Export-Csv writes them all
    }

    [Fact]
    public void Accounts_sharing_a_name_or_without_one_get_columns_of_their_own()
    {
        var matrix = EffectiveAccessMatrix.From(new[]
        {
            Row("alice", "111111111111", "Sandbox", "A"),
            Row("alice", "222222222222", "sandbox", "B"),
            Row("alice", "333333333333", null, "C"),
            Row("alice", "444444444444", "UserName", "D"),
        });
        Assert.Equal(new[] { "333333333333", "Sandbox (111111111111)", "sandbox (222222222222)", "UserName (444444444444)" }, matrix.AccountColumns);
        Assert.Equal("B", matrix.Rows.Single().Cells["sandbox (222222222222)"]);
    }

    [Fact]
    public void No_access_makes_no_rows() => Assert.Empty(EffectiveAccessMatrix.From(Array.Empty<EffectiveAccessEntry>()).Rows);
}
