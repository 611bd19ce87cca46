using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Domain.Bids;

public readonly record struct BidId(Guid Value)
{
    public static BidId New() => new(Guid.CreateVersion7());
}

public enum BidStatus
{
    Draft,
    Submitted,
    Withdrawn,
}

public enum BudgetCategory
{
    Staff,
    Services,
    Materials,
    Travel,
    Other,
}

public sealed record Activity(string Name, int StartMonth, int EndMonth);

public sealed record Indicator(string Name, string Baseline, string Target);

public sealed record BudgetLine(int Year, BudgetCategory Category, string Description, decimal Amount);

/// <summary>What an NGO writes: the sections map to the call's methodology; amounts in KZT.</summary>
public sealed record BidContent(
    string Title,
    string Summary,
    string Problem,
    string TargetGroup,
    string Objectives,
    IReadOnlyList<Activity> Activities,
    string ExpectedResults,
    IReadOnlyList<Indicator> Indicators,
    string Sustainability,
    string Team,
    IReadOnlyList<BudgetLine> Budget,
    decimal RequestedAmount,
    decimal CoFinancing)
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static BidContent Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, [], string.Empty, [], string.Empty, string.Empty, [], 0m, 0m);

    public decimal BudgetTotal => Budget.Sum(b => b.Amount);

    /// <summary>
    /// What the bid asks of the state in each project year: the budget lines cover the requested amount and the
    /// co-financing together without saying which tenge is whose, so co-financing is taken off every year in proportion
    /// to the year's total. The years add up to the requested amount exactly (the last year takes the rounding).
    /// </summary>
    public IReadOnlyDictionary<int, decimal> RequestedPerYear()
    {
        var years = Budget.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(g => (Year: g.Key, Total: g.Sum(l => l.Amount))).ToList();
        var total = years.Sum(y => y.Total);
        var perYear = new Dictionary<int, decimal>();
        if (total <= 0)
        {
            return perYear;
        }

        var assigned = 0m;
        for (var i = 0; i < years.Count; i++)
        {
            var share = i == years.Count - 1
                ? RequestedAmount - assigned
                : Math.Round(years[i].Total * RequestedAmount / total, 2, MidpointRounding.ToZero);
            perYear[years[i].Year] = share;
            assigned += share;
        }

        return perYear;
    }

    /// <summary>The bytes whose SHA-256 the receipt carries: fixed property order, invariant numbers, no whitespace.</summary>
    public string ToCanonicalJson(IReadOnlyList<BidAttachment>? files = null) => JsonSerializer.Serialize(
        new
        {
            Title, Summary, Problem, TargetGroup, Objectives,
            Activities = Activities.Select(a => new { a.Name, a.StartMonth, a.EndMonth }),
            ExpectedResults,
            Indicators = Indicators.Select(i => new { i.Name, i.Baseline, i.Target }),
            Sustainability, Team,
            Budget = Budget.Select(b => new { b.Year, Category = b.Category.ToString(), b.Description, Amount = b.Amount.ToString("0.00", CultureInfo.InvariantCulture) }),
            RequestedAmount = RequestedAmount.ToString("0.00", CultureInfo.InvariantCulture),
            CoFinancing = CoFinancing.ToString("0.00", CultureInfo.InvariantCulture),
            Files = (files ?? []).OrderBy(f => f.DocumentIndex).Select(f => new { f.DocumentIndex, f.FileId, f.FileName, f.Size, f.Sha256 }),
        },
        Canonical);

    public static string Sha256(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}

public sealed record SubmissionProblem(string Code, string? Field = null, object? Arg = null);

/// <summary>An official's administrative check of a submitted bid; the reason is shown to the applicant.</summary>
public sealed record EligibilityDecision(bool Eligible, string? Reason, DateTimeOffset At, Guid By);

/// <summary>An official's recorded decision to rank a divergent bid as it stands, with the reason.</summary>
public sealed record ReconciliationDecision(string Reason, DateTimeOffset At, Guid By);

/// <summary>An uploaded document answering one of the call's required documents (by its position in the list).</summary>
public sealed record BidAttachment(int DocumentIndex, Guid FileId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, Guid UploadedBy);

