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
