using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.ReactivateUser;

/// <summary>An administrator reactivates a deactivated account (ADR 31): it signs in again; its owner is told by e-mail.</summary>
public sealed record ReactivateUserCommand(Guid UserId) : ICommand<Result<string>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class ReactivateUserCommandHandler(
    IIdentityService identity, ICurrentUser user, IAppDbContext db, IEmailQueue emails)
    : ICommandHandler<ReactivateUserCommand, Result<string>>
{
    /// <summary>Answers the account's e-mail, for the administrator's confirmation.</summary>
    public async ValueTask<Result<string>> Handle(ReactivateUserCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result<string>.Forbidden();
        }

        if (await identity.GetActivationAsync(command.UserId) is not { } account)
        {
            return Result<string>.NotFound();
        }

        if (account.IsActive)
        {
            return Result<string>.Conflict("Admin.Users.AlreadyActive");
        }

        emails.Enqueue(AccountEmails.Reactivated(account.Email, account.FullName, account.Culture));
        await identity.SetDeactivatedAsync(account.UserId, null);
        await db.SaveChangesAsync(cancellationToken);
        return account.Email;
    }
}
