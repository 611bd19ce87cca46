using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.GetCallBids;

public sealed record CallBidRow(Guid BidId, string OrganizationBin, LocalizedText Organization, string ReceiptNumber, DateTimeOffset SubmittedAt, int Version, decimal RequestedAmount, string Sha256, EligibilityDecision? Eligibility);

/// <summary>
/// What an official of the call's body sees: before the deadline only how many bids are in; after it, the list
/// of submitted bids with the version that counts (the last one before the deadline). Null: not their call.
/// </summary>
public sealed record CallBidsView(bool DeadlinePassed, int Drafts, int Submitted, int Withdrawn, IReadOnlyList<CallBidRow> Bids);

public sealed record GetCallBidsQuery(Guid CallId) : IQuery<CallBidsView?>;

public sealed class GetCallBidsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetCallBidsQuery, CallBidsView?>
{
    public async ValueTask<CallBidsView?> Handle(GetCallBidsQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var callId = new CallId(query.CallId);
        var bodyId = new StateBodyId(body);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId && c.StateBodyId == bodyId).Select(c => new { c.ClosesAt }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return null;
        }

        var counts = await db.Bids.AsNoTracking().Where(b => b.CallId == callId).GroupBy(b => b.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(BidStatus s) => counts.SingleOrDefault(c => c.Status == s)?.Count ?? 0;
        var passed = call.ClosesAt is { } closes && time.GetUtcNow() >= closes;
        if (!passed)
        {
            return new CallBidsView(false, Count(BidStatus.Draft), Count(BidStatus.Submitted), Count(BidStatus.Withdrawn), []);
        }

        var rows = await (from b in db.Bids.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where b.CallId == callId && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
                          orderby s.SubmittedAt
                          select new { b.Id, o.Bin, o.Name, s.ReceiptNumber, s.SubmittedAt, s.Version, s.RequestedAmount, s.ContentSha256, b.Eligibility })
            .ToListAsync(cancellationToken);
        return new CallBidsView(
            true, Count(BidStatus.Draft), Count(BidStatus.Submitted), Count(BidStatus.Withdrawn),
            rows.Select(r => new CallBidRow(r.Id.Value, r.Bin.Value, r.Name, r.ReceiptNumber, r.SubmittedAt, r.Version, r.RequestedAmount, r.ContentSha256, r.Eligibility)).ToList());
    }
}
