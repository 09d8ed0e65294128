using IdcAdmin.Core.Accounts;

namespace IdcAdmin.Core.Session;

/// <summary><c>OrganizationDirectory.For(session)</c>: the directory the session owns, named from the directory's side.</summary>
public static class SessionOrganization
{
    extension(OrganizationDirectory)
    {
        public static OrganizationDirectory For(IdcSession session) => session.Organization;
    }
}
