using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Common.Interfaces;

public enum AccountType
{
    Applicant,
    ExpertCandidate,
}

public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    EmailNotConfirmed,
}

public sealed record NewAccount(string Email, string Password, string FullName, string Culture);

public sealed record StaffAccount(string Email, string FullName, string Role, Guid StateBodyId);

/// <summary>The port to ASP.NET Core Identity: user store, tokens, password hashing and sign-in cookies.</summary>
public interface IIdentityService
{
    Task<Result<Guid>> CreateUserAsync(NewAccount account, IReadOnlyList<string> roles, string? expertCandidacy, CancellationToken cancellationToken);

    Task<Result<Guid>> CreateStaffUserAsync(StaffAccount account, CancellationToken cancellationToken);

    Task<string?> GenerateEmailConfirmationTokenAsync(Guid userId);

    Task<Result> ConfirmEmailAsync(Guid userId, string token);

    Task<(Guid UserId, string Token, string FullName)?> GeneratePasswordResetTokenAsync(string email);

    Task<Result> ResetPasswordAsync(Guid userId, string token, string newPassword);

    Task<(SignInOutcome Outcome, Guid? UserId, IReadOnlyList<string> Roles)> PasswordSignInAsync(string email, string password, bool rememberMe);

    Task SignOutAsync();

    Task<Result> SetExpertCandidacyAsync(Guid userId, bool approve);

    Task<(string Email, string FullName)?> FindAsync(Guid userId);
}
