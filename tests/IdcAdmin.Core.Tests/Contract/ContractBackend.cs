using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Sandbox;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>
/// One of the two backends every contract scenario runs against: moto (the independent check) or the embedded
/// sandbox. <see cref="FollowsDocs"/> is true where the backend follows AWS's documentation in a point moto does
/// not; each such point is listed in docs/sandbox-vs-moto.md.
/// </summary>
public sealed class ContractBackend : IAsyncDisposable
{
    public const string Moto = "moto";
    public const string Sandbox = "sandbox";
    public static TheoryData<string> All => new() { Moto, Sandbox };

    private ContractBackend(string name, IdcSession session, IdcSandbox? sandbox)
    {
        Name = name;
        Session = session;
        EmbeddedSandbox = sandbox;
    }

    public string Name { get; }
    public IdcSession Session { get; }
    public IdcSandbox? EmbeddedSandbox { get; }
    /// <summary>The sandbox follows AWS's documentation where moto departs from it.</summary>
    public bool FollowsDocs => EmbeddedSandbox != null;

    public static async Task<ContractBackend> StartAsync(string name, MotoServer moto)
    {
        if (name == Moto) return new ContractBackend(name, await moto.SessionAsync(), null);
        // No organization until CreateOrganization, as moto after a reset, so both build theirs through the API.
        var sandbox = new IdcSandbox(new SandboxOptions
        {
            Seed = 1, Organization = SandboxOrganizationOutline.None, OperationDelay = TimeSpan.FromMilliseconds(300), MaxPageSize = 100,
        });
        var connection = sandbox.Connect(new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
            RequestRateLimiter.PerSecond(1000, burst: 1000));
        var session = await IdcConnector.ConnectAsync(connection, null, CancellationToken.None);
        session.Polling = FastPolling;
        return new ContractBackend(name, session, sandbox);
    }

    public static readonly PollOptions FastPolling = new() { Interval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The organization's root, creating the organization when there is none yet.</summary>
    public async Task<string> RootAsync()
    {
        var org = Session.Connection.Organizations;
        try { await org.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        return (await org.ListRootsAsync(new ListRootsRequest())).Roots![0].Id!;
    }

    /// <summary>Creates an account (waiting for CreateAccount to finish, as AWS's is asynchronous) under <paramref name="parentId"/>.</summary>
    public async Task<string> NewAccountAsync(string name, string parentId)
    {
        var org = Session.Connection.Organizations;
        var root = await RootAsync();
        var status = (await org.CreateAccountAsync(new CreateAccountRequest { AccountName = name, Email = name + "@example.com" })).CreateAccountStatus!;
        status = await StatusPoller.UntilDoneAsync(
            async ct => (await org.DescribeCreateAccountStatusAsync(new DescribeCreateAccountStatusRequest { CreateAccountRequestId = status.Id }, ct)).CreateAccountStatus!,
            s => s.State != "IN_PROGRESS", FastPolling, CancellationToken.None);
        Assert.Equal("SUCCEEDED", status.State);
        if (parentId != root)
            await org.MoveAccountAsync(new MoveAccountRequest { AccountId = status.AccountId, SourceParentId = root, DestinationParentId = parentId });
        return status.AccountId!;
    }

    public ValueTask DisposeAsync()
    {
        Session.Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Name;
}