/// <summary>One organization's bid to one call: a working draft plus the frozen versions it submitted.</summary>
public sealed class Bid : Entity
{
    private Bid()
    {
        Content = BidContent.Empty;
    }

    public BidId Id { get; private set; }

    public CallId CallId { get; private set; }

    public OrganizationId OrganizationId { get; private set; }

    public BidStatus Status { get; private set; }

    public BidContent Content { get; private set; }

    public IReadOnlyList<BidAttachment> Attachments { get; private set; } = [];

    /// <summary>Null until an official of the call's body has checked the submitted bid after the deadline.</summary>
    public EligibilityDecision? Eligibility { get; private set; }

    /// <summary>Set when an official settles a divergent evaluation by a reconciliation decision instead of a further expert.</summary>
    public ReconciliationDecision? Reconciliation { get; private set; }

    /// <summary>Set when the commission's decision is locked: Awarded, Reserve or Not awarded (null before the results).</summary>
    public Evaluation.AwardOutcome? Outcome { get; private set; }

    /// <summary>The amount awarded by the locked decision (0 unless Awarded).</summary>
    public decimal? AwardedAmount { get; private set; }

    /// <summary>Increases with every saved change; a save naming an older revision is a concurrent edit.</summary>
    public int Revision { get; private set; }

    /// <summary>The revision last submitted (0: never).</summary>
    public int SubmittedRevision { get; private set; }

    public int SubmissionCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public DateTimeOffset? LastSubmittedAt { get; private set; }

    public bool HasUnsubmittedChanges => Revision > SubmittedRevision;

    public static Bid Start(Call call, OrganizationId organizationId, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
        return new Bid
        {
            Id = BidId.New(),
            CallId = call.Id,
            OrganizationId = organizationId,
            Status = BidStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = userId,
            Revision = 1,
        };
    }

    public void SaveDraft(Call call, BidContent content, int expectedRevision, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(content);
        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
        CheckRule(new BidRevisionMustBeCurrentRule(Revision, expectedRevision));
        if (content == Content || ContentEquals(content))
        {
            return;
        }

        Content = content;
        Revision++;
        UpdatedAt = now;
        UpdatedBy = userId;
        if (Status == BidStatus.Withdrawn)
        {
            // A withdrawal stands: the edited bid is a draft again and takes part only if it is submitted again.
            Status = BidStatus.Draft;
        }
    }

