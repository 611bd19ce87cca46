using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.SignIn;

public sealed record SignInResult(SignInOutcome Outcome, IReadOnlyList<string> Roles);

public sealed record SignInCommand(string Email, string Password, bool RememberMe) : ICommand<Result<SignInResult>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", Email);
}

public sealed class SignInCommandValidator : AbstractValidator<SignInCommand>
{
    public SignInCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed class SignInCommandHandler(IIdentityService identity) : ICommandHandler<SignInCommand, Result<SignInResult>>
{
    public async ValueTask<Result<SignInResult>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var (outcome, _, roles) = await identity.PasswordSignInAsync(command.Email.Trim(), command.Password, command.RememberMe);
        return outcome switch
        {
            SignInOutcome.Succeeded or SignInOutcome.RequiresTwoFactor => new SignInResult(outcome, roles),
            SignInOutcome.LockedOut => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.LockedOut")]),
            SignInOutcome.EmailNotConfirmed => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.EmailNotConfirmed")]),
            _ => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.InvalidLogin")]),
        };
    }
}
