using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.TwoFactor;

/// <summary>Ten new recovery codes for the signed-in user; the earlier ones stop working.</summary>
public sealed record RegenerateRecoveryCodesCommand : ICommand<Result<IReadOnlyList<string>>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", null);
}

public sealed class RegenerateRecoveryCodesCommandHandler(IIdentityService identity, ICurrentUser user)
    : ICommandHandler<RegenerateRecoveryCodesCommand, Result<IReadOnlyList<string>>>
{
    public async ValueTask<Result<IReadOnlyList<string>>> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken) =>
        user.Id is { } id
            ? await identity.RegenerateRecoveryCodesAsync(id)
            : Result<IReadOnlyList<string>>.Forbidden();
}
