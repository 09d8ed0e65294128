using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Configuration;

/// <summary>
/// Bad configuration files are refused before anything is written, each problem with the file, the line and the key
/// path. Problems the file shows by itself are found without any call; names that exist neither in the file nor live
/// are found by reading only.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ConfigurationValidationTests
{
    private readonly MotoServer _moto;

    public ConfigurationValidationTests(MotoServer moto) => _moto = moto;

    public static TheoryData<string, string, int, string, string> BadFiles => new()
    {
        {
            "unknown key, with a suggestion",
            "{\n  \"Groups\": [\n    { \"Name\": \"Admins\", \"Member\": [\"alice\"] }\n  ]\n}", 3, "Groups[0].Member", "Did you mean 'Members'?"
        },
        {
            "unknown top-level key",
            "{\n  \"Group\": []\n}", 2, "Group", "Unknown key 'Group'"
        },
        {
            "wrong type: a table where text belongs",
            "{\n  \"Groups\": [\n    { \"Name\": { \"x\": 1 } }\n  ]\n}", 3, "Groups[0].Name", "Expected text"
        },
        {
            "wrong type: Recurse as text",
            "{\n  \"Assignments\": [\n    { \"Group\": \"Admins\", \"PermissionSet\": \"Admin\",\n      \"OrganizationalUnits\": [\"/Root/Prod\"], \"Recurse\": \"yes\" }\n  ]\n}", 4, "Assignments[0].Recurse", "$true or $false"
        },
        {
            "permission set name too long",
            "{\n  \"PermissionSets\": [\n    { \"Name\": \"ThisNameIsFarTooLongForAPermissionSet\" }\n  ]\n}", 3, "PermissionSets[0]", "at most 32"
        },
        {
            "permission set name with a space",
            "{\n  \"PermissionSets\": [\n    { \"Name\": \"Data Readers\" }\n  ]\n}", 3, "PermissionSets[0]", "no spaces"
        },
        {
            "user name with a space",
            "{\n  \"Users\": [\n    { \"UserName\": \"alice doe\", \"GivenName\": \"Alice\", \"FamilyName\": \"Doe\" }\n  ]\n}", 3, "Users[0].UserName", "characters Identity Center rejects"
        },
        {
            "unknown AWS managed policy, with did-you-mean",
            "{\n  \"PermissionSets\": [\n    { \"Name\": \"Readers\",\n      \"ManagedPolicies\": [\"ReadOnlyAccess\", \"ReadOnlyAcess\"] }\n  ]\n}", 4, "PermissionSets[0].ManagedPolicies[1]", "Did you mean ReadOnlyAccess"
        },
        {
            "duplicate group",
            "{\n  \"Groups\": [\n    { \"Name\": \"Admins\" },\n    { \"Name\": \"admins\" }\n  ]\n}", 4, "Groups[1]", "declared twice (first at line 3"
        },
        {
            "duplicate member",
            "{\n  \"Groups\": [\n    { \"Name\": \"Admins\",\n      \"Members\": [\"alice\",\n        \"alice\"] }\n  ]\n}", 5, "Groups[0].Members[1]", "declared twice"
        },
        {
            "duplicate assignment rule",
            "{\n  \"Assignments\": [\n    { \"Group\": \"Admins\", \"PermissionSet\": \"Admin\", \"Accounts\": [\"111111111111\"] },\n    { \"Group\": \"Admins\", \"PermissionSet\": \"Admin\", \"Accounts\": [\"111111111111\"] }\n  ]\n}", 4, "Assignments[1]", "declared twice"
        },
        {
            "duplicate key in JSON",
            "{\n  \"Groups\": [\n    { \"Name\": \"Admins\",\n      \"Name\": \"Other\" }\n  ]\n}", 4, "Groups[0].Name", "appears twice"
        },
        {
            "unreadable inline policy file",
            "{\n  \"PermissionSets\": [\n    { \"Name\": \"Logs\",\n      \"InlinePolicyPath\": \"policies/missing.json\" }\n  ]\n}", 4, "PermissionSets[0].InlinePolicyPath", "Cannot read the policy file"
        },
        {
            "inline policy that is not a policy",
            "{\n  \"PermissionSets\": [\n    { \"Name\": \"Logs\", \"InlinePolicy\": { \"Effect\": \"Allow\" } }\n  ]\n}", 3, "PermissionSets[0]", "no Version"
        },
        {
            "assignment rule with two principals",
            "{\n  \"Assignments\": [\n    { \"Group\": \"Admins\", \"User\": \"alice\", \"PermissionSet\": \"Admin\", \"Accounts\": [\"prod\"] }\n  ]\n}", 3, "Assignments[0]", "exactly one principal"
        },
        {
            "assignment rule without targets",
            "{\n  \"Assignments\": [\n    { \"Group\": \"Admins\", \"PermissionSet\": \"Admin\" }\n  ]\n}", 3, "Assignments[0]", "needs targets"
        },
        {
            "OU target that is not a path",
            "{\n  \"Assignments\": [\n    { \"Group\": \"Admins\", \"PermissionSet\": \"Admin\",\n      \"OrganizationalUnits\": [\"Workloads\"] }\n  ]\n}", 4, "Assignments[0].OrganizationalUnits[0]", "not an OU path"
        },
        {
            "session duration out of range",
            "{\n  \"PermissionSets\": [\n    { \"Name\": \"Long\", \"SessionDuration\": \"PT13H\" }\n  ]\n}", 3, "PermissionSets[0]", "outside 1 to 12 hours"
        },
        {
            "not JSON",
            "{\n  \"Groups\": [\n    { \"Name\": \"Admins\" \n  ]\n}", 4, "", "Not valid JSON"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_file_line_and_key_path_and_no_call(string kind, string json, int line, string keyPath, string message)
    {
        using var files = new ConfigurationFiles();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recorder);
        recorder.Clear();

        var path = files.Write("access.json", json);
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationParser.ParseJsonFile(path));

        var problem = Assert.Single(e.Problems, p => p.KeyPath == keyPath && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(path, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains($"{path}:{line}: ", e.Message);
        Assert.True(recorder.Operations.Count == 0, $"{kind}: calls were made: {string.Join(", ", recorder.Operations)}");
    }

    [Fact]
    public async Task Names_that_exist_neither_in_the_file_nor_live_are_refused_after_reading_only()
    {
        using var files = new ConfigurationFiles();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("eu-west-2", recorder);
        var configuration = files.Json("""
            {
              "Groups": [
                { "Name": "cfg-valid-admins",
                  "Members": ["no-such-user-x1"] }
              ],
              "Assignments": [
                { "Group": "no-such-group-x1", "PermissionSet": "AdministratorAccess", "Accounts": ["123456789012"] },
                { "Group": "cfg-valid-admins", "PermissionSet": "no-such-set-x1", "Accounts": ["123456789012"] }
              ]
            }
            """);
        recorder.Clear();

        var plan = await new ConfigurationPlanner(session, NullOutputWriter.Instance).PlanAsync(configuration, CancellationToken.None);

        Assert.Contains(plan.Problems, p => p.Line == 4 && p.KeyPath == "Groups[0].Members[0]" && p.Message.Contains("No user 'no-such-user-x1'"));
        Assert.Contains(plan.Problems, p => p.Line == 7 && p.KeyPath == "Assignments[0].Group" && p.Message.Contains("No group 'no-such-group-x1'"));
        Assert.Contains(plan.Problems, p => p.Line == 8 && p.KeyPath == "Assignments[1].PermissionSet" && p.Message.Contains("No permission set 'no-such-set-x1'"));
        await Assert.ThrowsAsync<ConfigurationException>(() =>
            new ConfigurationApplier(session, NullOutputWriter.Instance).ApplyAsync(plan, prune: true, _ => true, CancellationToken.None));
        Assert.Empty(recorder.Writes);
    }
}
