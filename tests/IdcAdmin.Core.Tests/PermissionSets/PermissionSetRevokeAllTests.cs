using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

/// <summary>
/// Revoking every assignment of a permission set before deleting it waits on deletion status listings, one page
/// answering many requests, and describes only a request the listing shows FAILED (for its reason): counted calls.
/// </summary>
public sealed class PermissionSetRevokeAllTests
{
    private const string InstanceArn = "arn:aws:sso:::instance/ssoins-1111222233334444";
    private const string SetArn = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaabbbbccccdddd";

    /// <summary>Deletions that stay IN_PROGRESS for two listings each, then SUCCEEDED, or FAILED for <paramref name="failing"/>.</summary>
    private static ScriptedHandler Backend(string? failing = null)
    {
        var requests = new ConcurrentDictionary<string, (string Account, int Listed)>();
        string StatusOf(string id) => requests[id].Listed < 2 ? "IN_PROGRESS" : requests[id].Account == failing ? "FAILED" : "SUCCEEDED";
        return new ScriptedHandler()
            .On("DeleteAccountAssignment", b =>
            {
                var id = Guid.NewGuid().ToString();
                requests[id] = (b["TargetId"]!.GetValue<string>(), 0);
                return new { AccountAssignmentDeletionStatus = new { RequestId = id, Status = "IN_PROGRESS" } };
            })
            .On("ListAccountAssignmentDeletionStatus", _ =>
            {
                foreach (var id in requests.Keys) requests.AddOrUpdate(id, _ => default, (_, r) => (r.Account, r.Listed + 1));
                return new { AccountAssignmentsDeletionStatus = requests.Keys.Select(id => new { RequestId = id, Status = StatusOf(id) }).ToArray() };
            })
            .On("DescribeAccountAssignmentDeletionStatus", b =>
            {
                var id = b["AccountAssignmentDeletionRequestId"]!.GetValue<string>();
                return new { AccountAssignmentDeletionStatus = new { RequestId = id, Status = StatusOf(id), FailureReason = StatusOf(id) == "FAILED" ? "Access denied in the account" : null } };
            });
    }

    private static IdcSession SessionOver(ScriptedHandler scripted) => new(ScriptedConnection.Connect(scripted),
        new IdcInstance { InstanceArn = InstanceArn, IdentityStoreId = "d-1234567890", Region = "us-east-1" })
    {
        Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(30) },
    };

    private static List<AssignmentKey> Keys(int n) => Enumerable.Range(1, n)
        .Select(i => new AssignmentKey((100000000000L + i).ToString(), SetArn, PrincipalKind.Group, "11111111-2222-3333-4444-555555555555")).ToList();

    [Fact]
    public async Task Twenty_revocations_are_read_from_status_listings_without_describing_one()
    {
        var backend = Backend();
        using var session = SessionOver(backend);

        await new PermissionSetAssignments(session, NullOutputWriter.Instance).RevokeAllAsync(Keys(20), "Data", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(20, backend.CountOf("DeleteAccountAssignment"));
        Assert.Equal(0, backend.CountOf("DescribeAccountAssignmentDeletionStatus"));
        // Each request needs two listings that find it running and one that finds it done; pages answer many at once.
        Assert.InRange(backend.CountOf("ListAccountAssignmentDeletionStatus"), 3, 20 - 1);
    }

    [Fact]
    public async Task A_revocation_the_listing_shows_failed_is_described_for_its_reason_and_keeps_the_set()
    {
        var keys = Keys(5);
        var backend = Backend(failing: keys[3].AccountId);
        using var session = SessionOver(backend);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new PermissionSetAssignments(session, NullOutputWriter.Instance).RevokeAllAsync(keys, "Data", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("1 of 5 assignments of Data could not be revoked", e.Message);
        Assert.Contains($"in {keys[3].AccountId}: Access denied in the account", e.Message);
        Assert.Equal(1, backend.CountOf("DescribeAccountAssignmentDeletionStatus"));
    }
}
