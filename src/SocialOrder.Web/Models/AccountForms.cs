using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Web.Models;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "Field.FullName")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;

    [Display(Name = "Field.AccountType")]
    public AccountType AccountType { get; set; } = AccountType.Applicant;
}

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordForm
{
    public Guid UserId { get; set; }

    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>A six-digit code from the authenticator app: enrolment, or the second step of signing in.</summary>
public sealed class TwoFactorCodeForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "TwoFactor.Code")]
    public string Code { get; set; } = string.Empty;

    public bool RememberMe { get; set; }

    [Display(Name = "TwoFactor.RememberDevice")]
    public bool RememberDevice { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [Display(Name = "TwoFactor.RecoveryCode")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed record TwoFactorPage(SocialOrder.Application.Accounts.TwoFactor.TwoFactorSetup Setup, TwoFactorCodeForm Form);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string ContinueUrl);

/// <summary>The unlock link's page posts its id and token back: a GET alone (a mail scanner) unlocks nothing.</summary>
public sealed class UnlockForm
{
    public Guid UserId { get; set; }

    public string Code { get; set; } = string.Empty;
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangeEmailForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.NewEmail")]
    public string NewEmail { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = string.Empty;
}

public sealed class ResendConfirmationForm
{
    [Required(ErrorMessage = "Validation.NotEmptyValidator")]
    [EmailAddress(ErrorMessage = "Validation.EmailValidator")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}