    /// <summary>Refuses, as every change does, once the submission window has closed.</summary>
    public void CheckCanChange(Call call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Id != CallId)
        {
            throw new ArgumentException("The bid belongs to another call.", nameof(call));
        }

        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
    }

    /// <summary>Puts a file against a required document, replacing the one there; a new revision of the draft.</summary>
    public void Attach(Call call, BidAttachment attachment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(attachment);
        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
        Attachments = [.. Attachments.Where(a => a.DocumentIndex != attachment.DocumentIndex), attachment];
        Revision++;
        UpdatedAt = now;
        UpdatedBy = attachment.UploadedBy;
    }

    public void Detach(Call call, int documentIndex, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
        if (Attachments.All(a => a.DocumentIndex != documentIndex))
        {
            return;
        }

        Attachments = [.. Attachments.Where(a => a.DocumentIndex != documentIndex)];
        Revision++;
        UpdatedAt = now;
        UpdatedBy = userId;
    }

    public IReadOnlyList<SubmissionProblem> SubmissionProblems(Call call) => SubmissionProblems(call, []);

    /// <summary>What stops this draft from being submitted, including the call standard's quality indicators it does not include (ADR 26).</summary>
    public IReadOnlyList<SubmissionProblem> SubmissionProblems(Call call, IReadOnlyList<Standards.QualityIndicator> requiredIndicators)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(requiredIndicators);
        var p = new List<SubmissionProblem>();
        for (var i = 0; i < call.RequiredDocuments.Count; i++)
        {
            if (call.RequiredDocuments[i].IsMandatory && Attachments.All(a => a.DocumentIndex != i))
            {
                p.Add(new("Bid.DocumentMissing", "Documents", call.RequiredDocuments[i].Name.Ru));
            }
        }

        var c = Content;
        Require(p, c.Title, "Title");
        Require(p, c.Summary, "Summary");
        Require(p, c.Problem, "Problem");
        Require(p, c.TargetGroup, "TargetGroup");
        Require(p, c.Objectives, "Objectives");
        Require(p, c.ExpectedResults, "ExpectedResults");
        Require(p, c.Sustainability, "Sustainability");
        Require(p, c.Team, "Team");
        if (c.Activities.Count == 0)
        {
            p.Add(new("Bid.NoActivities", "Activities"));
        }

        if (c.Indicators.Count == 0)
        {
            p.Add(new("Bid.NoIndicators", "Indicators"));
        }

        foreach (var missing in Standards.IndicatorMatching.Missing(requiredIndicators, c.Indicators.Select(i => i.Name)))
        {
            p.Add(new("Bid.StandardIndicatorMissing", "Indicators", $"{missing.Code} {missing.Name.Ru}"));
        }

        if (c.Activities.Any(a => a.StartMonth < 1 || a.EndMonth < a.StartMonth || a.EndMonth > call.DurationMonths))
        {
            p.Add(new("Bid.ActivityOutsideDuration", "Activities", call.DurationMonths));
        }

        if (c.RequestedAmount <= 0)
        {
            p.Add(new("Bid.RequestedNotPositive", "RequestedAmount"));
        }
        else if (c.RequestedAmount > call.MaxPerProject)
        {
            p.Add(new("Bid.RequestedAboveMaximum", "RequestedAmount", Money.Kzt(call.MaxPerProject).ToString()));
        }

        var years = CallTerms.Years(call.DurationMonths);
        if (c.Budget.Count == 0)
        {
            p.Add(new("Bid.NoBudget", "Budget"));
        }
        else if (c.Budget.Any(b => b.Year < 1 || b.Year > years))
        {
            p.Add(new("Bid.BudgetYearsMismatch", "Budget", years));
        }

        if (c.Budget.Count > 0 && c.BudgetTotal != c.RequestedAmount + c.CoFinancing)
        {
            p.Add(new("Bid.BudgetDoesNotAddUp", "Budget"));
        }

        return p;
    }

    /// <summary>
    /// Freezes the current content as a new version. <paramref name="now"/> is the one reading of the clock taken
    /// inside the recording transaction; it decides the deadline and is the receipt time.
    /// </summary>
    public BidSubmission Submit(Call call, string receiptNumber, Guid idempotencyKey, Guid userId, DateTimeOffset now) =>
        Submit(call, [], receiptNumber, idempotencyKey, userId, now);

    public BidSubmission Submit(Call call, IReadOnlyList<Standards.QualityIndicator> requiredIndicators, string receiptNumber, Guid idempotencyKey, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
        CheckRule(new CallMustBeOpenToSubmitRule(call, now));
        CheckRule(new BidMustBeCompleteToSubmitRule(SubmissionProblems(call, requiredIndicators)));
        SubmissionCount++;
        SubmittedRevision = Revision;
        LastSubmittedAt = now;
        Status = BidStatus.Submitted;
        var canonical = Content.ToCanonicalJson(Attachments);
        return new BidSubmission(Id, SubmissionCount, receiptNumber, idempotencyKey, userId, now, canonical, BidContent.Sha256(canonical), Content.RequestedAmount, Attachments);
    }

    /// <summary>After the deadline, an official marks the counted version eligible, or ineligible with a reason.</summary>
    public void CheckEligibility(Call call, bool eligible, string? reason, Guid officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckRule(new EligibilityIsCheckedAfterTheDeadlineRule(call, now));
        CheckRule(new OnlySubmittedBidsAreCheckedRule(Status));
        CheckRule(new IneligibilityNeedsAReasonRule(eligible, reason));
        Eligibility = new EligibilityDecision(eligible, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now, officialId);
    }

    /// <summary>The locked decision's outcome for this bid; recorded once, as the decision never changes.</summary>
    public void RecordOutcome(Evaluation.AwardOutcome outcome, decimal amount)
    {
        CheckRule(new OnlySubmittedBidsAreCheckedRule(Status));
        CheckRule(new OutcomeIsRecordedOnceRule(Outcome is not null));
        Outcome = outcome;
        AwardedAmount = outcome == Evaluation.AwardOutcome.Awarded ? amount : 0m;
    }

    /// <summary>The commission's decision was reopened (an upheld complaint): the outcome is recorded again when it is re-locked.</summary>
    public void ClearOutcomeOfReopenedDecision()
    {
        Outcome = null;
        AwardedAmount = 0m;
    }

    public void Reconcile(string reason, Guid officialId, DateTimeOffset now)
    {
        CheckRule(new Evaluation.ReconciliationNeedsAReasonRule(reason));
        CheckRule(new Evaluation.ReconciledOnceRule(Reconciliation is not null));
        Reconciliation = new ReconciliationDecision(reason.Trim(), now, officialId);
    }

    public void Withdraw(Call call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckRule(new BidCanChangeOnlyBeforeDeadlineRule(call, now));
        Status = BidStatus.Withdrawn;
        UpdatedAt = now;
    }

    private bool ContentEquals(BidContent other) => other.ToCanonicalJson() == Content.ToCanonicalJson();

    private static void Require(List<SubmissionProblem> problems, string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new("Bid.SectionMissing", field));
        }
    }
}

