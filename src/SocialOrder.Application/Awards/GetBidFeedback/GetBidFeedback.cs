using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards.GetBidFeedback;

public sealed record FeedbackSheet(int Number, IReadOnlyList<CriterionScore> Scores);

/// <summary>
/// What an applicant organization learns about its own bid once results are published. Shortfall names the criteria
/// below their minimum (with the minimum and the bid's mean) and the total below the pass mark, when the scores made the bid unfundable.
/// </summary>
public sealed record BidFeedback(
    Guid BidId, string CallReference, LocalizedText CallTitle, string ReceiptNumber, LocalizedText Organization, decimal PassMark, bool Published, EligibilityDecision? Eligibility, IReadOnlyList<Criterion> Criteria,
    BidAggregate? Aggregate, int? Rank, int Ranked, AwardOutcome? Outcome, decimal Awarded, string? OutcomeReason, IReadOnlyList<FeedbackSheet> Sheets,
    FundingShortfall? Shortfall = null);

public sealed record GetBidFeedbackQuery(Guid BidId) : IQuery<BidFeedback?>;

public sealed class GetBidFeedbackQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetBidFeedbackQuery, BidFeedback?>
{
    public async ValueTask<BidFeedback?> Handle(GetBidFeedbackQuery query, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, query.BidId, cancellationToken, track: false);
        if (bid is null || bid.SubmissionCount == 0)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == bid.CallId, cancellationToken);
        var callId = call.Id;
        var receipt = await db.BidSubmissions.AsNoTracking().Where(s => s.BidId == bid.Id && s.Version == bid.SubmissionCount).Select(s => s.ReceiptNumber).SingleAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId && d.Status == DecisionStatus.Locked, cancellationToken);
        if (decision is null)
        {
            return new BidFeedback(bid.Id.Value, call.ReferenceNumber, call.Title, receipt, organization, call.MinimumTotalScore, false, bid.Eligibility, call.Criteria, null, null, 0, null, 0, null, []);
        }

        // The evaluation as the lock stored it; recomputed only for a decision locked before it was kept.
        BidAggregate? aggregate;
        int? rank;
        int ranked;
        if (decision.Results.Count > 0)
        {
            var stored = decision.Results.SingleOrDefault(r => r.BidId == bid.Id);
            (aggregate, rank, ranked) = (stored?.Aggregate, stored?.Rank, decision.RankedCount);
        }
        else
        {
            var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
            var mine = evaluation.Bids.SingleOrDefault(b => b.BidId == bid.Id.Value);
            (aggregate, rank, ranked) = (mine?.Aggregate, mine?.Rank, evaluation.Ranking.Count);
        }

        var line = decision.Lines.SingleOrDefault(l => l.BidId == bid.Id);
        var sheets = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.BidId == bid.Id && a.Status == AssignmentStatus.Accepted && a.SheetStatus == SheetStatus.Submitted)
            .OrderBy(a => a.SubmittedAt).ToListAsync(cancellationToken);
        return new BidFeedback(
            bid.Id.Value, call.ReferenceNumber, call.Title, receipt, organization, call.MinimumTotalScore, true, bid.Eligibility, call.Criteria, aggregate is { } g ? g with { SheetTotals = [] } : null,
            rank, ranked,
            line?.Outcome ?? AwardOutcome.NotAwarded, line?.Amount ?? 0m, Reason(bid, aggregate, line),
            [.. sheets.Select((a, i) => new FeedbackSheet(i + 1, a.Scores))],
            aggregate is null ? null : FundingShortfall.Of(aggregate, call.Criteria, call.MinimumTotalScore));
    }

    /// <summary>A localization key (or the commission's own words) saying why the bid was not awarded.</summary>
    private static string? Reason(Bid bid, BidAggregate? aggregate, DecisionLine? line) => line switch
    {
        _ when bid.Eligibility is { Eligible: false } => "Feedback.Ineligible",
        null => "Feedback.NotEvaluated",
        { Outcome: AwardOutcome.Awarded } => null,
        { Changed: true, Justification: { } j } => j,
        _ when aggregate is { BelowCriterionMinimum: true } => "Feedback.BelowCriterionMinimum",
        _ when aggregate is { BelowOverallMinimum: true } => "Feedback.BelowOverallMinimum",
        { Outcome: AwardOutcome.Reserve } => "Feedback.Reserve",
        _ => "Feedback.BudgetExhausted",
    };
}
