using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Reports;

public readonly record struct ReportId(Guid Value)
{
    public static ReportId New() => new(Guid.CreateVersion7());
}

public enum ReportStatus
{
    Draft,
    Submitted,
    Accepted,
    Returned,
}

public enum ActivityProgress
{
    NotSet,
    Done,
    Delayed,
    Cancelled,
}

/// <summary>A file uploaded as evidence of an indicator's actual value (participant list, photo, publication).</summary>
public sealed record ReportEvidence(Guid FileId, string FileName, long Size, string Sha256, DateTimeOffset UploadedAt, Guid UploadedBy);

public sealed record ReportActivity(string Name, int StartMonth, int EndMonth, ActivityProgress Progress, string Explanation);

public sealed record ReportIndicator(string Name, string Baseline, string Target, decimal? Actual, string Comment, IReadOnlyList<ReportEvidence> Evidence);

/// <summary>
/// A budget line in the financial report: the agreement's amount, what was planned by the report's date, what earlier
/// accepted reports spent, and what this period spent. Cumulative and variance are computed, never typed.
/// </summary>
public sealed record ReportBudgetLine(int Year, BudgetCategory Category, string Description, decimal Amount, decimal PlannedToDate, decimal SpentBefore, decimal? Spent, string Explanation)
{
    public decimal Cumulative => SpentBefore + (Spent ?? 0m);

    public decimal Variance => Cumulative - PlannedToDate;

    /// <summary>Above the allowed share of what was planned (anything spent against nothing planned counts too).</summary>
    public bool NeedsExplanation(decimal share) => PlannedToDate == 0m ? Cumulative != 0m : Math.Abs(Variance) > share * PlannedToDate;
}

/// <summary>The four sections of a report: activities, indicators, finance and the narrative.</summary>
public sealed record ReportContent(IReadOnlyList<ReportActivity> Activities, IReadOnlyList<ReportIndicator> Indicators, IReadOnlyList<ReportBudgetLine> Budget, string Narrative)
{
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static string Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The bytes whose SHA-256 the receipt carries: fixed order, invariant numbers, evidence by its hash.</summary>
    public string ToCanonicalJson(string agreementNumber, int reportNumber, int version) => JsonSerializer.Serialize(
        new
        {
            Agreement = agreementNumber, Report = reportNumber, Version = version,
            Activities = Activities.Select(a => new { a.Name, a.StartMonth, a.EndMonth, Progress = a.Progress.ToString(), a.Explanation }),
            Indicators = Indicators.Select(i => new { i.Name, i.Baseline, i.Target, Actual = i.Actual?.ToString(CultureInfo.InvariantCulture), i.Comment, Evidence = i.Evidence.Select(e => new { e.FileId, e.FileName, e.Size, e.Sha256 }) }),
            Budget = Budget.Select(b => new
            {
                b.Year, Category = b.Category.ToString(), b.Description, Amount = Money(b.Amount), Planned = Money(b.PlannedToDate), Before = Money(b.SpentBefore),
                Spent = Money(b.Spent), Cumulative = Money(b.Cumulative), Variance = Money(b.Variance), b.Explanation,
            }),
            Narrative,
        },
        Canonical);

