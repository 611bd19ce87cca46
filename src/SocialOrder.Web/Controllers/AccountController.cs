using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Accounts.ConfirmEmailChange;
using SocialOrder.Application.Accounts.RequestEmailChange;
using SocialOrder.Application.Accounts.ChangePassword;
using SocialOrder.Application.Accounts.ConfirmEmail;
using SocialOrder.Application.Accounts.GetMySignIns;
using SocialOrder.Application.Accounts.ResendEmailConfirmation;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Accounts.RequestPasswordReset;
using SocialOrder.Application.Accounts.ResetPassword;
using SocialOrder.Application.Accounts.SignIn;
using SocialOrder.Application.Accounts.SignOut;
using SocialOrder.Application.Accounts.TwoFactor;
using SocialOrder.Application.Accounts.Unlock;
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

        if (result.Value.Outcome == SignInOutcome.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginWithCode), new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
        }

        return SignedIn(form.ReturnUrl, result.Value.Roles);
    }

    /// <summary>Step 2 of signing in, for an account with two-factor sign-in on: the code from the app.</summary>
    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithCode(string? returnUrl, bool rememberMe, CancellationToken ct) =>
        await Sender.Send(new PendingTwoFactorSignInQuery(), ct) is null
            ? RedirectToAction(nameof(Login), new { returnUrl })
            : View(new TwoFactorCodeForm { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithCode(TwoFactorCodeForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new SignInWithCodeCommand(form.Code ?? string.Empty, false, form.RememberMe, form.RememberDevice), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            form.Code = string.Empty;
            return View(form);
        }

        return SignedIn(form.ReturnUrl, result.Value.Roles);
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl, CancellationToken ct) =>
        await Sender.Send(new PendingTwoFactorSignInQuery(), ct) is null
            ? RedirectToAction(nameof(Login), new { returnUrl })
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [HttpPost]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new SignInWithCodeCommand(form.Code ?? string.Empty, true, false, false), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            form.Code = string.Empty;
            return View(form);
        }

        return SignedIn(form.ReturnUrl, result.Value.Roles);
    }

    /// <summary>Two-factor sign-in for the signed-in user: enrolment (key, QR code, a code to confirm) or its state.</summary>
    [HttpGet]
    [Authorize]
    public async Task<IActionResult> TwoFactor(string? returnUrl, CancellationToken ct) =>
        await Sender.Send(new GetTwoFactorSetupQuery(), ct) is { } setup
            ? View(new TwoFactorPage(setup, new TwoFactorCodeForm { ReturnUrl = returnUrl }))
            : NotFound();

    [HttpPost]
    [Authorize]
    public async Task<IActionResult> TwoFactor([Bind(Prefix = "Form")] TwoFactorCodeForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new EnableTwoFactorCommand(form.Code ?? string.Empty), ct);
        if (result.IsFailure)
        {
            if (FailurePage(result) is { } failure)
            {
                return failure;
            }

            AddErrors(result, "Form");
            form.Code = string.Empty;
            var setup = await Sender.Send(new GetTwoFactorSetupQuery(), ct);
            return setup is null ? NotFound() : View(new TwoFactorPage(setup, form));
        }

        // Shown once, straight from the answer to the POST: the codes are kept nowhere else in clear.
        return View(nameof(RecoveryCodes), new RecoveryCodesPage(result.Value, ContinueUrl(form.ReturnUrl)));
    }

    [HttpPost]
    [Authorize]
    public async Task<IActionResult> RecoveryCodes(CancellationToken ct)
    {
        var result = await Sender.Send(new RegenerateRecoveryCodesCommand(), ct);
        if (result.IsFailure)
        {
            if (FailurePage(result) is { } failure)
            {
                return failure;
            }

            Status(result.Errors[0].Code);
            return RedirectToAction(nameof(TwoFactor));
        }

        return View(new RecoveryCodesPage(result.Value, Url.Action(nameof(TwoFactor))!));
    }

    [HttpPost]
    [Authorize]
    public async Task<IActionResult> DisableTwoFactor(CancellationToken ct)
    {
        var result = await Sender.Send(new DisableTwoFactorCommand(), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        Status(result.IsSuccess ? "TwoFactor.Disabled" : result.Errors[0].Code);
        return RedirectToAction(nameof(TwoFactor));
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
    [AllowAnonymous]
    public IActionResult Unlock(Guid userId, string? code) => View(new UnlockForm { UserId = userId, Code = code ?? string.Empty });

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PasswordReset)]
    [RateLimitAccountField(nameof(UnlockForm.UserId))]
    public async Task<IActionResult> Unlock(UnlockForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new UnlockAccountCommand(form.UserId, form.Code ?? string.Empty), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            return View(form);
        }

        Status("Account.Unlocked");
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> Manage(CancellationToken ct) =>
        View(await Sender.Send(new SocialOrder.Application.Accounts.GetMyProfile.GetMyProfileQuery(), ct));

    [HttpGet]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new ChangePasswordCommand(form.CurrentPassword ?? string.Empty, form.Password ?? string.Empty, form.ConfirmPassword ?? string.Empty), ct);
        if (result.IsFailure)
        {
            if (FailurePage(result) is { } failure)
            {
                return failure;
            }

            AddErrors(result);
            return View(new ChangePasswordForm());
        }

        Status("Account.OwnPasswordChanged");
        return RedirectToAction(nameof(Manage));
    }

    [HttpGet]
    [Authorize]
    public IActionResult ChangeEmail() => View(new ChangeEmailForm());

    [HttpPost]
    [Authorize]
    [EnableRateLimiting(RateLimitPolicies.EmailConfirmation)]
    public async Task<IActionResult> ChangeEmail(ChangeEmailForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new RequestEmailChangeCommand(form.NewEmail ?? string.Empty, form.CurrentPassword ?? string.Empty), ct);
        if (result.IsFailure)
        {
            if (FailurePage(result) is { } failure)
            {
                return failure;
            }

            AddErrors(result);
            form.CurrentPassword = string.Empty;
            return View(form);
        }

        Status("Account.EmailChangeSent", form.NewEmail!);
        return RedirectToAction(nameof(Manage));
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmailChange(Guid userId, string? email, string? code, CancellationToken ct)
    {
        var result = await Sender.Send(new ConfirmEmailChangeCommand(userId, email ?? string.Empty, code ?? string.Empty), ct);
        return View(model: result.IsSuccess ? null : result.Errors[0].Code);
    }

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> SignIns(CancellationToken ct) => View(await Sender.Send(new GetMySignInsQuery(), ct));

    [HttpGet]
    [AllowAnonymous]
    public IActionResult ResendConfirmation() => View(new ResendConfirmationForm());

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.EmailConfirmation)]
    [RateLimitAccountField(nameof(ResendConfirmationForm.Email))]
    public async Task<IActionResult> ResendConfirmation(ResendConfirmationForm form, CancellationToken ct)
    {
        var result = await Sender.Send(new ResendEmailConfirmationCommand(form.Email ?? string.Empty, UiCulture), ct);
        if (result.IsFailure)
        {
            AddErrors(result);
            return View(form);
        }

        Status("Account.ConfirmationResent");
        return RedirectToAction(nameof(Login));
    }

    /// <summary>
    /// "Stay signed in" on the staff idle warning (ADR 31): any signed-in request renews the cookie, this one does
    /// nothing else. A POST with the antiforgery token, so another site cannot keep a session alive.
    /// </summary>
    [HttpPost]
    [Authorize]
    public IActionResult KeepAlive()
    {
        Response.Headers.CacheControl = "no-store";
        return NoContent();
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult AccessDenied() => View();

    private LocalRedirectResult SignedIn(string? returnUrl, IReadOnlyList<string> roles) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : LocalRedirect(Policies.HomePath(roles.ToList()));

    private string ContinueUrl(string? returnUrl)
    {
        if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        var roles = SocialOrder.Application.Common.Interfaces.Roles.All.Where(User.IsInRole).ToList();
        return Policies.HomePath(roles);
    }
}
