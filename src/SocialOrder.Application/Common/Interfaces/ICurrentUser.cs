namespace SocialOrder.Application.Common.Interfaces;

public interface ICurrentUser
{
    Guid? Id { get; }

    string? Name { get; }

    string? IpAddress { get; }

    /// <summary>The client's address as throttles see it: after known proxies, IPv6 by its /64 network; "unknown" outside a request.</summary>
    string ClientNetwork { get; }

    string? UserAgent { get; }

    /// <summary>For officials and observers: the state body they act for (a claim set at sign-in).</summary>
    Guid? StateBodyId { get; }

    bool IsInRole(string role);
}

public static class PortalClaims
{
    public const string StateBody = "socialorder:state_body";

    public const string TwoFactorEnabled = "socialorder:two_factor";
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Official = "Official";
    public const string Applicant = "Applicant";
    public const string Expert = "Expert";
    public const string Observer = "Observer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Official, Applicant, Expert, Observer];
}
