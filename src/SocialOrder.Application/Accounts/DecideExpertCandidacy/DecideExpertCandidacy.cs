using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.DecideExpertCandidacy;

/// <summary>An administrator approves (the Expert role is granted) or rejects an expert candidate; approval needs a completed profile.</summary>
public sealed record DecideExpertCandidacyCommand(Guid UserId, bool Approve) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", UserId.ToString());
}

public sealed class DecideExpertCandidacyCommandHandler(IIdentityService identity, ICurrentUser user, IAppDbContext db, TimeProvider time)
    : ICommandHandler<DecideExpertCandidacyCommand, Result>
{
    public async ValueTask<Result> Handle(DecideExpertCandidacyCommand command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Result.Forbidden();
        }

        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == command.UserId, cancellationToken);
        if (command.Approve && profile is null)
        {
            return Result.Conflict("Expert.ProfileMissing");
        }

        var result = await identity.SetExpertCandidacyAsync(command.UserId, command.Approve);
        if (result.IsFailure)
        {
            return result;
        }

        if (profile is not null && profile.Status == Domain.Evaluation.ExpertStatus.Pending)
        {
            profile.Decide(command.Approve, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }
}
