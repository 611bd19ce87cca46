using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Agreements.Issue;

/// <summary>The official issues a draft agreement to the organization; its PDF in Kazakh and Russian is stored with it.</summary>
public sealed record IssueAgreementCommand(Guid AgreementId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Agreement", AgreementId.ToString());
}

public sealed class IssueAgreementCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<IssueAgreementCommand, Result>
{
    public async ValueTask<Result> Handle(IssueAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForOfficialAsync(user, command.AgreementId, cancellationToken);
        if (agreement is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var decision = await db.AwardDecisions.AsNoTracking().SingleAsync(d => d.Id == agreement.DecisionId, cancellationToken);
        agreement.Issue(decision, officialId, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Agreement.ChangedMeanwhile");
    }
}
