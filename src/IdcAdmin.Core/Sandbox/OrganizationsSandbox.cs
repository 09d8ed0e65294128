using System;
using System.Collections.Generic;
using System.Linq;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Organizations.Model;

namespace IdcAdmin.Core.Sandbox;

/// <summary>The Organizations operations the module (and its tests) call: the organization, root, OUs and accounts.</summary>
public sealed class OrganizationsSandbox : SandboxService
{
    public OrganizationsSandbox(SandboxState state) : base(state, AwsService.Organizations)
    {
        On<DescribeOrganizationRequest, DescribeOrganizationResponse>("DescribeOrganization", _ => new DescribeOrganizationResponse { Organization = View(Org()) });
        On<CreateOrganizationRequest, CreateOrganizationResponse>("CreateOrganization", r =>
        {
            if (State.Organization != null) throw new SandboxError("AlreadyInOrganizationException", "The AWS account is already a member of an organization.");
            return new CreateOrganizationResponse { Organization = View(Create(this.State, "management", r.FeatureSet)) };
        });
        On<ListRootsRequest, ListRootsResponse>("ListRoots", r =>
        {
            var org = Org();
            var roots = new List<Root> { new() { Id = org.RootId, Arn = org.RootArn, Name = "Root", PolicyTypes = new List<PolicyTypeSummary>() } };
            var page = State.Paging.Page(roots, r.MaxResults, r.NextToken, "ListRoots", out var next);
            return new ListRootsResponse { Roots = page, NextToken = next };
        });
        On<ListOrganizationalUnitsForParentRequest, ListOrganizationalUnitsForParentResponse>("ListOrganizationalUnitsForParent", r =>
        {
            Parent(r.ParentId);
            var units = State.Units.Items.Where(u => u.ParentId == r.ParentId).ToList();
            var page = State.Paging.Page(units, r.MaxResults, r.NextToken, "ListOrganizationalUnitsForParent|" + r.ParentId, out var next);
            return new ListOrganizationalUnitsForParentResponse { OrganizationalUnits = page.Select(View).ToList(), NextToken = next };
        });
        On<DescribeOrganizationalUnitRequest, DescribeOrganizationalUnitResponse>("DescribeOrganizationalUnit", r =>
            new DescribeOrganizationalUnitResponse { OrganizationalUnit = View(Unit(r.OrganizationalUnitId)) });
        On<CreateOrganizationalUnitRequest, CreateOrganizationalUnitResponse>("CreateOrganizationalUnit", r =>
        {
            Parent(r.ParentId);
            if (State.Units.Items.Any(u => u.ParentId == r.ParentId && u.Name == r.Name))
                throw new SandboxError("DuplicateOrganizationalUnitException", "An OU with the same name already exists.");
            return new CreateOrganizationalUnitResponse { OrganizationalUnit = View(AddUnit(State, r.ParentId!, r.Name!)) };
        });
        On<ListAccountsRequest, ListAccountsResponse>("ListAccounts", r =>
        {
            Org();
            var page = State.Paging.Page(State.Accounts.Items, r.MaxResults, r.NextToken, "ListAccounts", out var next);
            return new ListAccountsResponse { Accounts = page.Select(View).ToList(), NextToken = next };
        });
        On<ListAccountsForParentRequest, ListAccountsForParentResponse>("ListAccountsForParent", r =>
        {
            Parent(r.ParentId);
            var accounts = State.Accounts.Items.Where(a => a.ParentId == r.ParentId).ToList();
            var page = State.Paging.Page(accounts, r.MaxResults, r.NextToken, "ListAccountsForParent|" + r.ParentId, out var next);
            return new ListAccountsForParentResponse { Accounts = page.Select(View).ToList(), NextToken = next };
        });
        On<DescribeAccountRequest, DescribeAccountResponse>("DescribeAccount", r => new DescribeAccountResponse { Account = View(Account(r.AccountId)) });
        On<ListParentsRequest, ListParentsResponse>("ListParents", r =>
        {
            Org();
            string parent = State.Accounts.TryGet(r.ChildId, out var a) ? a.ParentId
                : State.Units.TryGet(r.ChildId, out var u) ? u.ParentId
                : throw new SandboxError("ChildNotFoundException", $"The child {r.ChildId} could not be found.");
            var parents = new List<Parent> { new() { Id = parent, Type = parent.StartsWith("r-", StringComparison.Ordinal) ? "ROOT" : "ORGANIZATIONAL_UNIT" } };
            var page = State.Paging.Page(parents, r.MaxResults, r.NextToken, "ListParents|" + r.ChildId, out var next);
            return new ListParentsResponse { Parents = page, NextToken = next };
        });
        On<CreateAccountRequest, CreateAccountResponse>("CreateAccount", r =>
        {
            Org();
            var creation = new SandboxAccountCreation
            {
                Id = "car-" + State.Ids.LowerAlphanumeric(32), AccountName = r.AccountName!, Email = r.Email!, AccountId = State.Ids.AccountId(),
                Requested = Now, Due = Now + State.Options.OperationDelay,
            };
            State.AccountCreations.Add(creation.Id, creation);
            return new CreateAccountResponse { CreateAccountStatus = View(creation) };
        });
        On<DescribeCreateAccountStatusRequest, DescribeCreateAccountStatusResponse>("DescribeCreateAccountStatus", r =>
        {
            Org();
            return new DescribeCreateAccountStatusResponse
            {
                CreateAccountStatus = View(State.AccountCreations.TryGet(r.CreateAccountRequestId, out var c) ? c
                    : throw new SandboxError("CreateAccountStatusNotFoundException", $"The request {r.CreateAccountRequestId} could not be found.")),
            };
        });
        On<MoveAccountRequest, MoveAccountResponse>("MoveAccount", r =>
        {
            var account = Account(r.AccountId);
            try { Parent(r.SourceParentId); } catch (SandboxError) { throw new SandboxError("SourceParentNotFoundException", $"The source parent {r.SourceParentId} could not be found."); }
            try { Parent(r.DestinationParentId); } catch (SandboxError) { throw new SandboxError("DestinationParentNotFoundException", $"The destination parent {r.DestinationParentId} could not be found."); }
            if (account.ParentId != r.SourceParentId) throw new SandboxError("AccountNotFoundException", $"The account {r.AccountId} is not in {r.SourceParentId}.");
            if (account.ParentId == r.DestinationParentId) throw new SandboxError("DuplicateAccountException", "The account is already in the destination.");
            account.ParentId = r.DestinationParentId!;
            return new MoveAccountResponse();
        });
        On<CloseAccountRequest, CloseAccountResponse>("CloseAccount", r =>
        {
            var account = Account(r.AccountId);
            if (account.Id == State.Organization!.ManagementAccountId) throw new SandboxError("ConstraintViolationException", "The management account cannot be closed.");
            if (account.Status != "ACTIVE") throw new SandboxError("AccountAlreadyClosedException", "The account is already closed.");
            // AWS: PENDING_CLOSURE for a while, then SUSPENDED; either way it can no longer receive access.
            account.Status = "SUSPENDED";
            return new CloseAccountResponse();
        });
    }

