namespace SocialOrder.Application.Common.Interfaces;

public interface ICurrentUser
{
    Guid? Id { get; }

    string? Name { get; }

    string? IpAddress { get; }

    bool IsInRole(string role);
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
