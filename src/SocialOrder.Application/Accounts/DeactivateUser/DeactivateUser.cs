using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Accounts;

namespace SocialOrder.Application.Accounts.DeactivateUser;

/// <summary>
/// An administrator deactivates an account (ADR 31): it can no longer sign in, its sessions end at their next request,
/// and its owner is told by e-mail. Never one's own account, never the last active administrator.
/// </summary>
public sealed record DeactivateUserCommand(Guid UserId) : ICommand<Result<string>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class DeactivateUserCommandHandler(
    IIdentityService identity, ICurrentUser user, IAppDbContext db, IEmailQueue emails, TimeProvider time)
    : ICommandHandler<DeactivateUserCommand, Result<string>>
{
    /// <summary>Answers the account's e-mail, for the administrator's confirmation.</summary>
    public async ValueTask<Result<string>> Handle(DeactivateUserCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator) || user.Id is not { } actor)
        {
            return Result<string>.Forbidden();
        }

        if (await identity.GetActivationAsync(command.UserId) is not { } account)
        {
            return Result<string>.NotFound();
        }

        if (!account.IsActive)
        {
            return Result<string>.Conflict("Admin.Users.AlreadyDeactivated");
        }

        AccountDeactivation.EnsureAllowed(actor, account.UserId, account.IsAdministrator && account.IsActive, account.ActiveAdministrators);
        emails.Enqueue(AccountEmails.Deactivated(account.Email, account.FullName, account.Culture));
        await identity.SetDeactivatedAsync(account.UserId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return account.Email;
    }
}
