#!/usr/bin/env python3
"""Generates the typed request/response classes and clients of the three services from botocore's official models.

Run after changing OPERATIONS:  python3 tools/generate-service-models.py
The output is checked in; tests/IdcAdmin.Core.Tests/Conformance re-checks it against the same models on every test run.
"""
import glob, gzip, json, os, keyword

import botocore

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "IdcAdmin.Core")
DATA = os.path.join(os.path.dirname(botocore.__file__), "data")

# The operations the module calls. Adding one here and re-running is all a new operation needs.
OPERATIONS = {
    ("identitystore", "IdentityStore", "IdentityStoreClient"): [
        "CreateUser", "DescribeUser", "UpdateUser", "DeleteUser", "ListUsers", "GetUserId",
        "CreateGroup", "DescribeGroup", "UpdateGroup", "DeleteGroup", "ListGroups", "GetGroupId",
        "CreateGroupMembership", "DeleteGroupMembership", "DescribeGroupMembership", "GetGroupMembershipId",
        "ListGroupMemberships", "ListGroupMembershipsForMember", "IsMemberInGroups",
    ],
    ("sso-admin", "SsoAdmin", "SsoAdminClient"): [
        "ListInstances", "DescribeInstance", "CreateInstance",
        "CreatePermissionSet", "DescribePermissionSet", "UpdatePermissionSet", "DeletePermissionSet", "ListPermissionSets",
        "AttachManagedPolicyToPermissionSet", "DetachManagedPolicyFromPermissionSet", "ListManagedPoliciesInPermissionSet",
        "AttachCustomerManagedPolicyReferenceToPermissionSet", "DetachCustomerManagedPolicyReferenceFromPermissionSet",
        "ListCustomerManagedPolicyReferencesInPermissionSet",
        "PutInlinePolicyToPermissionSet", "GetInlinePolicyForPermissionSet", "DeleteInlinePolicyFromPermissionSet",
        "PutPermissionsBoundaryToPermissionSet", "GetPermissionsBoundaryForPermissionSet",
        "DeletePermissionsBoundaryFromPermissionSet",
        "TagResource", "UntagResource", "ListTagsForResource",
        "ProvisionPermissionSet", "DescribePermissionSetProvisioningStatus", "ListPermissionSetProvisioningStatus",
        "ListAccountsForProvisionedPermissionSet", "ListPermissionSetsProvisionedToAccount",
        "CreateAccountAssignment", "DeleteAccountAssignment",
        "DescribeAccountAssignmentCreationStatus", "DescribeAccountAssignmentDeletionStatus",
        "ListAccountAssignmentCreationStatus", "ListAccountAssignmentDeletionStatus",
        "ListAccountAssignments", "ListAccountAssignmentsForPrincipal",
    ],
    ("organizations", "Organizations", "OrganizationsClient"): [
        "DescribeOrganization", "ListRoots", "ListOrganizationalUnitsForParent", "DescribeOrganizationalUnit",
        "ListAccounts", "ListAccountsForParent", "DescribeAccount", "ListParents",
        # Building an organization: used by the tests and the demo against a local emulator.
        "CreateOrganization", "CreateOrganizationalUnit", "CreateAccount", "DescribeCreateAccountStatus", "MoveAccount", "CloseAccount",
    ],
}

SCALARS = {"string": "string", "integer": "int", "long": "long", "boolean": "bool", "timestamp": "DateTimeOffset",
           "double": "double", "float": "double"}


def load(service, name):
    folder = sorted(glob.glob(os.path.join(DATA, service, "*")))[-1]
    path = os.path.join(folder, name + ".json")
    return json.load(gzip.open(path + ".gz")) if os.path.exists(path + ".gz") else json.load(open(path))


def pascal(s):
    return s[0].upper() + s[1:]


