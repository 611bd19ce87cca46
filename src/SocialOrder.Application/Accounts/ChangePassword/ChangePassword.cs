using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.ChangePassword;

/// <summary>The signed-in user changes their password; the current one is required. Other sessions end (security stamp).</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string Password, string ConfirmPassword) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.Password).StrongPassword();
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithErrorCode("Account.PasswordsDoNotMatch");
    }
}

public sealed class ChangePasswordCommandHandler(IIdentityService identity, ICurrentUser user) : ICommandHandler<ChangePasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ChangePasswordCommand command, CancellationToken cancellationToken) =>
        user.Id is { } id ? await identity.ChangePasswordAsync(id, command.CurrentPassword, command.Password) : Result.NotFound();
}
