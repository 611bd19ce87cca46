using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Application.Appeals;

/// <summary>The appeal window of a call: it opens when the current protocol version is issued (the decision locked).</summary>
internal static class AppealWindow
{
    public static async Task<PublishedResults?> PublishedResultsAsync(IAppDbContext db, AppealOptions options, CallId callId, CancellationToken cancellationToken)
    {
        var decision = await db.AwardDecisions.AsNoTracking().Where(d => d.CallId == callId && d.Status == DecisionStatus.Locked)
            .Select(d => new { d.ProtocolVersion, d.LockedAt }).SingleOrDefaultAsync(cancellationToken);
        return decision?.LockedAt is { } lockedAt
            ? new PublishedResults(callId, decision.ProtocolVersion, lockedAt, options.Calendar().EndOfPeriod(lockedAt, options.WorkingDays))
            : null;
    }

    /// <summary>
    /// Refuses (with the broken rule) to issue an agreement of the call while its window is open or a complaint is
    /// unanswered; a reopened decision has no window yet, and the agreement's own rules refuse it anyway.
    /// </summary>
    public static async Task CheckAgreementsMayBeIssuedAsync(IAppDbContext db, AppealOptions options, CallId callId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = await PublishedResultsAsync(db, options, callId, cancellationToken);
        var unanswered = await db.Appeals.CountAsync(a => a.CallId == callId && a.Status == AppealStatus.Filed, cancellationToken);
        AppealGate.CheckAgreementsMayBeIssued(results?.WindowClosesAt ?? DateTimeOffset.MaxValue, unanswered, now);
    }
}
