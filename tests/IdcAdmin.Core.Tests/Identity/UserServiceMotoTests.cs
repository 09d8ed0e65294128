using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Users against moto over the real signed HTTP path: create, find, list, idempotent re-runs, refusals.</summary>
[Collection(MotoCollection.Name)]
public sealed class UserServiceMotoTests
{
    private readonly MotoServer _moto;
    public UserServiceMotoTests(MotoServer moto) => _moto = moto;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static UserDefinition Alice(string userName) => new()
    {
        UserName = userName, GivenName = "Alice", FamilyName = "Doe", Email = $"{userName}@example.com", Title = "Engineer",
        PhoneNumber = "+1 555 0100", Locality = "Berlin", Country = "DE", PreferredLanguage = "en-US", Timezone = "Europe/Berlin",
    };

    [Fact]
    public async Task A_created_user_is_found_by_user_name_email_and_id_with_every_attribute()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var users = new UserService(session);
        var name = Unique("alice");
        var output = new CollectingOutput();

        var plan = await users.PlanCreateAsync(Alice(name), force: false, CancellationToken.None);
        Assert.Equal(CreateOutcome.Create, plan.Outcome);
        var created = await users.CreateAsync(plan, output, CancellationToken.None);

        Assert.Equal(name, created.UserName);
        Assert.Equal("Alice Doe", created.DisplayName);
        Assert.Equal(session.Instance.AccessPortalUrl, created.AccessPortalUrl);
        foreach (var key in new[] { name, $"{name}@example.com", created.UserId })
        {
            var found = await users.GetAsync(key, CancellationToken.None);
            Assert.Equal(created.UserId, found.UserId);
            Assert.Equal(("Alice", "Doe", "Alice Doe"), (found.GivenName, found.FamilyName, found.DisplayName));
            Assert.Equal(($"{name}@example.com", "work"), (found.Email, found.EmailType));
            Assert.Equal(("Engineer", "+1 555 0100", "Berlin", "DE"), (found.Title, found.PhoneNumber, found.Locality, found.Country));
            Assert.Equal(("en-US", "Europe/Berlin"), (found.PreferredLanguage, found.Timezone));
        }
        Assert.Equal(1, recorder.Operations.Count(o => o == "CreateUser"));
        Assert.DoesNotContain("ListUsers", recorder.Operations);
    }

    [Fact]
    public async Task The_invitation_notice_is_given_once_per_session_with_the_portal_url()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var users = new UserService(session);
        var output = new CollectingOutput();
        for (var i = 0; i < 2; i++)
            await users.CreateAsync(await users.PlanCreateAsync(Alice(Unique("inv")), false, CancellationToken.None), output, CancellationToken.None);

        var notice = Assert.Single(output.Warnings);
        Assert.Contains("Send email verification link", notice);
        Assert.Contains(session.Instance.AccessPortalUrl, notice);
    }

    [Fact]
    public async Task Re_creating_with_the_same_attributes_returns_the_user_with_a_warning_and_no_write()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var users = new UserService(session);
        var name = Unique("again");
        var first = await users.CreateAsync(await users.PlanCreateAsync(Alice(name), false, CancellationToken.None), new CollectingOutput(), CancellationToken.None);
        recorder.Clear();

        var output = new CollectingOutput();
        var plan = await users.PlanCreateAsync(Alice(name), false, CancellationToken.None);
        var second = await users.CreateAsync(plan, output, CancellationToken.None);

        Assert.Equal(CreateOutcome.ReturnExisting, plan.Outcome);
        Assert.Equal(first.UserId, second.UserId);
        Assert.Contains(output.Warnings, w => w.Contains("already exists with the same attributes"));
        Assert.Empty(recorder.Writes);
    }

    [Fact]
    public async Task Re_creating_with_different_attributes_is_an_error_naming_the_fields_and_writes_nothing()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var users = new UserService(session);
        var name = Unique("differ");
        await users.CreateAsync(await users.PlanCreateAsync(Alice(name), false, CancellationToken.None), new CollectingOutput(), CancellationToken.None);
        recorder.Clear();

        var changed = Alice(name);
        changed.Title = "Manager";
        changed.Email = "someone.else@example.com";
        var e = await Assert.ThrowsAsync<IdentityConflictException>(() => users.PlanCreateAsync(changed, false, CancellationToken.None));

        Assert.Equal("IdcUserExistsWithDifferentAttributes", e.ErrorId);
        Assert.Equal(new[] { "Email", "Title" }, e.DifferingFields);
        Assert.Contains("Email, Title", e.Message);
        Assert.Empty(recorder.Writes);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_call()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var users = new UserService(session);
        recorder.Clear();
        var bad = new[]
        {
            (new UserDefinition { UserName = "x", GivenName = "A", FamilyName = "B", Email = "nope" }, "IdcUserInvalidEmail"),
            (new UserDefinition { UserName = new string('n', 129), GivenName = "A", FamilyName = "B" }, "IdcUserNameTooLong"),
            (new UserDefinition { UserName = "has space", GivenName = "A", FamilyName = "B" }, "IdcUserNameInvalidCharacters"),
            (new UserDefinition { UserName = "AWSAdministrators", GivenName = "A", FamilyName = "B" }, "IdcReservedName"),
            (new UserDefinition { UserName = "x", GivenName = "A", FamilyName = "B", DisplayName = " " }, "IdcUserDisplayNameEmpty"),
        };
        foreach (var (definition, errorId) in bad)
            Assert.Equal(errorId, (await Assert.ThrowsAsync<IdentityInputException>(() => users.PlanCreateAsync(definition, false, CancellationToken.None))).ErrorId);

        Assert.Empty(recorder.Operations);
    }

    [Fact]
    public async Task Wildcard_listing_streams_only_matching_user_names()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var users = new UserService(session);
        var prefix = Unique("wild");
        foreach (var suffix in new[] { "a", "b", "c" })
            await users.CreateAsync(await users.PlanCreateAsync(Alice($"{prefix}-{suffix}"), false, CancellationToken.None), new CollectingOutput(), CancellationToken.None);

        var found = new List<string>();
        await foreach (var u in users.ListAsync(n => n.StartsWith(prefix + "-") && !n.EndsWith("-b"), CancellationToken.None)) found.Add(u.UserName);

        Assert.Equal(new[] { $"{prefix}-a", $"{prefix}-c" }, found.OrderBy(n => n));
    }

    [Fact]
    public async Task An_unknown_user_is_a_not_found_error_by_name_and_by_id()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var users = new UserService(session);
        Assert.Equal("IdcUserNotFound", (await Assert.ThrowsAsync<IdentityNotFoundException>(() => users.GetAsync(Unique("ghost"), CancellationToken.None))).ErrorId);
        Assert.Null(await users.FindAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }
}
