using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Awards;

namespace SocialOrder.Application.Agreements.Draft;

/// <summary>
/// The official's "Draft agreements" action on an awarded call: drafts what is missing (say, for a decision locked before
/// agreements existed). Drafting on the lock event makes it usually find nothing to do; twice is the same as once.
/// </summary>
public sealed record DraftAgreementsCommand(Guid CallId) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class DraftAgreementsCommandHandler(IAppDbContext db, ICurrentUser user, IReferenceNumbers numbers) : ICommandHandler<DraftAgreementsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DraftAgreementsCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnAsync(user, command.CallId, cancellationToken, track: false);
        if (call is null)
        {
            return Result<int>.NotFound();
        }

        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == call.Id, cancellationToken);
        if (decision is null || decision.Status != DecisionStatus.Locked)
        {
            return Result<int>.Failure(ResultStatus.RuleBroken, [new Error("Agreement.DecisionNotLocked")]);
        }

        var drafted = await AgreementDrafting.DraftMissingAsync(db, numbers, decision, cancellationToken);
        if (drafted > 0 && !await db.TrySaveAsync(cancellationToken))
        {
            return Result<int>.Conflict("Agreement.AlreadyDrafted");
        }

        return drafted;
    }
}
