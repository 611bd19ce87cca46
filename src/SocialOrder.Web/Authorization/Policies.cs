using Microsoft.AspNetCore.Authorization;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Web.Authorization;

public static class Policies
{
    public const string Administrator = "RequireAdministrator";
    public const string Official = "RequireOfficial";
    public const string Applicant = "RequireApplicant";
    public const string Expert = "RequireExpert";
    public const string Observer = "RequireObserver";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator).AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(Official, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official).AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(Applicant, p => p.RequireAuthenticatedUser().RequireRole(Roles.Applicant));
        options.AddPolicy(Expert, p => p.RequireAuthenticatedUser().RequireRole(Roles.Expert));
        options.AddPolicy(Observer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Observer));
    }

    /// <summary>Where a user lands after signing in: the home page of their most responsible role.</summary>
    public static string HomePath(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Administrator) ? "/Admin"
        : roles.Contains(Roles.Official) ? "/Organizer"
        : roles.Contains(Roles.Observer) ? "/Observer"
        : roles.Contains(Roles.Expert) ? "/Expert"
        : roles.Contains(Roles.Applicant) ? "/Applicant"
        : "/Account/Manage";
}
