using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Agreements;

/// <summary>Drafts the agreement of every funded bid of a locked decision that has none yet; drafting twice drafts nothing more.</summary>
internal static class AgreementDrafting
{
    public static async Task<int> DraftMissingAsync(IAppDbContext db, IReferenceNumbers numbers, AwardDecision decision, CancellationToken cancellationToken)
    {
        var funded = decision.Lines.Where(l => l.Outcome == AwardOutcome.Awarded && l.Amount > 0).Select(l => l.BidId).ToList();
        if (decision.Status != DecisionStatus.Locked || funded.Count == 0)
        {
            return 0;
        }

        var callId = decision.CallId;
        var existing = await db.Agreements.AsNoTracking().Where(a => a.CallId == callId).Select(a => a.BidId).ToListAsync(cancellationToken);
        var missing = funded.Except(existing).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, cancellationToken);
        var body = await db.StateBodies.AsNoTracking().Where(b => b.Id == call.StateBodyId).Select(b => new { b.Name, b.Bin }).SingleAsync(cancellationToken);
        var bids = await db.Bids.AsNoTracking().Where(b => missing.Contains(b.Id)).Select(b => new { b.Id, b.OrganizationId, b.Content }).ToListAsync(cancellationToken);
        var organizationIds = bids.Select(b => b.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Bin, o.HeadName }).ToDictionaryAsync(o => o.Id, cancellationToken);

        // The project starts on the first day of the month after the decision (Kazakhstan time).
        var locked = KazakhstanTime.ToLocal(decision.LockedAt!.Value);
        var start = new DateOnly(locked.Year, locked.Month, 1).AddMonths(1);
        var year = locked.Year;
        foreach (var bid in bids.OrderBy(b => decision.Lines.Single(l => l.BidId == b.Id).Rank))
        {
            var organization = organizations[bid.OrganizationId];
            var parties = new AgreementParties(body.Name, body.Bin, organization.Name, organization.Bin.Value, organization.HeadName);
            var number = await numbers.NextAsync("AGR", year, cancellationToken);
            db.Agreements.Add(Agreement.Draft(decision, bid.Id, bid.OrganizationId, bid.Content, call.StateBodyId, parties, number, start, call.DurationMonths, decision.LockedAt.Value));
        }

        return bids.Count;
    }
}
