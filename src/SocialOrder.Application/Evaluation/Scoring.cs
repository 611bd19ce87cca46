using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation;

public sealed record MyAssignmentRow(
    Guid AssignmentId, string CallReference, LocalizedText CallTitle, string ReceiptNumber, string BidTitle, AssignmentStatus Status, SheetStatus Sheet,
    DateTimeOffset? DueAt, bool IsAdditional);

/// <summary>An expert's assignments, newest first; proposals not yet confirmed by the official are not shown.</summary>
public sealed record GetMyAssignmentsQuery : IQuery<IReadOnlyList<MyAssignmentRow>>;

public sealed class GetMyAssignmentsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyAssignmentsQuery, IReadOnlyList<MyAssignmentRow>>
{
    public async ValueTask<IReadOnlyList<MyAssignmentRow>> Handle(GetMyAssignmentsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id || !user.IsInRole(Roles.Expert))
        {
            return [];
        }

        var rows = await (from a in db.ExpertAssignments.AsNoTracking()
                          join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                          join b in db.Bids.AsNoTracking() on a.BidId equals b.Id
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where a.ExpertId == id && a.Status != AssignmentStatus.Proposed && s.Version == b.SubmissionCount
                          orderby a.AssignedAt descending, s.ReceiptNumber
                          select new { a.Id, c.ReferenceNumber, c.Title, s.ReceiptNumber, a.Status, a.SheetStatus, a.DueAt, a.IsAdditional, s.ContentJson })
            .Take(500).ToListAsync(cancellationToken);

        // The bid's title is shown only once the expert declared no conflict: before that they see the receipt number.
        return rows.Select(r => new MyAssignmentRow(
            r.Id, r.ReferenceNumber, r.Title, r.ReceiptNumber,
            r.Status is AssignmentStatus.Accepted ? SubmittedContent.Parse(r.ContentJson).Title : string.Empty,
            r.Status, r.SheetStatus, r.DueAt, r.IsAdditional)).ToList();
    }
}

