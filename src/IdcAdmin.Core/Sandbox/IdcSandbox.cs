using System;
using System.Collections.Generic;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// An in-process emulator of IAM Identity Center (identitystore, sso-admin, organizations) that sits under the
/// module's transport as its HTTP handler. Its state lives as long as this object: a new sandbox starts afresh.
/// </summary>
public sealed class IdcSandbox
{
    /// <summary>Throwaway keys: requests are still signed with them, and nothing outside the process sees them.</summary>
    public static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIAIOSFODNN7SANDBOX", "sandbox-secret-key-not-used-by-aws");

    public IdcSandbox(SandboxOptions? options = null)
    {
        Options = options ?? new SandboxOptions();
        Seed = Options.Seed ?? Environment.TickCount;
        State = new SandboxState(Options, Seed);
        Seeding.Apply(State, Options.Organization ?? SandboxOrganizationOutline.Default);
        Handler = new SandboxHttpHandler(State, new IdentityStoreSandbox(State), new SsoAdminSandbox(State), new OrganizationsSandbox(State));
    }

    public SandboxOptions Options { get; }
    /// <summary>The seed in use: pass it back as <see cref="SandboxOptions.Seed"/> to get the same ids again.</summary>
    public int Seed { get; }
    public SandboxState State { get; }
    public SandboxHttpHandler Handler { get; }
    public IReadOnlyDictionary<string, long> Calls => Handler.Calls;

    /// <summary>A connection whose three clients reach this sandbox through the real signer, limiter and retry.</summary>
    public AwsConnection Connect(AwsRetryOptions? retry = null, RequestRateLimiter? limiter = null, IAwsCallLog? log = null) =>
        new(Credentials, Options.Region, new AwsTransportOptions
        {
            // The host is never dialled: the handler answers in process.
            EndpointUrl = "https://sandbox.idcadmin.invalid",
            InnerHandler = Handler,
            Retry = retry ?? new AwsRetryOptions(),
            RateLimiter = limiter,
            Log = log,
        });

    /// <summary>Settings for <see cref="AwsConnection.Create"/>, as Connect-IdcInstance uses them.</summary>
    public AwsConnectionSettings Settings(double requestsPerSecond, IAwsCallLog? log) => new()
    {
        Credentials = Credentials,
        Region = Options.Region,
        EndpointUrl = "https://sandbox.idcadmin.invalid",
        InnerHandler = Handler,
        // The sandbox's own administrator in its management account; STS is not emulated (nor reachable from it).
        KnownCaller = State.Organization is { } org
            ? new CallerIdentity(org.ManagementAccountId, $"arn:aws:iam::{org.ManagementAccountId}:user/sandbox-admin", "AIDASANDBOXADMIN", null)
            : new CallerIdentity(null, null, null, "the sandbox has no organization"),
        RequestsPerSecond = requestsPerSecond,
        Log = log,
    };
}
