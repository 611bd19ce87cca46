using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Awards;

namespace SocialOrder.Application.Agreements.DraftOnDecisionLocked;

/// <summary>
/// Drafts an agreement for every funded bid when the commission's decision is locked. It runs before the locking commit,
/// so the decision and its agreements are saved together or not at all.
/// </summary>
public sealed class DraftAgreementsOnDecisionLocked(IAppDbContext db, IReferenceNumbers numbers) : INotificationHandler<AwardDecisionLockedEvent>
{
    public async ValueTask Handle(AwardDecisionLockedEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var decision = await db.AwardDecisions.SingleOrDefaultAsync(d => d.Id == notification.DecisionId, cancellationToken);
        if (decision is not null)
        {
            await AgreementDrafting.DraftMissingAsync(db, numbers, decision, cancellationToken);
        }
    }
}
