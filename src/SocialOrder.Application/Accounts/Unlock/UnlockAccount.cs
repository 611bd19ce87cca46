using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.Unlock;

/// <summary>The owner follows the link e-mailed when the account locked: the lock ends and this browser is trusted.</summary>
public sealed record UnlockAccountCommand(Guid UserId, string Token) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class UnlockAccountCommandHandler(IIdentityService identity) : ICommandHandler<UnlockAccountCommand, Result>
{
    public async ValueTask<Result> Handle(UnlockAccountCommand command, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(command.Token)
            ? Result.Invalid("Account.InvalidToken")
            : await identity.UnlockAsync(command.UserId, command.Token);
}
