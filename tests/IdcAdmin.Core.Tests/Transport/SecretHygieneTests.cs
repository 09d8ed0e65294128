using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>The secret key and session token go on the wire as a signature and header only: never into logs or exceptions.</summary>
public sealed class SecretHygieneTests
{
    private const string Secret = "SECRET-MARKER-wJalrXUtnFEMI/K7MDENG/bPxRfiCY";
    private const string Token = "TOKEN-MARKER-IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ";

    private sealed class ListLog : IAwsCallLog
    {
        public readonly ConcurrentQueue<string> Lines = new();
        public void Debug(string message) => Lines.Enqueue(message);
        public void Verbose(string message) => Lines.Enqueue(message);
    }

    [Fact]
    public async Task Secrets_never_appear_in_the_call_log_or_in_errors_of_failing_and_retried_calls()
    {
        var attempts = 0;
        var backend = new ScriptedHandler()
            .On("DescribeUser", _ => Interlocked.Increment(ref attempts) % 3 == 0
                ? ScriptedResponse.Ok(new { UserId = "u", IdentityStoreId = "d-1" })
                : ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"))
            .On("DeleteUser", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "User is not authorized"))
            .On("DescribeGroup", _ => ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "InternalServerException", "Service unavailable"));
        var faults = new FaultInjectingHandler(backend, seed: 3) { DropRate = 0.3 };
        var wire = new ConcurrentQueue<string>();
        var capture = new HeaderCapturingHandler(faults, r => wire.Enqueue(string.Join("\n", r.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)))));
        var log = new ListLog();
        using var connection = ScriptedConnection.Connect(capture, ScriptedConnection.FastRetry(maxAttempts: 5), log: log,
            credentials: new SessionAWSCredentials("AKIDMARKERTEST", Secret, Token));
        var errors = new List<Exception>();

        for (var i = 0; i < 5; i++)
        {
            try { await connection.IdentityStore.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = "d-1", UserId = "u" }); }
            catch (Exception e) { errors.Add(e); }
        }
        errors.Add(await Assert.ThrowsAsync<AwsAccessDeniedException>(() => connection.IdentityStore.DeleteUserAsync(new DeleteUserRequest { IdentityStoreId = "d-1", UserId = "u" })));
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = "d-1", GroupId = "g" })));

        // The token did travel (so the test is not vacuous) and retries were logged.
        Assert.Contains(wire, h => h.Contains("security-token: " + Token, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(log.Lines, l => l.Contains("retry"));
        var text = string.Join("\n", log.Lines) + "\n" + string.Join("\n", errors.Select(e => e.Message + "\n" + e));
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain("SECRET-MARKER", text);
        Assert.DoesNotContain("TOKEN-MARKER", text);
    }

    [Fact]
    public async Task The_call_log_names_operation_and_status_but_no_headers_or_bodies()
    {
        var backend = new ScriptedHandler().On("CreateGroup", _ => new { GroupId = "g", IdentityStoreId = "d-1" });
        var log = new ListLog();
        using var connection = ScriptedConnection.Connect(backend, log: log, credentials: new BasicAWSCredentials("AKIDMARKERTEST", Secret));
        await connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = "d-1", DisplayName = "Top-Secret-Group-Name" });
        var line = Assert.Single(log.Lines);
        Assert.StartsWith("identitystore CreateGroup -> 200", line);
        Assert.DoesNotContain("Top-Secret-Group-Name", line);
        Assert.DoesNotContain("AWS4-HMAC-SHA256", line);
    }
}