    /// <summary>Every problem that keeps this content from being submitted, by section and row.</summary>
    public IReadOnlyList<ReportProblem> Problems(decimal varianceShare)
    {
        var p = new List<ReportProblem>();
        for (var i = 0; i < Activities.Count; i++)
        {
            var a = Activities[i];
            if (a.Progress == ActivityProgress.NotSet)
            {
                p.Add(new("Report.ActivityStatusMissing", $"Activities[{i}].Progress"));
            }
            else if (a.Progress != ActivityProgress.Done && string.IsNullOrWhiteSpace(a.Explanation))
            {
                p.Add(new("Report.ExplanationRequired", $"Activities[{i}].Explanation"));
            }
        }

        for (var i = 0; i < Indicators.Count; i++)
        {
            if (Indicators[i].Actual is null)
            {
                p.Add(new("Report.ActualMissing", $"Indicators[{i}].Actual"));
            }
        }

        for (var i = 0; i < Budget.Count; i++)
        {
            var b = Budget[i];
            if (b.Spent is null)
            {
                p.Add(new("Report.SpentMissing", $"Budget[{i}].Spent"));
            }
            else if (b.NeedsExplanation(varianceShare) && string.IsNullOrWhiteSpace(b.Explanation))
            {
                p.Add(new("Report.VarianceNeedsExplanation", $"Budget[{i}].Explanation", Math.Round(varianceShare * 100m, 1).ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (string.IsNullOrWhiteSpace(Narrative))
        {
            p.Add(new("Report.NarrativeMissing", "Narrative"));
        }

        return p;
    }

    public static string Sha256(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}

/// <summary>What the organization types into the editor: per row by position, as the report's rows are fixed.</summary>
public sealed record ReportEdit(IReadOnlyList<ActivityEdit> Activities, IReadOnlyList<IndicatorEdit> Indicators, IReadOnlyList<BudgetEdit> Budget, string Narrative);

public sealed record ActivityEdit(ActivityProgress Progress, string Explanation);

public sealed record IndicatorEdit(decimal? Actual, string Comment);

public sealed record BudgetEdit(decimal? Spent, string Explanation);

/// <summary>The official's remarks on a returned report, one per section; at least one is written.</summary>
public sealed record ReportRemarks(string? Activities, string? Indicators, string? Finance, string? Narrative)
{
    public bool IsEmpty => new[] { Activities, Indicators, Finance, Narrative }.All(string.IsNullOrWhiteSpace);

    public ReportRemarks Trimmed() => new(T(Activities), T(Indicators), T(Finance), T(Narrative));

    private static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record ReportReview(bool Accepted, ReportRemarks? Remarks, DateTimeOffset At, Guid By);

/// <summary>A submitted, frozen version with its receipt; kept for ever, and reviewed at most once.</summary>
public sealed record ReportVersion(int Number, string ReceiptNumber, DateTimeOffset SubmittedAt, Guid SubmittedBy, ReportContent Content, string Sha256, ReportReview? Review = null);

public sealed record ReportProblem(string Code, string Field, object? Arg = null);

/// <summary>
/// The organization's report at one reporting point of an accepted agreement. The working draft is edited (autosave,
/// revision-checked) until submitted; a submission freezes a numbered version with a receipt; the official accepts it
/// (the tranche waiting for it becomes payable) or returns it with remarks per section, and the corrected draft is
/// submitted again as the next version. Every version is kept.
/// </summary>
public sealed class Report : Entity
{
    public const decimal DefaultVarianceShare = 0.10m;
    public const int MaxEvidencePerIndicator = 20;

    private Report()
    {
        AgreementNumber = string.Empty;
        Content = null!;
    }

    public ReportId Id { get; private set; }

    public AgreementId AgreementId { get; private set; }

    public string AgreementNumber { get; private set; }

    public CallId CallId { get; private set; }

    public StateBodyId StateBodyId { get; private set; }

    public OrganizationId OrganizationId { get; private set; }

    public int Number { get; private set; }

    public ReportKind Kind { get; private set; }

    public int Year { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>The working draft (after a submission, the submitted content until it is edited again).</summary>
    public ReportContent Content { get; private set; }

    public IReadOnlyList<ReportVersion> Versions { get; private set; } = [];

    /// <summary>Increases with every change: the editor's stale-edit check and the concurrency token.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public ReportVersion? LatestVersion => Versions.Count == 0 ? null : Versions[^1];

    public bool IsOpen => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Starts the report of reporting point <paramref name="number"/>: rows copied from the agreement, nothing reported yet.</summary>
    public static Report Start(Agreement agreement, int number, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        CheckReportingAllowed(agreement.Status);
        var point = agreement.Reports.SingleOrDefault(r => r.Number == number);
        CheckRule(new ReportMustBeInTheScheduleRule(point));
        return new Report
        {
            Id = ReportId.New(),
            AgreementId = agreement.Id,
            AgreementNumber = agreement.Number,
            CallId = agreement.CallId,
            StateBodyId = agreement.StateBodyId,
            OrganizationId = agreement.OrganizationId,
            Number = number,
            Kind = point!.Kind,
            Year = point.Year,
            DueOn = point.DueOn,
            Status = ReportStatus.Draft,
            Content = new ReportContent(
                [.. agreement.Activities.Select(a => new ReportActivity(a.Name, a.StartMonth, a.EndMonth, ActivityProgress.NotSet, string.Empty))],
                [.. agreement.Indicators.Select(i => new ReportIndicator(i.Name, i.Baseline, i.Target, null, string.Empty, []))],
                [.. agreement.BudgetLines.Select(b => new ReportBudgetLine(b.Year, b.Category, b.Description, b.Amount, PlannedToDate(agreement.Term, b, point.DueOn), 0m, null, string.Empty))],
                string.Empty),
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = userId,
        };
    }

    /// <summary>
    /// What a budget line planned by a date: nothing before its project year, all of it from the year's last day, and in
    /// between the share of the year's days elapsed.
    /// </summary>
    public static decimal PlannedToDate(AgreementTerm term, AgreementBudgetLine line, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(line);
        var yearStart = term.Start.AddYears(Math.Max(1, line.Year) - 1);
        var yearEnd = term.End < yearStart.AddYears(1).AddDays(-1) ? term.End : yearStart.AddYears(1).AddDays(-1);
        if (on < yearStart)
        {
            return 0m;
        }

        if (on >= yearEnd)
        {
            return line.Amount;
        }

        var share = (decimal)(on.DayNumber - yearStart.DayNumber + 1) / (yearEnd.DayNumber - yearStart.DayNumber + 1);
        return Math.Round(line.Amount * share, 2, MidpointRounding.ToZero);
    }

    /// <summary>Autosave and explicit save of the draft; refused once submitted or accepted, or from a stale revision.</summary>
    public void SaveDraft(AgreementStatus agreementStatus, ReportEdit edit, IReadOnlyList<decimal> spentBefore, int expectedRevision, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(edit);
        CheckReportingAllowed(agreementStatus);
        CheckRule(new ASubmittedReportIsFrozenRule(Status));
        CheckRule(new ReportRevisionMustBeCurrentRule(Revision, expectedRevision));
        var content = new ReportContent(
            [.. Content.Activities.Select((a, i) => i < edit.Activities.Count ? a with { Progress = edit.Activities[i].Progress, Explanation = T(edit.Activities[i].Explanation) } : a)],
            [.. Content.Indicators.Select((x, i) => i < edit.Indicators.Count ? x with { Actual = edit.Indicators[i].Actual, Comment = T(edit.Indicators[i].Comment) } : x)],
            [.. Content.Budget.Select((b, i) => (i < edit.Budget.Count ? b with { Spent = edit.Budget[i].Spent, Explanation = T(edit.Budget[i].Explanation) } : b) with { SpentBefore = At(spentBefore, i) })],
            T(edit.Narrative));
        if (content.ToCanonicalJson(AgreementNumber, Number, 0) == Content.ToCanonicalJson(AgreementNumber, Number, 0))
        {
            return;
        }

        Content = content;
        Touch(userId, now);
    }

    /// <summary>Refuses, before any file is stored, what <see cref="AttachEvidence"/> would refuse.</summary>
    public void CheckCanAttachEvidence(AgreementStatus agreementStatus, int indicatorIndex)
    {
        CheckReportingAllowed(agreementStatus);
        CheckRule(new ASubmittedReportIsFrozenRule(Status));
        CheckRule(new IndicatorMustExistRule(indicatorIndex, Content.Indicators.Count));
        CheckRule(new EvidenceLimitRule(Content.Indicators[indicatorIndex].Evidence.Count));
    }

    public void AttachEvidence(AgreementStatus agreementStatus, int indicatorIndex, ReportEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        CheckCanAttachEvidence(agreementStatus, indicatorIndex);
        Content = Content with
        {
            Indicators = [.. Content.Indicators.Select((x, i) => i == indicatorIndex ? x with { Evidence = [.. x.Evidence, evidence] } : x)],
        };
        Touch(evidence.UploadedBy, evidence.UploadedAt);
    }

    public void RemoveEvidence(AgreementStatus agreementStatus, int indicatorIndex, Guid fileId, Guid userId, DateTimeOffset now)
    {
        CheckReportingAllowed(agreementStatus);
        CheckRule(new ASubmittedReportIsFrozenRule(Status));
        CheckRule(new IndicatorMustExistRule(indicatorIndex, Content.Indicators.Count));
        if (Content.Indicators[indicatorIndex].Evidence.All(e => e.FileId != fileId))
        {
            return;
        }

        Content = Content with
        {
            Indicators = [.. Content.Indicators.Select((x, i) => i == indicatorIndex ? x with { Evidence = [.. x.Evidence.Where(e => e.FileId != fileId)] } : x)],
        };
        Touch(userId, now);
    }

    /// <summary>Every problem that keeps the draft from being submitted, by section and row.</summary>
    public IReadOnlyList<ReportProblem> SubmissionProblems(decimal varianceShare) => Content.Problems(varianceShare);

    /// <summary>Freezes the draft as the next version with a receipt; the report then waits for the official.</summary>
    public ReportVersion Submit(AgreementStatus agreementStatus, IReadOnlyList<decimal> spentBefore, decimal varianceShare, int expectedRevision, string receiptNumber, Guid userId, DateTimeOffset now)
    {
        CheckReportingAllowed(agreementStatus);
        CheckRule(new ASubmittedReportIsFrozenRule(Status));
        CheckRule(new ReportRevisionMustBeCurrentRule(Revision, expectedRevision));
        Content = Content with { Budget = [.. Content.Budget.Select((b, i) => b with { SpentBefore = At(spentBefore, i) })] };
        CheckRule(new ReportMustBeCompleteRule(SubmissionProblems(varianceShare)));

        // PostgreSQL keeps microseconds: the receipt's time is the one read back.
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var number = Versions.Count + 1;
        var version = new ReportVersion(number, receiptNumber, at, userId, Content, ReportContent.Sha256(Content.ToCanonicalJson(AgreementNumber, Number, number)));
        Versions = [.. Versions, version];
        Status = ReportStatus.Submitted;
        SubmittedAt = at;
        Touch(userId, now);
        AddDomainEvent(new ReportSubmittedEvent(Id, number));
        return version;
    }

    /// <summary>The official accepts the submitted version; the agreement's tranche waiting for this report becomes payable.</summary>
    public void Accept(Agreement agreement, Guid officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Id != AgreementId)
        {
            throw new ArgumentException("The report belongs to another agreement.", nameof(agreement));
        }

        CheckRule(new NothingHappensOnATerminatedAgreementRule(agreement.Status));
        CheckRule(new OnlyASubmittedReportIsReviewedRule(Status));
        agreement.MarkReportAccepted(Number, now, officialId);
        Review(new ReportReview(true, null, now, officialId));
        Status = ReportStatus.Accepted;
        Touch(officialId, now);
        AddDomainEvent(new ReportAcceptedEvent(Id));
    }

    /// <summary>The official returns the submitted version with remarks per section; the organization corrects and submits again.</summary>
    public void Return(AgreementStatus agreementStatus, ReportRemarks remarks, Guid officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(remarks);
        CheckRule(new NothingHappensOnATerminatedAgreementRule(agreementStatus));
        CheckRule(new OnlyASubmittedReportIsReviewedRule(Status));
        CheckRule(new ReturnNeedsRemarksRule(remarks));
        Review(new ReportReview(false, remarks.Trimmed(), now, officialId));
        Status = ReportStatus.Returned;
        Touch(officialId, now);
        AddDomainEvent(new ReportReturnedEvent(Id));
    }

    private static void CheckReportingAllowed(AgreementStatus status)
    {
        CheckRule(new NothingHappensOnATerminatedAgreementRule(status));
        CheckRule(new ReportsAreAcceptedOnAnAcceptedAgreementRule(status));
    }

    private void Review(ReportReview review) => Versions = [.. Versions.Select((v, i) => i == Versions.Count - 1 ? v with { Review = review } : v)];

    private void Touch(Guid userId, DateTimeOffset now)
    {
        Revision++;
        UpdatedAt = now;
        UpdatedBy = userId;
    }

    private static decimal At(IReadOnlyList<decimal> values, int i) => i < values.Count ? values[i] : 0m;

    private static string T(string? s) => (s ?? string.Empty).Trim();
}

public sealed record ReportSubmittedEvent(ReportId ReportId, int Version) : IDomainEvent;

public sealed record ReportAcceptedEvent(ReportId ReportId) : IDomainEvent;

public sealed record ReportReturnedEvent(ReportId ReportId) : IDomainEvent;
