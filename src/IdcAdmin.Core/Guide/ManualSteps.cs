using System.Collections.Generic;

namespace IdcAdmin.Core.Guide;

/// <summary>The guide's steps that AWS offers no API for: said plainly, with where to do them.</summary>
public static class ManualSteps
{
    public static IEnumerable<ManualStep> For(string userName, string accessPortalUrl) => new[]
    {
        new ManualStep(
            $"Send {userName} the invitation / password set-up email (the API creates users without one)",
            $"IAM Identity Center console > Users > {userName} > Reset password > \"Send an email to the user with instructions to reset the password\" (or \"Send email verification link\")"),
        new ManualStep(
            "Require MFA for sign-in to the access portal",
            "IAM Identity Center console > Settings > Authentication > Multi-factor authentication > Configure"),
        new ManualStep(
            $"Sign in as {userName} at the access portal and check the AdministratorAccess role is offered",
            accessPortalUrl),
        new ManualStep(
            "Stop using the root user for daily work: sign out of it, keep its MFA device safe",
            "AWS console > account menu > Sign out; IAM console > Security credentials (root) > Multi-factor authentication"),
    };
}
