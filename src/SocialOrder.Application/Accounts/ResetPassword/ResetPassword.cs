using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.ResetPassword;

public sealed record ResetPasswordCommand(Guid UserId, string Token, string Password, string ConfirmPassword)
    : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty();
        RuleFor(c => c.Password).StrongPassword();
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithErrorCode("Account.PasswordsDoNotMatch");
    }
}

public sealed class ResetPasswordCommandHandler(IIdentityService identity) : ICommandHandler<ResetPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ResetPasswordCommand command, CancellationToken cancellationToken) =>
        await identity.ResetPasswordAsync(command.UserId, command.Token, command.Password);
}
