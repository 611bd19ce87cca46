using Mediator;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.TwoFactor;

/// <summary>The signed-in user turns two-factor sign-in off; refused where their role requires it.</summary>
public sealed record DisableTwoFactorCommand : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class DisableTwoFactorCommandHandler(IIdentityService identity, ICurrentUser user, IOptions<TwoFactorOptions> options)
    : ICommandHandler<DisableTwoFactorCommand, Result>
{
    public async ValueTask<Result> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return Result.Forbidden();
        }

        if (TwoFactorRules.IsRequiredFor(user, options.Value))
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("TwoFactor.RequiredForRole")]);
        }

        return await identity.DisableTwoFactorAsync(id, refreshOwnSignIn: true);
    }
}
