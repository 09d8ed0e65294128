#!/usr/bin/env python3
"""Refreshes src/IdcAdmin.Core/PermissionSets/AwsManagedPolicies.txt: one "<path><name>" per line.

The module checks AWS managed policy names before it writes anything (a typo becomes "did you mean ...?" instead of a
half-made permission set). The IAM API is not one of the module's clients, so the names ship with the module.

    python3 tools/update-aws-managed-policies.py                  # from the list botocore/moto carry on this machine
    aws iam list-policies --scope AWS --output json > p.json
    python3 tools/update-aws-managed-policies.py p.json           # from a live account (the authoritative source)
"""
import json, os, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "IdcAdmin.Core", "PermissionSets",
                   "AwsManagedPolicies.txt")


def from_cli(path):
    with open(path) as f:
        return {p["PolicyName"]: p.get("Path", "/") for p in json.load(f)["Policies"]}


def from_moto():
    from moto.iam.aws_managed_policies import aws_managed_policies_data
    return {name: p.get("Path", "/") for name, p in json.loads(aws_managed_policies_data).items()}


policies = from_cli(sys.argv[1]) if len(sys.argv) > 1 else from_moto()
with open(OUT, "w", newline="\n") as f:
    for name in sorted(policies, key=str.lower):
        f.write(f"{policies[name]}{name}\n")
print(f"{len(policies)} AWS managed policies -> {os.path.relpath(OUT)}")