    /// <summary>Creates the organization with its management account (used by CreateOrganization and the outline).</summary>
    public static SandboxOrganization Create(SandboxState state, string managementAccountName, string? featureSet = "ALL")
    {
        var org = new SandboxOrganization
        {
            Id = "o-" + state.Ids.LowerAlphanumeric(10), RootId = "r-" + state.Ids.LowerAlphanumeric(4), ManagementAccountId = state.Ids.AccountId(),
        };
        org.ManagementAccountEmail = managementAccountName + "@example.com";
        state.Organization = org;
        state.Accounts.Add(org.ManagementAccountId, new SandboxAccount
        {
            Id = org.ManagementAccountId, Name = managementAccountName, Email = org.ManagementAccountEmail, ParentId = org.RootId, JoinedMethod = "INVITED", Joined = state.Now,
        });
        return org;
    }

    public static SandboxUnit AddUnit(SandboxState state, string parentId, string name)
    {
        var unit = new SandboxUnit { Id = $"ou-{state.Organization!.RootId.Substring(2)}-{state.Ids.LowerAlphanumeric(8)}", Name = name, ParentId = parentId };
        state.Units.Add(unit.Id, unit);
        return unit;
    }

    public static SandboxAccount AddAccount(SandboxState state, string parentId, string name)
    {
        var account = new SandboxAccount { Id = state.Ids.AccountId(), Name = name, Email = name + "@example.com", ParentId = parentId, Joined = state.Now };
        state.Accounts.Add(account.Id, account);
        return account;
    }

    private SandboxOrganization Org() =>
        State.Organization ?? throw new SandboxError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");

    private void Parent(string? id)
    {
        var org = Org();
        if (id == org.RootId || State.Units.TryGet(id, out _)) return;
        throw new SandboxError("ParentNotFoundException", $"The parent {id} could not be found.");
    }

    private SandboxUnit Unit(string? id)
    {
        Org();
        return State.Units.TryGet(id, out var u) ? u : throw new SandboxError("OrganizationalUnitNotFoundException", $"The OU {id} could not be found.");
    }

    private SandboxAccount Account(string? id)
    {
        Org();
        return State.Accounts.TryGet(id, out var a) ? a : throw new SandboxError("AccountNotFoundException", $"The account {id} could not be found.");
    }

    private Organization View(SandboxOrganization o) => new()
    {
        Id = o.Id, Arn = o.Arn, FeatureSet = "ALL", MasterAccountId = o.ManagementAccountId, MasterAccountEmail = o.ManagementAccountEmail,
        MasterAccountArn = $"arn:aws:organizations::{o.ManagementAccountId}:account/{o.Id}/{o.ManagementAccountId}", AvailablePolicyTypes = new List<PolicyTypeSummary>(),
    };

    private OrganizationalUnit View(SandboxUnit u) => new()
    {
        Id = u.Id, Name = u.Name, Arn = $"arn:aws:organizations::{State.Organization!.ManagementAccountId}:ou/{State.Organization.Id}/{u.Id}",
    };

    private Account View(SandboxAccount a) => new()
    {
        Id = a.Id, Name = a.Name, Email = a.Email, Status = a.Status, State = a.Status == "ACTIVE" ? "ACTIVE" : "SUSPENDED", JoinedMethod = a.JoinedMethod, JoinedTimestamp = a.Joined,
        Arn = $"arn:aws:organizations::{State.Organization!.ManagementAccountId}:account/{State.Organization.Id}/{a.Id}",
    };

    private static CreateAccountStatus View(SandboxAccountCreation c) => new()
    {
        Id = c.Id, AccountName = c.AccountName, State = c.State, RequestedTimestamp = c.Requested, CompletedTimestamp = c.Completed,
        AccountId = c.State == "SUCCEEDED" ? c.AccountId : null, FailureReason = c.FailureReason,
    };
}
