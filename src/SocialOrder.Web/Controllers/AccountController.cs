using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Accounts.ConfirmEmail;
using SocialOrder.Application.Accounts.PasswordReset;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Accounts.SignIn;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Controllers;

public sealed class AccountController : PortalController
{
    [HttpGet]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [RateLimitAccountField(nameof(LoginForm.Email))]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new SignInCommand(form.Email ?? string.Empty, form.Password ?? string.Empty, form.RememberMe), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            form.Password = string.Empty;
            return View(form);
        }

        if (!string.IsNullOrEmpty(form.ReturnUrl) && Url.IsLocalUrl(form.ReturnUrl))
        {
            return LocalRedirect(form.ReturnUrl);
        }

        return LocalRedirect(Policies.HomePath(result.Value.Roles.ToList()));
    }

    [HttpPost]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        await Sender.Send(new SignOutCommand(), ct);
        return RedirectToAction("Index", "Home");
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Registration)]
    [RateLimitAccountField(nameof(RegisterForm.Email))]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken ct)
    {
        var result = await Sender.Send(
            new RegisterAccountCommand(form.Email ?? string.Empty, form.Password ?? string.Empty, form.ConfirmPassword ?? string.Empty, form.FullName ?? string.Empty, form.AccountType, UiCulture),
            ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            form.Password = string.Empty;
            form.ConfirmPassword = string.Empty;
            return View(form);
        }

        return RedirectToAction(nameof(RegisterConfirmation), new { email = form.Email });
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult RegisterConfirmation(string? email) => View(model: email);

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(Guid userId, string? code, CancellationToken ct)
    {
        var result = await Sender.Send(new ConfirmEmailCommand(userId, code ?? string.Empty), ct);
        return View(result.IsSuccess);
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PasswordReset)]
    [RateLimitAccountField(nameof(ForgotPasswordForm.Email))]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new RequestPasswordResetCommand(form.Email ?? string.Empty, UiCulture), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            return View(form);
        }

        Status("Account.ResetLinkSent");
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult ResetPassword(Guid userId, string? code) =>
        View(new ResetPasswordForm { UserId = userId, Code = code ?? string.Empty });

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PasswordReset)]
    [RateLimitAccountField(nameof(ResetPasswordForm.UserId))]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, CancellationToken ct)
    {
        var result = await Sender.Send(
            new ResetPasswordCommand(form.UserId, form.Code ?? string.Empty, form.Password ?? string.Empty, form.ConfirmPassword ?? string.Empty), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            form.Password = string.Empty;
            form.ConfirmPassword = string.Empty;
            return View(form);
        }

        Status("Account.PasswordChanged");
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> Manage(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));

    [HttpGet]
    [AllowAnonymous]
    public IActionResult AccessDenied() => View();
}