class Generator:
    def __init__(self, service, ns, client):
        self.model = load(service, "service-2")
        self.pagers = load(service, "paginators-1")["pagination"]
        self.service, self.ns, self.client = service, ns, client
        self.classes = {}  # C# class name -> source
        self.enums = {}
        self.renames = {}  # shape name -> C# class name (op inputs/outputs)

    def cs_type(self, shape_name):
        shape = self.model["shapes"][shape_name]
        t = shape["type"]
        if t == "structure":
            if shape.get("document"):
                return "object"
            self.emit_structure(shape_name)
            return self.renames.get(shape_name, shape_name)
        if t == "list":
            return f"List<{self.cs_type(shape['member']['shape'])}>"
        if t == "map":
            return f"Dictionary<string, {self.cs_type(shape['value']['shape'])}>"
        if t == "string" and "enum" in shape:
            self.enums[shape_name] = shape["enum"]
        return SCALARS[t]

    def emit_structure(self, shape_name):
        cls = self.renames.get(shape_name, shape_name)
        if cls in self.classes:
            return
        self.classes[cls] = None  # reserve against recursion
        shape = self.model["shapes"][shape_name]
        required = set(shape.get("required", []))
        lines = []
        for member, ref in shape["members"].items():
            prop = pascal(member)
            if prop == cls or keyword.iskeyword(prop.lower()) and prop.lower() == prop:
                prop += "Value"
            t = self.cs_type(ref["shape"])
            nullable = "?"
            req = "  // required" if member in required else ""
            lines.append(f'    [JsonPropertyName("{member}")] public {t}{nullable} {prop} {{ get; set; }}{req}')
        body = "\n".join(lines)
        doc = "union: set exactly one member" if shape.get("union") else f"shape {shape_name}"
        self.classes[cls] = f"/// <summary>{self.model['metadata']['serviceId']} {doc}.</summary>\npublic sealed class {cls}\n{{\n{body}\n}}\n"

    def run(self, operations):
        ops = self.model["operations"]
        for op in operations:
            o = ops[op]
            if "input" in o:
                self.renames[o["input"]["shape"]] = op + "Request"
            if "output" in o:
                self.renames[o["output"]["shape"]] = op + "Response"
        methods = []
        for op in operations:
            o = ops[op]
            if "input" in o:
                req = self.cs_type(o["input"]["shape"])
            else:
                req = op + "Request"
                self.classes.setdefault(req, f"/// <summary>Empty input of {op}.</summary>\npublic sealed class {req}\n{{\n}}\n")
            if "output" in o:
                resp = self.cs_type(o["output"]["shape"])
            else:
                resp = op + "Response"
                self.classes.setdefault(resp, f"/// <summary>Empty result of {op}.</summary>\npublic sealed class {resp}\n{{\n}}\n")
            methods.append(f"    /// <summary>Calls {op}.</summary>\n"
                           f"    public Task<{resp}> {op}Async({req} request, CancellationToken cancellationToken = default)\n"
                           f"        => _transport.InvokeAsync<{req}, {resp}>(\"{op}\", request, cancellationToken);\n")
            pager = self.pagers.get(op)
            if pager and isinstance(pager.get("result_key"), str) and isinstance(pager.get("input_token"), str):
                item_list = self.model["shapes"][o["output"]["shape"]]["members"][pager["result_key"]]["shape"]
                item = self.cs_type(self.model["shapes"][item_list]["member"]["shape"])
                inp, out, key = pascal(pager["input_token"]), pascal(pager["output_token"]), pascal(pager["result_key"])
                methods.append(
                    f"    /// <summary>Streams every {key} item of {op}, one page at a time.</summary>\n"
                    f"    public IAsyncEnumerable<{item}> Paginate{op}({req} request, CancellationToken cancellationToken = default)\n"
                    f"        => AwsPaginator.Paginate(request, {op}Async, r => r.{out}, (r, token) => r.{inp} = token,\n"
                    f"            r => r.{key} ?? Enumerable.Empty<{item}>(), cancellationToken);\n")
        self.write(methods)
        self.write_rules(operations)

    def write_rules(self, operations):
        """The input constraints of the operations (lengths, ranges, patterns, enums, required members), which the
        embedded sandbox checks requests against as AWS does."""
        shapes, ops = {}, {}
        keep = ("type", "min", "max", "pattern", "enum", "required", "document", "union")

        def visit(name):
            if name in shapes:
                return
            shape = self.model["shapes"][name]
            rule = {k: shape[k] for k in keep if k in shape}
            shapes[name] = rule
            if shape["type"] == "structure":
                rule["members"] = {m: ref["shape"] for m, ref in shape.get("members", {}).items()}
                for ref in rule["members"].values():
                    visit(ref)
            elif shape["type"] == "list":
                rule["member"] = shape["member"]["shape"]
                visit(rule["member"])
            elif shape["type"] == "map":
                rule["key"], rule["value"] = shape["key"]["shape"], shape["value"]["shape"]
                visit(rule["key"])
                visit(rule["value"])

        for op in operations:
            o = self.model["operations"][op]
            ops[op] = o["input"]["shape"] if "input" in o else None
            if "input" in o:
                visit(o["input"]["shape"])
        lines = [f'  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}' for k, v in sorted(shapes.items())]
        text = ('{\n "operations": ' + json.dumps(ops, sort_keys=True) + ',\n "shapes": {\n' + ",\n".join(lines) + "\n }\n}\n")
        open(os.path.join(ROOT, self.ns, "Model", "Rules.g.json"), "w").write(text)

    def write(self, methods):
        folder = os.path.join(ROOT, self.ns)
        os.makedirs(os.path.join(folder, "Model"), exist_ok=True)
        header = "// <auto-generated> by tools/generate-service-models.py from botocore's " \
                 f"{self.service} service model. Do not edit; re-run the generator. </auto-generated>\n#nullable enable\n"
        usings = "using System;\nusing System.Collections.Generic;\nusing System.Text.Json.Serialization;\n\n"
        src = header + usings + f"namespace IdcAdmin.Core.{self.ns}.Model;\n\n" + "\n".join(
            v for k, v in sorted(self.classes.items()))
        open(os.path.join(folder, "Model", "Shapes.g.cs"), "w").write(src)
        enum_src = header + f"namespace IdcAdmin.Core.{self.ns}.Model;\n\n"
        for name, values in sorted(self.enums.items()):
            consts = "\n".join(f'    public const string {"".join(pascal(p.lower()) for p in v.replace("-", "_").split("_"))} = "{v}";'
                               for v in values)
            enum_src += f"/// <summary>The values AWS accepts for {name}.</summary>\npublic static class {name}Values\n{{\n{consts}\n" \
                        f"    public static readonly string[] AllValues = {{ {', '.join(repr(v).replace(chr(39), chr(34)) for v in values)} }};\n}}\n\n"
        open(os.path.join(folder, "Model", "Enums.g.cs"), "w").write(enum_src)
        client = header + ("using System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\n"
                           "using System.Threading.Tasks;\nusing IdcAdmin.Core.Aws;\n"
                           f"using IdcAdmin.Core.{self.ns}.Model;\n\n"
                           f"namespace IdcAdmin.Core.{self.ns};\n\n"
                           f"/// <summary>Typed client of the {self.model['metadata']['serviceFullName']} API "
                           f"({self.model['metadata']['targetPrefix']}).</summary>\n"
                           f"public sealed partial class {self.client}\n{{\n"
                           "    private readonly AwsJsonTransport _transport;\n\n"
                           f"    public {self.client}(AwsJsonTransport transport) => _transport = transport;\n\n"
                           + "\n".join(methods) + "}\n")
        open(os.path.join(folder, self.client + ".g.cs"), "w").write(client)


for (service, ns, client), ops in OPERATIONS.items():
    Generator(service, ns, client).run(ops)
    print(f"{service}: {len(ops)} operations")
