using System.Reflection;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.SsoAdmin;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>One public operation of a typed client, found by reflection so a new operation is covered by itself.</summary>
public sealed record ExposedOperation(AwsService Service, Type Client, string Name, MethodInfo Method, Type Request, Type Response)
{
    public override string ToString() => $"{Service.Id} {Name}";
}

/// <summary>A public PaginateXxx stream of a typed client.</summary>
public sealed record ExposedPaginator(AwsService Service, Type Client, string Operation, MethodInfo Method, Type Request, Type Item)
{
    public override string ToString() => $"{Service.Id} Paginate{Operation}";
}

public static class ExposedOperations
{
    public static readonly (AwsService Service, Type Client)[] Clients =
    {
        (AwsService.SsoAdmin, typeof(SsoAdminClient)),
        (AwsService.IdentityStore, typeof(IdentityStoreClient)),
        (AwsService.Organizations, typeof(OrganizationsClient)),
    };

    public static IEnumerable<ExposedOperation> All() =>
        from c in Clients
        from m in c.Client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where m.Name.EndsWith("Async", StringComparison.Ordinal)
        // (request, cancellationToken): the overloads that also take a lost-reply lookup send the same operation.
        where m.GetParameters().Length == 2
        let result = m.ReturnType
        where result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Task<>)
        select new ExposedOperation(c.Service, c.Client, m.Name[..^"Async".Length], m,
            m.GetParameters()[0].ParameterType, result.GetGenericArguments()[0]);

    public static IEnumerable<ExposedPaginator> Paginators() =>
        from c in Clients
        from m in c.Client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where m.Name.StartsWith("Paginate", StringComparison.Ordinal)
        select new ExposedPaginator(c.Service, c.Client, m.Name["Paginate".Length..], m,
            m.GetParameters()[0].ParameterType, m.ReturnType.GetGenericArguments()[0]);

    public static object ClientOver(Type client, AwsJsonTransport transport) => Activator.CreateInstance(client, transport)!;
}
