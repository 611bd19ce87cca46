using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.ConfirmEmail;

public sealed record ConfirmEmailCommand(Guid UserId, string Token) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class ConfirmEmailCommandHandler(IIdentityService identity) : ICommandHandler<ConfirmEmailCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(command.Token)
            ? Result.Invalid("Account.InvalidToken")
            : await identity.ConfirmEmailAsync(command.UserId, command.Token);
}