/// <summary>The expert declines an assignment (it goes back to the official to reassign).</summary>
public sealed record DeclineAssignmentCommand(Guid AssignmentId, string? Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class DeclineAssignmentCommandValidator : AbstractValidator<DeclineAssignmentCommand>
{
    public DeclineAssignmentCommandValidator() => RuleFor(c => c.Reason).MaximumLength(1000).NoMarkup();
}

public sealed class DeclineAssignmentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<DeclineAssignmentCommand, Result>
{
    public async ValueTask<Result> Handle(DeclineAssignmentCommand command, CancellationToken cancellationToken)
    {
        var assignment = await ExpertAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (assignment is null)
        {
            return Result.NotFound();
        }

        assignment.Decline(command.Reason, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Rule.AssignmentAlreadyAnswered");
    }
}

/// <summary>Before opening a bid the expert declares no conflict of interest (and may then score) or a conflict (the bid is taken from them).</summary>
public sealed record DeclareConflictCommand(Guid AssignmentId, bool HasConflict, string? Statement) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class DeclareConflictCommandValidator : AbstractValidator<DeclareConflictCommand>
{
    public DeclareConflictCommandValidator()
    {
        RuleFor(c => c.Statement).MaximumLength(2000).NoMarkup();
        RuleFor(c => c.Statement).Must(s => s is not null && s.Trim().Length >= 10).When(c => c.HasConflict).WithErrorCode("Rule.ConflictNeedsStatement");
    }
}

public sealed class DeclareConflictCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<DeclareConflictCommand, Result>
{
    public async ValueTask<Result> Handle(DeclareConflictCommand command, CancellationToken cancellationToken)
    {
        var assignment = await ExpertAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (assignment is null)
        {
            return Result.NotFound();
        }

        assignment.Declare(command.HasConflict, command.Statement, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Rule.AssignmentAlreadyAnswered");
    }
}

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
        var a = await ExpertAccess.FindOwnAsync(db, user, query.AssignmentId, cancellationToken, track: false);
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

/// <summary>Autosave and "save draft": whatever is filled in, checked only for range; the revision guards against a stale tab.</summary>
public sealed record SaveScoreDraftCommand(Guid AssignmentId, IReadOnlyList<CriterionScore> Scores, int Revision) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class SaveScoreDraftCommandValidator : AbstractValidator<SaveScoreDraftCommand>
{
    public SaveScoreDraftCommandValidator()
    {
        RuleFor(c => c.Scores).Must(s => s.Count <= 50).WithErrorCode("Sheet.TooManyCriteria");
        RuleForEach(c => c.Scores).Must(s => s.Justification is null || !ValidationExtensions.HasMarkup(s.Justification)).WithErrorCode("Validation.NoMarkup");
    }
}

public sealed class SaveScoreDraftCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options)
    : ICommandHandler<SaveScoreDraftCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SaveScoreDraftCommand command, CancellationToken cancellationToken)
    {
        var a = await ExpertAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (a is null || a.Status is not (AssignmentStatus.Accepted))
        {
            return Result<int>.NotFound();
        }

        if (a.SheetRevision != command.Revision && a.SheetStatus != SheetStatus.Submitted)
        {
            return Result<int>.Conflict("Rule.SheetChangedElsewhere");
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var policy = options.Value.Policy();
        var problems = ExpertAssignment.Problems(call.Criteria, command.Scores, policy, forSubmission: false);
        if (problems.Count > 0 && a.SheetStatus != SheetStatus.Submitted)
        {
            return Result<int>.Failure(ResultStatus.Invalid, ExpertAccess.Errors(problems));
        }

        a.SaveDraft(call, command.Scores, command.Revision, policy, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? a.SheetRevision : Result<int>.Conflict("Rule.SheetChangedElsewhere");
    }
}

/// <summary>The expert submits the sheet: every criterion scored and justified; afterwards it is sealed.</summary>
public sealed record SubmitScoreSheetCommand(Guid AssignmentId, IReadOnlyList<CriterionScore> Scores) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class SubmitScoreSheetCommandValidator : AbstractValidator<SubmitScoreSheetCommand>
{
    public SubmitScoreSheetCommandValidator()
    {
        RuleFor(c => c.Scores).Must(s => s.Count <= 50).WithErrorCode("Sheet.TooManyCriteria");
        RuleForEach(c => c.Scores).Must(s => s.Justification is null || !ValidationExtensions.HasMarkup(s.Justification)).WithErrorCode("Validation.NoMarkup");
    }
}

public sealed class SubmitScoreSheetCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options)
    : ICommandHandler<SubmitScoreSheetCommand, Result>
{
    public async ValueTask<Result> Handle(SubmitScoreSheetCommand command, CancellationToken cancellationToken)
    {
        var a = await ExpertAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (a is null || a.Status is not (AssignmentStatus.Accepted))
        {
            return Result.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var policy = options.Value.Policy();
        var problems = ExpertAssignment.Problems(call.Criteria, command.Scores, policy, forSubmission: true);
        if (problems.Count > 0 && a.SheetStatus != SheetStatus.Submitted)
        {
            return Result.Failure(ResultStatus.Invalid, ExpertAccess.Errors(problems));
        }

        a.Submit(call, command.Scores, policy, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Rule.SheetSealed");
    }
}

/// <summary>A document of the counted submission, for the expert who declared no conflict on the bid.</summary>
public sealed record GetAssignedBidFileQuery(Guid AssignmentId, Guid FileId) : IQuery<DownloadedFile?>;

public sealed class GetAssignedBidFileQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files) : IQueryHandler<GetAssignedBidFileQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetAssignedBidFileQuery query, CancellationToken cancellationToken)
    {
        var a = await ExpertAccess.FindOwnAsync(db, user, query.AssignmentId, cancellationToken, track: false);
        if (a is null || !a.MayOpenBid)
        {
            return null;
        }

        var count = await db.Bids.AsNoTracking().Where(b => b.Id == a.BidId).Select(b => b.SubmissionCount).SingleAsync(cancellationToken);
        var submission = await db.BidSubmissions.AsNoTracking().SingleAsync(s => s.BidId == a.BidId && s.Version == count, cancellationToken);
        if (submission.Files.All(f => f.FileId != query.FileId))
        {
            return null;
        }

        return await files.ReadAsync(query.FileId, cancellationToken) is { } file
            ? new DownloadedFile(file.Info.FileName, file.Info.ContentType, file.Content)
            : null;
    }
}

