using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.TwoFactor;

/// <summary>
/// An administrator resets a user's two-factor sign-in (a lost phone): key and recovery codes are forgotten, the
/// user's sessions end, and a role that requires it enrols again at the next sign-in.
/// </summary>
public sealed record ResetTwoFactorCommand(Guid UserId) : ICommand<Result<string>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class ResetTwoFactorCommandHandler(IIdentityService identity, ICurrentUser user) : ICommandHandler<ResetTwoFactorCommand, Result<string>>
{
    /// <summary>Answers the account's e-mail, for the administrator's confirmation.</summary>
    public async ValueTask<Result<string>> Handle(ResetTwoFactorCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result<string>.Forbidden();
        }

        if (await identity.FindAsync(command.UserId) is not { } account)
        {
            return Result<string>.NotFound();
        }

        var reset = await identity.DisableTwoFactorAsync(command.UserId, refreshOwnSignIn: command.UserId == user.Id);
        return reset.IsSuccess ? account.Email : Result<string>.Failure(reset.Status, reset.Errors);
    }
}
