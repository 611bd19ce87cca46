using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.SignIn;

/// <summary>The second step of signing in: a code from the authenticator app, or else one of the recovery codes.</summary>
public sealed record SignInWithCodeCommand(string Code, bool IsRecoveryCode, bool RememberMe, bool RememberDevice)
    : ICommand<Result<SignInResult>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class SignInWithCodeCommandValidator : AbstractValidator<SignInWithCodeCommand>
{
    public SignInWithCodeCommandValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(32);
}

public sealed class SignInWithCodeCommandHandler(IIdentityService identity) : ICommandHandler<SignInWithCodeCommand, Result<SignInResult>>
{
    public async ValueTask<Result<SignInResult>> Handle(SignInWithCodeCommand command, CancellationToken cancellationToken)
    {
        var (outcome, roles) = command.IsRecoveryCode
            ? await identity.RecoveryCodeSignInAsync(command.Code.Trim())
            : await identity.TwoFactorSignInAsync(command.Code.Trim(), command.RememberMe, command.RememberDevice);
        return outcome switch
        {
            SignInOutcome.Succeeded => new SignInResult(outcome, roles),
            SignInOutcome.LockedOut => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.LockedOut")]),
            _ => Result<SignInResult>.Invalid(command.IsRecoveryCode ? "TwoFactor.WrongRecoveryCode" : "TwoFactor.WrongCode", "Code"),
        };
    }
}

/// <summary>The account that passed the password step and owes a code, or null (then step 2 starts over at step 1).</summary>
public sealed record PendingTwoFactorSignInQuery : IQuery<Guid?>;

public sealed class PendingTwoFactorSignInQueryHandler(IIdentityService identity) : IQueryHandler<PendingTwoFactorSignInQuery, Guid?>
{
    public async ValueTask<Guid?> Handle(PendingTwoFactorSignInQuery query, CancellationToken cancellationToken) =>
        await identity.GetTwoFactorSignInUserAsync();
}
