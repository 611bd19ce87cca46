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
    RequiresTwoFactor,

    /// <summary>The right password for an account an administrator deactivated (told only to who knows the password).</summary>
    Deactivated,
}

/// <summary>What deactivating or reactivating an account needs to know (ADR 31).</summary>
public sealed record AccountActivation(
    Guid UserId, string Email, string FullName, string Culture, bool IsAdministrator, bool IsActive, int ActiveAdministrators);

/// <summary>An account's two-factor state; the shared key only while it is not yet enabled (enrolment).</summary>
public sealed record TwoFactorState(string Email, bool Enabled, int RecoveryCodesLeft, string? SharedKey);

/// <summary>The password step's answer; <see cref="Locked"/> when this very attempt locked the account.</summary>
public sealed record PasswordSignIn(SignInOutcome Outcome, Guid? UserId, IReadOnlyList<string> Roles, AccountLocked? Locked = null)
{
    /// <summary>The password was right (the sign-in is done or waits only for the second factor).</summary>
    public bool PasswordAccepted => Outcome is SignInOutcome.Succeeded or SignInOutcome.RequiresTwoFactor;
}

/// <summary>Who to tell that their account was locked, and the token of the link that unlocks it.</summary>
public sealed record AccountLocked(Guid UserId, string Email, string FullName, string Culture, string UnlockToken);

/// <summary>A requested change of address: who to write to, and the token of the link sent to the new address.</summary>
public sealed record EmailChange(string OldEmail, string FullName, string Culture, string Token);

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

    Task<PasswordSignIn> PasswordSignInAsync(string email, string password, bool rememberMe);

    /// <summary>Changes the password after checking the current one (field <c>CurrentPassword</c>); other sessions end.</summary>
    Task<Result> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword);

    /// <summary>Checks the password and makes a token for the new address; null (no link) when the address is taken.</summary>
    Task<Result<EmailChange?>> GenerateEmailChangeTokenAsync(Guid userId, string currentPassword, string newEmail);

    /// <summary>Follows the link sent to the new address: the address (and user name) change, the account's sessions end.</summary>
    Task<Result> ChangeEmailAsync(Guid userId, string newEmail, string token);

    /// <summary>A confirmation token for an account that exists and is not yet confirmed; otherwise null.</summary>
    Task<(Guid UserId, string FullName, string Token)?> GenerateConfirmationForUnconfirmedAsync(string email);

    /// <summary>Follows the e-mailed unlock link: ends the lockout and trusts the browser that followed it.</summary>
    Task<Result> UnlockAsync(Guid userId, string token);

    Task SignOutAsync();

    Task<Result> SetExpertCandidacyAsync(Guid userId, bool approve);

    Task<(string Email, string FullName)?> FindAsync(Guid userId);

    /// <summary>The account's state for deactivation, with the number of active administrators; null if unknown.</summary>
    Task<AccountActivation?> GetActivationAsync(Guid userId);

    /// <summary>Deactivates (a time) or reactivates (null) the account; a new security stamp ends its sessions.</summary>
    Task SetDeactivatedAsync(Guid userId, DateTimeOffset? deactivatedAt);

    /// <summary>The account's two-factor state; an account not yet enrolled gets a shared key on first sight.</summary>
    Task<TwoFactorState?> GetTwoFactorStateAsync(Guid userId);

    /// <summary>Checks a code from the authenticator app, enables two-factor sign-in and returns ten fresh recovery codes.</summary>
    Task<Result<IReadOnlyList<string>>> EnableTwoFactorAsync(Guid userId, string code);

    /// <summary>Ten new recovery codes; the earlier ones stop working.</summary>
    Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(Guid userId);

    /// <summary>Turns two-factor sign-in off and forgets the key and the recovery codes (also an administrator's reset).</summary>
    Task<Result> DisableTwoFactorAsync(Guid userId, bool refreshOwnSignIn);

    /// <summary>The account that passed the password step and now owes a code, if any.</summary>
    Task<Guid?> GetTwoFactorSignInUserAsync();

    Task<(SignInOutcome Outcome, IReadOnlyList<string> Roles)> TwoFactorSignInAsync(string code, bool rememberMe, bool rememberDevice);

    Task<(SignInOutcome Outcome, IReadOnlyList<string> Roles)> RecoveryCodeSignInAsync(string code);
}

/// <summary>Two-factor sign-in settings (section <c>TwoFactor</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "TwoFactor";

    /// <summary>Administrators and officials must enrol before using their areas, and may not turn it off.</summary>
    public bool RequiredForStaff { get; set; } = true;

    public const string Issuer = "SocialOrder";

    public static bool RoleRequiresIt(string role) => role is Roles.Administrator or Roles.Official;
}
