using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards;

/// <summary>Turns a decision and the call's evaluation into exactly what the protocol states.</summary>
internal static class ProtocolBuilder
{
    public static async Task<AwardProtocolDocument> BuildAsync(
        IAppDbContext db, Call call, AwardDecision decision, CallEvaluationResult evaluation, string verificationUrl, CancellationToken cancellationToken)
    {
        var callId = call.Id;
        var body = await db.StateBodies.AsNoTracking().Where(b => b.Id == call.StateBodyId).Select(b => b.Name).SingleAsync(cancellationToken);
        var counts = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.SubmissionCount > 0)
            .GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ineligible = await (from b in db.Bids.AsNoTracking()
                                join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                                join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                                where b.CallId == callId && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
                                orderby s.ReceiptNumber
                                select new { s.ReceiptNumber, o.Name, o.Bin, b.Eligibility }).ToListAsync(cancellationToken);
        var byBid = evaluation.Bids.ToDictionary(b => b.BidId);
        var bids = decision.Lines.OrderBy(l => l.Rank).Where(l => byBid.GetValueOrDefault(l.BidId.Value)?.Aggregate is not null).Select(l =>
        {
            var e = byBid[l.BidId.Value];
            return new ProtocolBid(
                l.Rank, e.ReceiptNumber, e.Organization, e.Bin, l.Requested, [.. e.Aggregate!.Means.Select(m => m.Mean)], e.Aggregate.Total, Flags(e),
                (ProtocolOutcome)(int)l.Outcome, l.Amount, l.Changed ? l.Justification : null);
        }).ToList();
        return new AwardProtocolDocument(
            decision.ProtocolNumber ?? "—", decision.LockedAt ?? decision.CreatedAt, body, call.ReferenceNumber, call.Title, call.Budget,
            [.. decision.Members.Select(m => new ProtocolMember(m.FullName, (ProtocolMemberRole)(int)m.Role, m.IsObserver, m.Present))], decision.QuorumFraction,
            counts.Sum(c => c.Count), counts.Where(c => c.Key == BidStatus.Withdrawn).Sum(c => c.Count),
            [.. ineligible.Where(i => i.Eligibility is { Eligible: false }).Select(i => new ProtocolIneligibleBid(i.ReceiptNumber, i.Name, i.Bin.Value, i.Eligibility!.Reason ?? string.Empty))],
            bids.Count, [.. call.Criteria.Select(c => new ProtocolCriterion(c.Code, c.Name, c.Weight, c.MaxPoints))], bids, decision.Total,
            [.. decision.Dissents.Select(d => new ProtocolDissent(d.MemberName, d.Text))],
            decision.DecisionSha256 ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(decision.CanonicalJson()))),
            verificationUrl, call.Instrument);
    }

    public static IReadOnlyList<string> Flags(BidEvaluation e)
    {
        var flags = new List<string>();
        if (e.Aggregate is not { } g)
        {
            return flags;
        }

        if (g.Divergent)
        {
            flags.Add("Divergent");
        }

        if (e.Reconciliation is not null)
        {
            flags.Add("Reconciled");
        }

        if (g.BelowCriterionMinimum)
        {
            flags.Add("BelowCriterionMinimum");
        }

        if (g.BelowOverallMinimum)
        {
            flags.Add("BelowOverallMinimum");
        }

        return flags;
    }
}

internal static class ResultsNotice
{
    /// <summary>Every member of every organization that submitted a bid learns that the results are published.</summary>
    public static async Task EnqueueAsync(IAppDbContext db, IEmailQueue emails, Call call, string callPage, string myBids, CancellationToken cancellationToken)
    {
        var callId = call.Id;
        var members = await (from b in db.Bids.AsNoTracking()
                             join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                             where b.CallId == callId && b.SubmissionCount > 0
                             from m in o.Members
                             select m.UserId).Distinct().ToListAsync(cancellationToken);
        var addresses = await db.QueryUsers(null).Where(u => members.Contains(u.Id)).Select(u => u.Email).ToListAsync(cancellationToken);
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        var bids = myBids;
        foreach (var to in addresses)
        {
            emails.Enqueue(new EmailMessage(
                to, $"SocialOrder: итоги конкурса {call.ReferenceNumber} / конкурс қорытындылары",
                $"<p>{title}</p><p>Итоги конкурса опубликованы. Конкурс қорытындылары жарияланды.</p>" +
                $"<p><a href=\"{WebUtility.HtmlEncode(callPage)}\">{WebUtility.HtmlEncode(callPage)}</a></p>" +
                $"<p>Оценки и обоснования по вашей заявке / Өтініміңіз бойынша бағалар мен негіздемелер: <a href=\"{WebUtility.HtmlEncode(bids)}\">{WebUtility.HtmlEncode(bids)}</a></p>"));
        }
    }
}

public sealed record ResultRow(int Rank, string ReceiptNumber, LocalizedText Organization, decimal Total, decimal Requested, AwardOutcome Outcome, decimal Awarded);

public sealed record CallResults(
    string ProtocolNumber, DateTimeOffset DecidedAt, decimal Budget, decimal TotalAwarded, IReadOnlyList<ResultRow> Rows, string DecisionSha256,
    string? ProtocolKkSha256, string? ProtocolRuSha256);

