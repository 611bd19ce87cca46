using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;

namespace SocialOrder.Application.Accounts.ConfirmEmailChange;

/// <summary>The link from the new address: the sign-in address changes now (and the account's sessions end).</summary>
public sealed record ConfirmEmailChangeCommand(Guid UserId, string NewEmail, string Token) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class ConfirmEmailChangeCommandHandler(IIdentityService identity) : ICommandHandler<ConfirmEmailChangeCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(command.Token) || string.IsNullOrWhiteSpace(command.NewEmail) || command.NewEmail.Length > 256
            ? Result.Invalid("Account.InvalidToken")
            : await identity.ChangeEmailAsync(command.UserId, command.NewEmail.Trim(), command.Token);
}
