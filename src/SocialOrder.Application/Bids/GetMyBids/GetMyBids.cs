using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.GetMyBids;

public sealed record MyBidRow(
    Guid BidId, string CallReference, LocalizedText CallTitle, LocalizedText Organization, BidStatus Status, CallPhase Phase,
    DateTimeOffset ClosesAt, int Submissions, DateTimeOffset? LastSubmittedAt, bool HasUnsubmittedChanges,
    Domain.Evaluation.AwardOutcome? Outcome = null, decimal? AwardedAmount = null);

/// <summary>"My bids": every bid of every organization the user belongs to.</summary>
public sealed record GetMyBidsQuery : IQuery<IReadOnlyList<MyBidRow>>;

public sealed class GetMyBidsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetMyBidsQuery, IReadOnlyList<MyBidRow>>
{
    public async ValueTask<IReadOnlyList<MyBidRow>> Handle(GetMyBidsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return [];
        }

        var rows = await (from b in db.Bids.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                          join c in db.Calls.AsNoTracking() on b.CallId equals c.Id
                          where o.Members.Any(m => m.UserId == userId)
                          orderby b.UpdatedAt descending
                          select new
                          {
                              b.Id, c.ReferenceNumber, c.Title, Organization = o.Name, b.Status, CallStatus = c.Status, c.OpensAt, c.ClosesAt,
                              b.SubmissionCount, b.LastSubmittedAt, b.Revision, b.SubmittedRevision, b.Outcome, b.AwardedAmount,
                          }).Take(200).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows.Select(r => new MyBidRow(
            r.Id.Value, r.ReferenceNumber, r.Title, r.Organization, r.Status,
            CallPhases.Of(r.CallStatus, r.OpensAt, r.ClosesAt, now), r.ClosesAt!.Value, r.SubmissionCount, r.LastSubmittedAt,
            r.Revision > r.SubmittedRevision, r.Outcome, r.AwardedAmount)).ToList();
    }
}