/// <summary>The published results of an awarded call, for everyone: winners, amounts, the ranking with totals, the protocol's hashes.</summary>
public sealed record GetCallResultsQuery(Guid CallId) : IQuery<CallResults?>;

public sealed class GetCallResultsQueryHandler(IAppDbContext db) : IQueryHandler<GetCallResultsQuery, CallResults?>
{
    public async ValueTask<CallResults?> Handle(GetCallResultsQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId && d.Status == DecisionStatus.Locked, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, cancellationToken);
        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var byBid = evaluation.Bids.ToDictionary(b => b.BidId);
        var rows = decision.Lines.OrderBy(l => l.Rank).Select(l =>
        {
            var e = byBid[l.BidId.Value];
            return new ResultRow(l.Rank, e.ReceiptNumber, e.Organization, e.Aggregate!.Total, l.Requested, l.Outcome, l.Amount);
        }).ToList();
        return new CallResults(decision.ProtocolNumber!, decision.LockedAt!.Value, decision.Budget, decision.Total, rows, decision.DecisionSha256!,
            decision.ProtocolKkSha256, decision.ProtocolRuSha256);
    }
}

/// <summary>
/// The stored protocol, exactly as issued: public once the decision is locked. Before that, officials of the call's body
/// may download a draft (rendered on the fly, marked as a draft); anyone else gets 404.
/// </summary>
public sealed record GetProtocolPdfQuery(Guid CallId, ProtocolLanguage Language, bool Draft = false) : IQuery<DownloadedFile?>;

public sealed class GetProtocolPdfQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files, IAwardProtocolRenderer renderer, IPortalLinks links)
    : IQueryHandler<GetProtocolPdfQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetProtocolPdfQuery query, CancellationToken cancellationToken)
    {
        var callId = new CallId(query.CallId);
        var decision = await db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == callId, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        if (decision.Status == DecisionStatus.Locked && !query.Draft)
        {
            var id = query.Language == ProtocolLanguage.Kk ? decision.ProtocolKkFileId : decision.ProtocolRuFileId;
            return id is { } fileId && await files.ReadAsync(fileId, cancellationToken) is { } file
                ? new DownloadedFile(file.Info.FileName, "application/pdf", file.Content)
                : null;
        }

        var call = query.Draft ? await db.FindOwnCallAsync(user, query.CallId, cancellationToken) : null;
        if (call is null || decision.Status == DecisionStatus.Locked)
        {
            return null;
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var document = await ProtocolBuilder.BuildAsync(db, call, decision, evaluation, links.CallPage(call.Id.Value) + "#results", cancellationToken);
        document = document with { ProtocolNumber = query.Language == ProtocolLanguage.Kk ? "ЖОБА" : "ПРОЕКТ" };
        var lang = query.Language == ProtocolLanguage.Kk ? "kk" : "ru";
        return new DownloadedFile($"{call.ReferenceNumber}-draft-{lang}.pdf", "application/pdf", renderer.Render(document, query.Language));
    }
}

public sealed record FeedbackSheet(int Number, IReadOnlyList<CriterionScore> Scores);

/// <summary>What an applicant organization learns about its own bid once results are published.</summary>
public sealed record BidFeedback(
    Guid BidId, string CallReference, LocalizedText CallTitle, string ReceiptNumber, LocalizedText Organization, decimal PassMark, bool Published, EligibilityDecision? Eligibility, IReadOnlyList<Criterion> Criteria,
    BidAggregate? Aggregate, int? Rank, int Ranked, AwardOutcome? Outcome, decimal Awarded, string? OutcomeReason, IReadOnlyList<FeedbackSheet> Sheets);

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

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        var mine = evaluation.Bids.SingleOrDefault(b => b.BidId == bid.Id.Value);
        var line = decision.Lines.SingleOrDefault(l => l.BidId == bid.Id);
        var sheets = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.BidId == bid.Id && a.Status == AssignmentStatus.Accepted && a.SheetStatus == SheetStatus.Submitted)
            .OrderBy(a => a.SubmittedAt).ToListAsync(cancellationToken);
        return new BidFeedback(
            bid.Id.Value, call.ReferenceNumber, call.Title, receipt, organization, call.MinimumTotalScore, true, bid.Eligibility, call.Criteria, mine?.Aggregate is { } g ? g with { SheetTotals = [] } : null,
            mine?.Rank, evaluation.Ranking.Count,
            line?.Outcome ?? AwardOutcome.NotAwarded, line?.Amount ?? 0m, Reason(bid, mine, line),
            [.. sheets.Select((a, i) => new FeedbackSheet(i + 1, a.Scores))]);
    }

    /// <summary>A localization key (or the commission's own words) saying why the bid was not awarded.</summary>
    private static string? Reason(Bid bid, BidEvaluation? mine, DecisionLine? line) => line switch
    {
        _ when bid.Eligibility is { Eligible: false } => "Feedback.Ineligible",
        null => "Feedback.NotEvaluated",
        { Outcome: AwardOutcome.Awarded } => null,
        { Changed: true, Justification: { } j } => j,
        _ when mine?.Aggregate is { BelowCriterionMinimum: true } => "Feedback.BelowCriterionMinimum",
        _ when mine?.Aggregate is { BelowOverallMinimum: true } => "Feedback.BelowOverallMinimum",
        { Outcome: AwardOutcome.Reserve } => "Feedback.Reserve",
        _ => "Feedback.BudgetExhausted",
    };
}
