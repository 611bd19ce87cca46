using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.DecideExpertCandidacy;

public sealed record DecideExpertCandidacyCommand(Guid UserId, bool Approve) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class DecideExpertCandidacyCommandHandler(IIdentityService identity, ICurrentUser user)
    : ICommandHandler<DecideExpertCandidacyCommand, Result>
{
    public async ValueTask<Result> Handle(DecideExpertCandidacyCommand command, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Administrator)
            ? await identity.SetExpertCandidacyAsync(command.UserId, command.Approve)
            : Result.Forbidden();
}
