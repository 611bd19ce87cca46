using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Infrastructure.Identity;

public sealed class IdentityService(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider time, TrustedDevices devices) : IIdentityService
{
    private const int RecoveryCodeCount = 10;
    private const string UnlockPurpose = "UnlockAccount";

    public async Task<Result<Guid>> CreateUserAsync(
        NewAccount account, IReadOnlyList<string> roles, string? expertCandidacy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.Email,
            Email = account.Email,
            FullName = account.FullName,
            PreferredCulture = account.Culture,
            ExpertCandidacy = expertCandidacy,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return Result<Guid>.Failure(ResultStatus.Invalid, created.Errors.Select(ToError).Distinct().ToList());
        }

        if (roles.Count > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        return user.Id;
    }

    public async Task<Result<Guid>> CreateStaffUserAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.Email,
            Email = account.Email,
            FullName = account.FullName,
            StateBodyId = account.StateBodyId,
            EmailConfirmed = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Result<Guid>.Failure(ResultStatus.Invalid, created.Errors.Select(ToError).Distinct().ToList());
        }

        await users.AddToRoleAsync(user, account.Role);
        return user.Id;
    }

    public async Task<string?> GenerateEmailConfirmationTokenAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null ? null : Encode(await users.GenerateEmailConfirmationTokenAsync(user));
    }

    public async Task<Result> ConfirmEmailAsync(Guid userId, string token)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(token) is not { } decoded)
        {
            return Result.Invalid("Account.InvalidToken");
        }

        var confirmed = await users.ConfirmEmailAsync(user, decoded);
        return confirmed.Succeeded ? Result.Success() : Result.Invalid("Account.InvalidToken");
    }

    public async Task<(Guid UserId, string Token, string FullName)?> GeneratePasswordResetTokenAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return null;
        }

        return (user.Id, Encode(await users.GeneratePasswordResetTokenAsync(user)), user.FullName);
    }

    public async Task<Result> ResetPasswordAsync(Guid userId, string token, string newPassword)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(token) is not { } decoded)
        {
            return Result.Invalid("Account.InvalidToken");
        }

        var reset = await users.ResetPasswordAsync(user, decoded, newPassword);
        if (!reset.Succeeded)
        {
            return Result.Failure(ResultStatus.Invalid, reset.Errors.Select(ToError).Distinct().ToList());
        }

        // Following the reset link proves control of the mailbox, which is what confirmation asks for.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await users.ResetAccessFailedCountAsync(user);
        return Result.Success();
    }

    public async Task<PasswordSignIn> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return new PasswordSignIn(SignInOutcome.InvalidCredentials, null, []);
        }

        // The owner's trusted browser neither counts towards the lock nor is kept out by it.
        var trusted = devices.IsTrusted(signIn.Context, user.Id);
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: !trusted);
        if (result.Succeeded)
        {
            devices.Trust(signIn.Context, user.Id);
            return new PasswordSignIn(SignInOutcome.Succeeded, user.Id, (await users.GetRolesAsync(user)).ToList());
        }

        // "Locked out" is said only to someone who knows the password: to a guesser a locked account answers like any
        // wrong password, so guessing neither tells that the address has an account nor that it was locked.
        if (result.IsLockedOut)
        {
            var locked = wasLocked ? null : await LockNoticeAsync(user);
            return await users.CheckPasswordAsync(user, password)
                ? new PasswordSignIn(SignInOutcome.LockedOut, user.Id, [], locked)
                : new PasswordSignIn(SignInOutcome.InvalidCredentials, user.Id, [], locked);
        }

        if (result.RequiresTwoFactor)
        {
            return new PasswordSignIn(SignInOutcome.RequiresTwoFactor, user.Id, []);
        }

        // Like a lock, "deactivated" is said only to someone who knows the password (ADR 31).
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, password))
        {
            return new PasswordSignIn(user.DeactivatedAt is null ? SignInOutcome.EmailNotConfirmed : SignInOutcome.Deactivated, user.Id, []);
        }

        return new PasswordSignIn(SignInOutcome.InvalidCredentials, user.Id, []);
    }

    public async Task<Result> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.NotFound();
        }

        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            return Result.Invalid("Account.WrongCurrentPassword", "CurrentPassword");
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return Result.Failure(ResultStatus.Invalid, changed.Errors.Select(ToError).Distinct().ToList());
        }

        // The new security stamp ends the other sessions; this one is re-issued.
        await signIn.RefreshSignInAsync(user);
        return Result.Success();
    }

    public async Task<Result<EmailChange?>> GenerateEmailChangeTokenAsync(Guid userId, string currentPassword, string newEmail)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<EmailChange?>.NotFound();
        }

        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            return Result<EmailChange?>.Invalid("Account.WrongCurrentPassword", "CurrentPassword");
        }

        if (string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return Result<EmailChange?>.Invalid("Account.SameEmail", "NewEmail");
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            return Result<EmailChange?>.Success(null);
        }

        var token = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        return new EmailChange(user.Email!, user.FullName, user.PreferredCulture, token);
    }

    public async Task<Result> ChangeEmailAsync(Guid userId, string newEmail, string token)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(token) is not { } decoded)
        {
            return Result.Invalid("Account.InvalidToken");
        }

        var changed = await users.ChangeEmailAsync(user, newEmail, decoded);
        if (!changed.Succeeded)
        {
            return Result.Invalid(changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)) ? "Account.EmailChangeTaken" : "Account.InvalidToken");
        }

        var renamed = await users.SetUserNameAsync(user, newEmail);
        return renamed.Succeeded ? Result.Success() : Result.Invalid("Account.EmailChangeTaken");
    }

    public async Task<(Guid UserId, string FullName, string Token)?> GenerateConfirmationForUnconfirmedAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.EmailConfirmed)
        {
            return null;
        }

        return (user.Id, user.FullName, Encode(await users.GenerateEmailConfirmationTokenAsync(user)));
    }

    public async Task<Result> UnlockAsync(Guid userId, string token)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || Decode(token) is not { } decoded
            || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, UnlockPurpose, decoded))
        {
            return Result.Invalid("Account.InvalidToken");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        devices.Trust(signIn.Context, user.Id);
        return Result.Success();
    }

    private async Task<AccountLocked> LockNoticeAsync(ApplicationUser user) =>
        new(user.Id, user.Email!, user.FullName, user.PreferredCulture,
            Encode(await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, UnlockPurpose)));

    public Task SignOutAsync() => signIn.SignOutAsync();

    public async Task<Result> SetExpertCandidacyAsync(Guid userId, bool approve)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.ExpertCandidacy is null)
        {
            return Result.NotFound();
        }

        if (user.ExpertCandidacy != "Pending")
        {
            return Result.Conflict("Account.CandidacyAlreadyDecided");
        }

        user.ExpertCandidacy = approve ? "Approved" : "Rejected";
        await users.UpdateAsync(user);
        if (approve)
        {
            await users.AddToRoleAsync(user, Roles.Expert);
        }

        return Result.Success();
    }

    public async Task<(string Email, string FullName)?> FindAsync(Guid userId)
    {
        var user = await users.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync();
        return user is null ? null : (user.Email!, user.FullName);
    }

    public async Task<AccountActivation?> GetActivationAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return new AccountActivation(
            user.Id, user.Email!, user.FullName, user.PreferredCulture, administrators.Any(a => a.Id == user.Id), user.DeactivatedAt is null,
            administrators.Count(a => a.DeactivatedAt is null));
    }

    public async Task SetDeactivatedAsync(Guid userId, DateTimeOffset? deactivatedAt)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");
        user.DeactivatedAt = deactivatedAt;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task<TwoFactorState?> GetTwoFactorStateAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        if (user.TwoFactorEnabled)
        {
            return new TwoFactorState(user.Email!, true, await users.CountRecoveryCodesAsync(user), null);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new TwoFactorState(user.Email!, false, 0, key);
    }

    public async Task<Result<IReadOnlyList<string>>> EnableTwoFactorAsync(Guid userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            return Result<IReadOnlyList<string>>.Conflict("TwoFactor.AlreadyEnabled");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Result<IReadOnlyList<string>>.Invalid("TwoFactor.WrongCode", "Code");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        return codes;
    }

    public async Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        if (!user.TwoFactorEnabled)
        {
            return Result<IReadOnlyList<string>>.Conflict("TwoFactor.NotEnabled");
        }

        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
    }

    public async Task<Result> DisableTwoFactorAsync(Guid userId, bool refreshOwnSignIn)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await TotpAuthenticatorTokenProvider.ForgetAsync(users, user);

        // A new security stamp ends the account's other sessions and "remembered" browsers.
        await users.UpdateSecurityStampAsync(user);
        if (refreshOwnSignIn)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return Result.Success();
    }

    public async Task<Guid?> GetTwoFactorSignInUserAsync() => (await signIn.GetTwoFactorAuthenticationUserAsync())?.Id;

    public async Task<(SignInOutcome Outcome, IReadOnlyList<string> Roles)> TwoFactorSignInAsync(string code, bool rememberMe, bool rememberDevice)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return (SignInOutcome.InvalidCredentials, []);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, rememberDevice);
        return await OutcomeAsync(user, result);
    }

    public async Task<(SignInOutcome Outcome, IReadOnlyList<string> Roles)> RecoveryCodeSignInAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return (SignInOutcome.InvalidCredentials, []);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.Trim());
        return await OutcomeAsync(user, result);
    }

    private async Task<(SignInOutcome Outcome, IReadOnlyList<string> Roles)> OutcomeAsync(ApplicationUser user, Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (!result.Succeeded)
        {
            return result.IsLockedOut ? (SignInOutcome.LockedOut, []) : (SignInOutcome.InvalidCredentials, []);
        }

        devices.Trust(signIn.Context, user.Id);
        return (SignInOutcome.Succeeded, (await users.GetRolesAsync(user)).ToList());
    }

    private static Error ToError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            new Error("Account.EmailTaken", "Email"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            new Error("Validation.EmailValidator", "Email"),
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            new Error("Validation.MinimumLengthValidator", "Password", [Application.Common.Validation.ValidationExtensions.MinPasswordLength]),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new Error("Account.PasswordTooSimple", "Password"),
        nameof(IdentityErrorDescriber.InvalidToken) => new Error("Account.InvalidToken"),
        _ => new Error("Account.IdentityError"),
    };

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    private static string? Decode(string token)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