internal static class ExpertAccess
{
    /// <summary>The assignment if it belongs to the current expert and has been confirmed; otherwise null (404).</summary>
    public static async Task<ExpertAssignment?> FindOwnAsync(IAppDbContext db, ICurrentUser user, Guid assignmentId, CancellationToken cancellationToken, bool track = true)
    {
        if (user.Id is not { } id || !user.IsInRole(Roles.Expert))
        {
            return null;
        }

        var set = track ? db.ExpertAssignments : db.ExpertAssignments.AsNoTracking();
        return await set.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ExpertId == id && a.Status != AssignmentStatus.Proposed, cancellationToken);
    }

    public static JustificationPolicy Policy(this CallOptions options) => new(options.MinimumJustification, options.JustificationAtExtremes);

    public static IReadOnlyList<Error> Errors(IReadOnlyList<SheetProblem> problems) =>
        problems.Select(p => new Error(p.Code, $"Scores[{p.CriterionIndex}].{p.Field}", p.Arg is null ? null : [p.Arg])).ToList();
}

/// <summary>Reads the canonical JSON of a submission (the bytes its receipt hashes) back into the bid's content.</summary>
public static class SubmittedContent
{
    public static BidContent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? string.Empty : string.Empty;
        decimal D(JsonElement e, string name) => decimal.Parse(S(e, name), CultureInfo.InvariantCulture);
        return new BidContent(
            S(r, "Title"), S(r, "Summary"), S(r, "Problem"), S(r, "TargetGroup"), S(r, "Objectives"),
            [.. r.GetProperty("Activities").EnumerateArray().Select(a => new Activity(S(a, "Name"), a.GetProperty("StartMonth").GetInt32(), a.GetProperty("EndMonth").GetInt32()))],
            S(r, "ExpectedResults"),
            [.. r.GetProperty("Indicators").EnumerateArray().Select(i => new Indicator(S(i, "Name"), S(i, "Baseline"), S(i, "Target")))],
            S(r, "Sustainability"), S(r, "Team"),
            [.. r.GetProperty("Budget").EnumerateArray().Select(b => new BudgetLine(b.GetProperty("Year").GetInt32(), Enum.Parse<BudgetCategory>(S(b, "Category")), S(b, "Description"), D(b, "Amount")))],
            D(r, "RequestedAmount"), D(r, "CoFinancing"));
    }
}

/// <summary>A decline or a declared conflict goes back to the official who assigned the bid; a reopened sheet is told to its expert.</summary>
public sealed class NotifyOfAssignmentChanges(IAppDbContext db, IEmailQueue emails, IPortalLinks links)
    : INotificationHandler<AssignmentReturnedEvent>, INotificationHandler<SheetReopenedEvent>
{
    public async ValueTask Handle(AssignmentReturnedEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var a = db.ExpertAssignments.Local.Single(x => x.Id == notification.AssignmentId);
        var (call, receipt) = await ContextAsync(a, cancellationToken);
        var official = await db.QueryUsers(null).Where(u => u.Id == a.AssignedBy).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (official is null)
        {
            return;
        }

        var why = a.Status == AssignmentStatus.Recused
            ? "Эксперт заявил о конфликте интересов / Сарапшы мүдделер қақтығысын мәлімдеді"
            : "Эксперт отказался от заявки / Сарапшы өтінімнен бас тартты";
        var link = links.EvaluationDashboard(call.Id.Value);
        emails.Enqueue(new EmailMessage(
            official, $"SocialOrder: {why} ({receipt})",
            $"<p>{WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}»")}</p><p>{WebUtility.HtmlEncode(why)}: {WebUtility.HtmlEncode(receipt)}.</p>" +
            $"<p>Назначьте другого эксперта / Басқа сарапшыны тағайындаңыз: <a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
    }

    public async ValueTask Handle(SheetReopenedEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var a = db.ExpertAssignments.Local.Single(x => x.Id == notification.AssignmentId);
        var (call, receipt) = await ContextAsync(a, cancellationToken);
        var expert = await db.ExpertProfiles.AsNoTracking().Where(e => e.UserId == a.ExpertId).Select(e => e.Email).SingleAsync(cancellationToken);
        var link = links.ScoreSheet(a.Id);
        emails.Enqueue(new EmailMessage(
            expert, $"SocialOrder: оценочный лист открыт повторно / бағалау парағы қайта ашылды ({receipt})",
            $"<p>{WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}»")}, {WebUtility.HtmlEncode(receipt)}</p>" +
            $"<p>Причина / Себебі: {WebUtility.HtmlEncode(a.History[^1].Reason)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
    }

    private async Task<(Call Call, string Receipt)> ContextAsync(ExpertAssignment a, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var receipt = await (from b in db.Bids.AsNoTracking()
                             join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                             where b.Id == a.BidId && s.Version == b.SubmissionCount
                             select s.ReceiptNumber).SingleAsync(cancellationToken);
        return (call, receipt);
    }
}
