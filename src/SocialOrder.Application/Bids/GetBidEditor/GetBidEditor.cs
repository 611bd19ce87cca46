using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.GetBidEditor;

public sealed record SubmissionRow(Guid Id, int Version, string ReceiptNumber, DateTimeOffset SubmittedAt, string ContentSha256, decimal RequestedAmount);

public sealed record BidEditor(
    Guid BidId, Guid CallId, string CallReference, LocalizedText CallTitle, DateTimeOffset ClosesAt, CallPhase Phase, decimal MaxPerProject,
    int DurationMonths, IReadOnlyList<RequiredDocument> RequiredDocuments, IReadOnlyList<Criterion> Criteria, LocalizedText OrganizationName,
    BidStatus Status, int Revision, BidContent Content, DateTimeOffset UpdatedAt, bool ReadOnly, IReadOnlyList<SubmissionProblem> Problems,
    IReadOnlyList<SubmissionRow> Submissions, IReadOnlyList<BidAttachment> Attachments, DateTimeOffset Now, EligibilityDecision? Eligibility,
    IReadOnlyList<Domain.Standards.QualityIndicator>? StandardIndicators = null, IReadOnlyList<string>? MissingIndicatorCodes = null);

/// <summary>The bid editor for a member of the owning organization (null: 404 for everyone else).</summary>
public sealed record GetBidEditorQuery(Guid BidId) : IQuery<BidEditor?>;

public sealed class GetBidEditorQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetBidEditorQuery, BidEditor?>
{
    public async ValueTask<BidEditor?> Handle(GetBidEditorQuery query, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, query.BidId, cancellationToken, track: false);
        if (bid is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == bid.CallId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var submissions = await db.BidSubmissions.AsNoTracking().Where(s => s.BidId == bid.Id).OrderByDescending(s => s.Version)
            .Select(s => new SubmissionRow(s.Id, s.Version, s.ReceiptNumber, s.SubmittedAt, s.ContentSha256, s.RequestedAmount))
            .ToListAsync(cancellationToken);
        var required = await db.RequiredIndicatorsAsync(call, cancellationToken);
        var missing = Domain.Standards.IndicatorMatching.Missing(required, bid.Content.Indicators.Select(i => i.Name)).Select(i => i.Code).ToList();
        var now = time.GetUtcNow();
        var phase = call.PhaseAt(now);
        return new BidEditor(
            bid.Id.Value, call.Id.Value, call.ReferenceNumber, call.Title, call.ClosesAt!.Value, phase, call.MaxPerProject, call.DurationMonths,
            call.RequiredDocuments, call.Criteria, organization, bid.Status, bid.Revision, bid.Content, bid.UpdatedAt,
            phase is not (CallPhase.Upcoming or CallPhase.Open), bid.SubmissionProblems(call, required), submissions, bid.Attachments, now, bid.Eligibility,
            required, missing);
    }
}
