using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation.GetScoring;

public sealed record OtherSheet(int Number, IReadOnlyList<CriterionScore> Scores, decimal Total);

public sealed record ScoringView(
    Guid AssignmentId, Guid BidId, string CallReference, LocalizedText CallTitle, string ReceiptNumber, LocalizedText Organization, BidContent Content,
    IReadOnlyList<(RequiredDocument Document, BidAttachment File)> Files, IReadOnlyList<Criterion> Criteria, IReadOnlyList<CriterionScore> Scores,
    SheetStatus Sheet, int Revision, DateTimeOffset? DueAt, DateTimeOffset? SubmittedAt, IReadOnlyList<SealedSheet> History,
    IReadOnlyList<OtherSheet> OtherSheets, JustificationPolicy Policy, decimal? OwnTotal);

/// <summary>
/// The scoring page: the bid's submitted content and documents beside the expert's sheet. Only the assigned expert, only
/// after declaring no conflict; anyone else gets 404 and the attempt is in the audit trail. Other experts' sheets appear
/// only after the expert's own is submitted and only when the call allows it.
/// </summary>
public sealed record GetScoringQuery(Guid AssignmentId) : IQuery<Result<ScoringView>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class GetScoringQueryHandler(IAppDbContext db, ICurrentUser user, IOptions<CallOptions> options) : IQueryHandler<GetScoringQuery, Result<ScoringView>>
{
    public async ValueTask<Result<ScoringView>> Handle(GetScoringQuery query, CancellationToken cancellationToken)
    {
        var a = await AssignmentAccess.FindOwnAsync(db, user, query.AssignmentId, cancellationToken, track: false);
        if (a is null || !a.MayOpenBid)
        {
            return Result<ScoringView>.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var bid = await db.Bids.AsNoTracking().Where(b => b.Id == a.BidId).Select(b => new { b.SubmissionCount, b.OrganizationId }).SingleAsync(cancellationToken);
        var submission = await db.BidSubmissions.AsNoTracking().SingleAsync(s => s.BidId == a.BidId && s.Version == bid.SubmissionCount, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var others = new List<OtherSheet>();
        if (a.SheetStatus == SheetStatus.Submitted && call.ExpertsSeeOtherSheets)
        {
            var sheets = await db.ExpertAssignments.AsNoTracking()
                .Where(o => o.BidId == a.BidId && o.Id != a.Id && o.Status == AssignmentStatus.Accepted && o.SheetStatus == SheetStatus.Submitted)
                .OrderBy(o => o.SubmittedAt).ToListAsync(cancellationToken);
            others = [.. sheets.Select((o, i) => new OtherSheet(i + 1, o.Scores, Total(call, o)))];
        }

        var files = submission.Files.OrderBy(f => f.DocumentIndex)
            .Where(f => f.DocumentIndex < call.RequiredDocuments.Count)
            .Select(f => (call.RequiredDocuments[f.DocumentIndex], f)).ToList();
        var o = options.Value;
        return new ScoringView(
            a.Id, a.BidId.Value, call.ReferenceNumber, call.Title, submission.ReceiptNumber, organization, SubmittedContent.Parse(submission.ContentJson),
            files, call.Criteria, a.Scores, a.SheetStatus, a.SheetRevision, a.DueAt, a.SubmittedAt, a.History, others,
            new JustificationPolicy(o.MinimumJustification, o.JustificationAtExtremes),
            a.SheetStatus == SheetStatus.Submitted ? Total(call, a) : null);
    }

    private static decimal Total(Call call, ExpertAssignment a) =>
        ScoreAggregator.Aggregate(call.Criteria, 0, decimal.MaxValue, [CallEvaluation.Sheet(a)]).Total;
}