/// <summary>A frozen, receipted version of a bid. Never changed once written.</summary>
public sealed class BidSubmission
{
    private BidSubmission()
    {
        ReceiptNumber = ContentJson = ContentSha256 = string.Empty;
    }

    internal BidSubmission(BidId bidId, int version, string receiptNumber, Guid idempotencyKey, Guid submittedBy, DateTimeOffset submittedAt, string contentJson, string sha256, decimal requestedAmount, IReadOnlyList<BidAttachment> files)
    {
        Files = [.. files];
        Id = Guid.CreateVersion7();
        BidId = bidId;
        Version = version;
        ReceiptNumber = receiptNumber;
        IdempotencyKey = idempotencyKey;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        ContentJson = contentJson;
        ContentSha256 = sha256;
        RequestedAmount = requestedAmount;
    }

    public Guid Id { get; private set; }

    public BidId BidId { get; private set; }

    public int Version { get; private set; }

    public string ReceiptNumber { get; private set; }

    public Guid IdempotencyKey { get; private set; }

    public Guid SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string ContentJson { get; private set; }

    public string ContentSha256 { get; private set; }

    public decimal RequestedAmount { get; private set; }

    /// <summary>The files as they were at submission (stored files never change; a new upload is a new file).</summary>
    public IReadOnlyList<BidAttachment> Files { get; private set; } = [];
}

public sealed class BidCanChangeOnlyBeforeDeadlineRule(Call call, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => call.PhaseAt(now) is not (CallPhase.Upcoming or CallPhase.Open);

    public string MessageKey => "Rule.BidReadOnlyAfterDeadline";
}

public sealed class CallMustBeOpenToSubmitRule(Call call, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => !call.AcceptsSubmissionsAt(now);

    public string MessageKey => "Rule.SubmissionsNotOpen";
}

public sealed class BidRevisionMustBeCurrentRule(int current, int expected) : IBusinessRule
{
    public bool IsBroken() => current != expected;

    public string MessageKey => "Rule.BidChangedByColleague";
}

public sealed class BidMustBeCompleteToSubmitRule(IReadOnlyList<SubmissionProblem> problems) : IBusinessRule
{
    public IReadOnlyList<SubmissionProblem> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => "Rule.BidIncomplete";
}

public sealed class EligibilityIsCheckedAfterTheDeadlineRule(Call call, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => call.PhaseAt(now) != CallPhase.Closed;

    public string MessageKey => "Rule.EligibilityAfterDeadline";
}

public sealed class OnlySubmittedBidsAreCheckedRule(BidStatus status) : IBusinessRule
{
    public bool IsBroken() => status != BidStatus.Submitted;

    public string MessageKey => "Rule.EligibilityOnlySubmitted";
}

public sealed class IneligibilityNeedsAReasonRule(bool eligible, string? reason) : IBusinessRule
{
    public bool IsBroken() => !eligible && (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10);

    public string MessageKey => "Rule.IneligibilityNeedsReason";
}

public sealed class OutcomeIsRecordedOnceRule(bool recorded) : IBusinessRule
{
    public bool IsBroken() => recorded;

    public string MessageKey => "Rule.DecisionLocked";
}
