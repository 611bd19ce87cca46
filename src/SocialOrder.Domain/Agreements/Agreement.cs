using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Agreements;

/// <summary>
/// The agreement for one funded bid, drafted from the locked award decision: the parties, the term, the amount per
/// project year, the payment schedule (tranches released by acceptance or by an accepted report) and the reporting
/// schedule. The official edits the schedules while it is a draft and issues it; the organization accepts it; payments
/// are recorded against tranches whose condition holds; termination cancels what is unpaid.
/// </summary>
public sealed class Agreement : Entity
{
    public const decimal AdvanceShare = 0.3m;
    public const decimal InterimShare = 0.4m;

    private Agreement()
    {
        Number = string.Empty;
        ProjectTitle = string.Empty;
        Parties = null!;
        Term = null!;
    }

    public AgreementId Id { get; private set; }

    public string Number { get; private set; }

    public CallId CallId { get; private set; }

    public BidId BidId { get; private set; }

    public Guid DecisionId { get; private set; }

    public StateBodyId StateBodyId { get; private set; }

    public OrganizationId OrganizationId { get; private set; }

    public AgreementStatus Status { get; private set; }

    public AgreementParties Parties { get; private set; }

    public string ProjectTitle { get; private set; }

    public AgreementTerm Term { get; private set; }

    public IReadOnlyList<YearAmount> YearAmounts { get; private set; } = [];

    public decimal TotalAmount { get; private set; }

    public IReadOnlyList<Tranche> Tranches { get; private set; } = [];

    public IReadOnlyList<ReportingPoint> Reports { get; private set; } = [];

    public IReadOnlyList<AgreementActivity> Activities { get; private set; } = [];

    public IReadOnlyList<AgreementIndicator> Indicators { get; private set; } = [];

    /// <summary>The bid's budget lines (year, category, description, amount): what the financial reports account against.</summary>
    public IReadOnlyList<AgreementBudgetLine> BudgetLines { get; private set; } = [];

    /// <summary>Paid so far: kept as a column so the portfolio sums it in SQL.</summary>
    public decimal PaidAmount { get; private set; }

    /// <summary>Earliest planned date of a tranche whose condition holds and that is not paid; the portfolio's "tranche payable".</summary>
    public DateOnly? PayableSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public Guid? IssuedBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? TerminatedAt { get; private set; }

    public Guid? TerminatedBy { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>SHA-256 of the issued agreement's canonical data: printed on its PDF, fixed when issued.</summary>
    public string? Sha256 { get; private set; }

    public Guid? PdfKkFileId { get; private set; }

    public Guid? PdfRuFileId { get; private set; }

    public string? PdfKkSha256 { get; private set; }

    public string? PdfRuSha256 { get; private set; }

    /// <summary>Increases with every change: a concurrency token, so two posts of one payment cannot both be saved.</summary>
    public int Version { get; private set; }

    public bool IsPayable(Tranche tranche)
    {
        ArgumentNullException.ThrowIfNull(tranche);
        return Status is AgreementStatus.Accepted && tranche.Status == TrancheStatus.Planned && ConditionHolds(tranche);
    }

    public decimal PaidInYear(int year) => Tranches.Where(t => t.Year == year && t.Payment is not null).Sum(t => t.Payment!.Amount);

    /// <summary>
    /// Drafts the agreement of a funded bid from a locked decision: the commission's amount, split over the project years
    /// as the decision split it (in the request's proportions), with a default reporting and payment schedule.
    /// </summary>
    public static Agreement Draft(
        AwardDecision decision, BidId bidId, OrganizationId organizationId, BidContent bid, StateBodyId stateBodyId, AgreementParties parties,
        string number, DateOnly start, int months, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(bid);
        ArgumentNullException.ThrowIfNull(parties);
        CheckRule(new AgreementNeedsALockedDecisionRule(decision.Status));
        var line = decision.Lines.SingleOrDefault(l => l.BidId == bidId);
        CheckRule(new AgreementOnlyForAFundedBidRule(line));
        var term = AgreementTerm.Starting(start, Math.Max(1, months));
        var years = SplitPerYear(line!.Amount, line.Requested, line.RequestedPerYear, CallTerms.Years(term.Months));
        var agreement = new Agreement
        {
            Id = AgreementId.New(),
            Number = number,
            CallId = decision.CallId,
            BidId = bidId,
            DecisionId = decision.Id,
            StateBodyId = stateBodyId,
            OrganizationId = organizationId,
            Status = AgreementStatus.Draft,
            Parties = parties,
            ProjectTitle = bid.Title,
            Term = term,
            YearAmounts = years,
            TotalAmount = line.Amount,
            Activities = [.. bid.Activities.Select(a => new AgreementActivity(a.Name, a.StartMonth, a.EndMonth))],
            Indicators = [.. bid.Indicators.Select(i => new AgreementIndicator(i.Name, i.Baseline, i.Target))],
            BudgetLines = [.. bid.Budget.Select(b => new AgreementBudgetLine(b.Year, b.Category, b.Description, b.Amount))],
            CreatedAt = now,
        };
        var (reports, tranches) = DefaultSchedules(term, years);
        agreement.Reports = reports;
        agreement.Tranches = tranches;
        return agreement;
    }

    /// <summary>The decision's amount per project year: the request's years scaled to the awarded amount, the last year taking the rounding.</summary>
    public static IReadOnlyList<YearAmount> SplitPerYear(decimal amount, decimal requested, IReadOnlyDictionary<int, decimal> requestedPerYear, int termYears)
    {
        ArgumentNullException.ThrowIfNull(requestedPerYear);
        var requestYears = requestedPerYear.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        if (requestYears.Count == 0 || requested <= 0)
        {
            requestYears = [.. Enumerable.Repeat(1m, Math.Max(1, termYears))];
            requested = requestYears.Count;
        }

        var result = new List<YearAmount>();
        var assigned = 0m;
        for (var i = 0; i < requestYears.Count; i++)
        {
            var share = i == requestYears.Count - 1 ? amount - assigned : Math.Round(requestYears[i] * amount / requested, 2, MidpointRounding.ToZero);
            result.Add(new YearAmount(i + 1, share));
            assigned += share;
        }

        return result;
    }

    /// <summary>
    /// Per project year an interim report halfway and an annual report at its end (the final report for the last year);
    /// per year an advance (30 %, on acceptance for year 1, after the previous annual report later), an interim tranche
    /// (40 %, after the interim report) and a final one (the rest, after the annual or final report).
    /// </summary>
    public static (IReadOnlyList<ReportingPoint> Reports, IReadOnlyList<Tranche> Tranches) DefaultSchedules(AgreementTerm term, IReadOnlyList<YearAmount> years)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(years);
        var reports = new List<ReportingPoint>();
        var tranches = new List<Tranche>();
        int? previousAnnual = null;
        foreach (var year in years)
        {
            var yearStart = term.Start.AddYears(year.Year - 1);
            var yearEnd = Min(term.End, yearStart.AddYears(1).AddDays(-1));
            var midMonths = Math.Max(1, ((yearEnd.Year - yearStart.Year) * 12 + yearEnd.Month - yearStart.Month + 1) / 2);
            var interimDue = Min(yearEnd, yearStart.AddMonths(midMonths).AddDays(-1));
            var last = year.Year == years.Count;
            var interim = new ReportingPoint(reports.Count + 1, ReportKind.Interim, year.Year, interimDue);
            reports.Add(interim);
            var closing = new ReportingPoint(reports.Count + 1, last ? ReportKind.Final : ReportKind.Annual, year.Year, yearEnd);
            reports.Add(closing);

            var advance = Math.Round(year.Amount * AdvanceShare, 2, MidpointRounding.ToZero);
            var middle = Math.Round(year.Amount * InterimShare, 2, MidpointRounding.ToZero);
            tranches.Add(new Tranche(tranches.Count + 1, TrancheKind.Advance, year.Year, yearStart, advance, previousAnnual));
            tranches.Add(new Tranche(tranches.Count + 1, TrancheKind.Interim, year.Year, Min(yearEnd, interimDue.AddDays(15)), middle, interim.Number));
            tranches.Add(new Tranche(tranches.Count + 1, TrancheKind.Final, year.Year, closing.DueOn, year.Amount - advance - middle, closing.Number));
            previousAnnual = closing.Number;
        }

        return (reports, tranches);
    }

    /// <summary>Every problem of an edited schedule, by row and field; empty when it can be saved.</summary>
    public IReadOnlyList<ScheduleProblem> ScheduleProblems(IReadOnlyList<TranchePlan> tranches, IReadOnlyList<ReportPlan> reports)
    {
        ArgumentNullException.ThrowIfNull(tranches);
        ArgumentNullException.ThrowIfNull(reports);
        var p = new List<ScheduleProblem>();
        var yearCount = YearAmounts.Count;
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (r.Year < 1 || r.Year > yearCount)
            {
                p.Add(new ScheduleProblem("Agreement.YearOutsideTerm", $"Reports[{i}].Year", yearCount));
            }

            if (!Term.Contains(r.DueOn))
            {
                p.Add(new ScheduleProblem("Agreement.DateOutsideTerm", $"Reports[{i}].DueOn"));
            }
        }

        if (reports.Count(r => r.Kind == ReportKind.Final) != 1)
        {
            p.Add(new ScheduleProblem("Agreement.OneFinalReport", "Reports"));
        }

        for (var i = 0; i < tranches.Count; i++)
        {
            var t = tranches[i];
            if (t.Year < 1 || t.Year > yearCount)
            {
                p.Add(new ScheduleProblem("Agreement.YearOutsideTerm", $"Tranches[{i}].Year", yearCount));
            }

            if (!Term.Contains(t.PlannedOn))
            {
                p.Add(new ScheduleProblem("Agreement.DateOutsideTerm", $"Tranches[{i}].PlannedOn"));
            }

            if (t.Amount <= 0)
            {
                p.Add(new ScheduleProblem("Agreement.TrancheAmountPositive", $"Tranches[{i}].Amount"));
            }

            if (t.AfterReport is { } n && (n < 1 || n > reports.Count))
            {
                p.Add(new ScheduleProblem("Agreement.UnknownReport", $"Tranches[{i}].AfterReport", reports.Count));
            }

            if (t.AfterReport is null && t.Kind != TrancheKind.Advance)
            {
                p.Add(new ScheduleProblem("Agreement.TrancheNeedsReport", $"Tranches[{i}].AfterReport"));
            }
        }

        foreach (var year in YearAmounts)
        {
            var sum = tranches.Where(t => t.Year == year.Year).Sum(t => t.Amount);
            if (sum != year.Amount)
            {
                p.Add(new ScheduleProblem(sum > year.Amount ? "Agreement.TranchesAboveYear" : "Agreement.TranchesBelowYear", "Tranches", year.Year));
            }
        }

        return p;
    }

    /// <summary>Replaces both schedules; only a draft changes, and only into a schedule with no problems.</summary>
    public void EditSchedules(IReadOnlyList<TranchePlan> tranches, IReadOnlyList<ReportPlan> reports)
    {
        ArgumentNullException.ThrowIfNull(tranches);
        ArgumentNullException.ThrowIfNull(reports);
        CheckRule(new SchedulesChangeOnlyInDraftRule(Status));
        CheckRule(new ScheduleMustBeValidRule(ScheduleProblems(tranches, reports)));
        Reports = [.. reports.Select((r, i) => new ReportingPoint(i + 1, r.Kind, r.Year, r.DueOn))];
        Tranches = [.. tranches.Select((t, i) => new Tranche(i + 1, t.Kind, t.Year, t.PlannedOn, t.Amount, t.AfterReport))];
        Version++;
    }

    /// <summary>The official issues the draft to the organization; the decision must still be locked and fund this bid.</summary>
    public void Issue(AwardDecision decision, Guid officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        CheckRule(new OnlyADraftIsIssuedRule(Status));
        CheckRule(new AgreementNeedsALockedDecisionRule(decision.Status));
        CheckRule(new AgreementOnlyForAFundedBidRule(decision.Lines.SingleOrDefault(l => l.BidId == BidId)));
        CheckRule(new ScheduleMustBeValidRule(ScheduleProblems(
            [.. Tranches.Select(t => new TranchePlan(t.Kind, t.Year, t.PlannedOn, t.Amount, t.AfterReport))],
            [.. Reports.Select(r => new ReportPlan(r.Kind, r.Year, r.DueOn))])));
        Status = AgreementStatus.Issued;

        // PostgreSQL keeps microseconds: the hashed time is the one that will be read back.
        IssuedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        IssuedBy = officialId;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson())));
        Version++;
        AddDomainEvent(new AgreementIssuedEvent(Id));
    }

    public void AttachPdfs(Guid kkFileId, string kkSha256, Guid ruFileId, string ruSha256)
    {
        PdfKkFileId = kkFileId;
        PdfKkSha256 = kkSha256;
        PdfRuFileId = ruFileId;
        PdfRuSha256 = ruSha256;
    }

    /// <summary>The organization's administrator accepts the issued agreement; the advance becomes payable.</summary>
    public void Accept(Guid userId, bool isOrganizationAdministrator, DateTimeOffset now)
    {
        CheckRule(new OnlyTheOrganizationAdministratorAcceptsRule(isOrganizationAdministrator));
        CheckRule(new OnlyAnIssuedAgreementIsAcceptedRule(Status));
        Status = AgreementStatus.Accepted;
        AcceptedAt = now;
        AcceptedBy = userId;
        Refresh();
        Version++;
    }

    /// <summary>
    /// The reports feature calls this when the official accepts report N: the tranches that wait for it become payable,
    /// and the agreement is completed once the final report is accepted and everything is paid.
    /// </summary>
    public void MarkReportAccepted(int reportNumber, DateTimeOffset at, Guid by)
    {
        CheckRule(new NothingHappensOnATerminatedAgreementRule(Status));
        CheckRule(new ReportsAreAcceptedOnAnAcceptedAgreementRule(Status));
        var report = Reports.SingleOrDefault(r => r.Number == reportNumber);
        CheckRule(new ReportMustBeInTheScheduleRule(report));
        CheckRule(new ReportIsAcceptedOnceRule(report!));
        Reports = [.. Reports.Select(r => r.Number == reportNumber ? r with { AcceptedAt = at, AcceptedBy = by } : r)];
        Refresh();
        CompleteWhenDone(at);
        Version++;
    }

    /// <summary>Records a payment of a tranche whose condition holds, never above the tranche, its year or the agreement.</summary>
    public void RecordPayment(int trancheNumber, DateOnly paidOn, decimal amount, string paymentOrderNumber, Guid officialId, DateTimeOffset now)
    {
        CheckRule(new NothingHappensOnATerminatedAgreementRule(Status));
        var tranche = Tranches.SingleOrDefault(t => t.Number == trancheNumber);
        CheckRule(new TrancheMustBeInTheScheduleRule(tranche));
        CheckRule(new TrancheIsPaidOnceRule(tranche!));
        CheckRule(new TrancheIsPaidWhenItsConditionHoldsRule(IsPayable(tranche!)));
        CheckRule(new PaymentNeedsAPositiveAmountRule(amount));
        var year = YearAmounts.Single(y => y.Year == tranche!.Year);
        CheckRule(new PaidNeverExceedsTheYearRule(PaidInYear(year.Year), amount, year.Amount));
        CheckRule(new PaidNeverExceedsTheAgreementRule(PaidAmount, amount, TotalAmount));
        CheckRule(new PaymentNeverExceedsTheTrancheRule(amount, tranche!.Amount));
        CheckRule(new PaymentDateWithinTermRule(Term, paidOn, AcceptedAt));
        CheckRule(new PaymentOrderNumberIsRequiredRule(paymentOrderNumber));
        var payment = new TranchePayment(paidOn, amount, paymentOrderNumber.Trim(), now, officialId);
        Tranches = [.. Tranches.Select(t => t.Number == trancheNumber ? t with { Status = TrancheStatus.Paid, Payment = payment } : t)];
        PaidAmount += amount;
        Refresh();
        CompleteWhenDone(now);
        Version++;
        AddDomainEvent(new TranchePaidEvent(Id, trancheNumber));
    }

    /// <summary>Ends the agreement early with a reason; every unpaid tranche is cancelled.</summary>
    public void Terminate(string reason, Guid officialId, DateTimeOffset now)
    {
        CheckRule(new NothingHappensOnATerminatedAgreementRule(Status));
        CheckRule(new ACompletedAgreementIsNotTerminatedRule(Status));
        CheckRule(new TerminationNeedsAReasonRule(reason));
        Status = AgreementStatus.Terminated;
        TerminatedAt = now;
        TerminatedBy = officialId;
        TerminationReason = reason.Trim();
        Tranches = [.. Tranches.Select(t => t.Status == TrancheStatus.Planned ? t with { Status = TrancheStatus.Cancelled } : t)];
        Refresh();
        Version++;
        AddDomainEvent(new AgreementTerminatedEvent(Id));
    }

    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>What the parties agreed, in a fixed order with invariant numbers: the bytes whose SHA-256 the PDF prints.</summary>
    public string CanonicalJson() => BudgetLines.Count == 0
        ? JsonSerializer.Serialize(CanonicalParts(), Canonical)
        : JsonSerializer.Serialize(
            new
            {
                Agreement = CanonicalParts(),
                Budget = BudgetLines.Select(b => new { b.Year, Category = b.Category.ToString(), b.Description, Amount = b.Amount.ToString("0.00", CultureInfo.InvariantCulture) }),
            },
            Canonical);

    private object CanonicalParts() => (
        new
        {
            Number, Call = CallId.Value, Bid = BidId.Value, Decision = DecisionId,
            Parties = new { Parties.StateBodyName.Kk, Parties.StateBodyName.Ru, Parties.StateBodyBin, OrganizationKk = Parties.OrganizationName.Kk, OrganizationRu = Parties.OrganizationName.Ru, Parties.OrganizationBin, Parties.OrganizationHead },
            ProjectTitle,
            Term = new { Start = Term.Start.ToString("O", CultureInfo.InvariantCulture), End = Term.End.ToString("O", CultureInfo.InvariantCulture), Term.Months },
            Years = YearAmounts.Select(y => new { y.Year, Amount = y.Amount.ToString("0.00", CultureInfo.InvariantCulture) }),
            Total = TotalAmount.ToString("0.00", CultureInfo.InvariantCulture),
            Tranches = Tranches.Select(t => new { t.Number, Kind = t.Kind.ToString(), t.Year, PlannedOn = t.PlannedOn.ToString("O", CultureInfo.InvariantCulture), Amount = t.Amount.ToString("0.00", CultureInfo.InvariantCulture), t.AfterReport }),
            Reports = Reports.Select(r => new { r.Number, Kind = r.Kind.ToString(), r.Year, DueOn = r.DueOn.ToString("O", CultureInfo.InvariantCulture) }),
            Activities = Activities.Select(a => new { a.Name, a.StartMonth, a.EndMonth }),
            Indicators = Indicators.Select(i => new { i.Name, i.Baseline, i.Target }),
            IssuedAt = IssuedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });

    private bool ConditionHolds(Tranche tranche) => tranche.AfterReport is { } n
        ? Reports.Any(r => r.Number == n && r.IsAccepted)
        : AcceptedAt is not null;

    private void Refresh() => PayableSince = Tranches.Where(IsPayable).Select(t => (DateOnly?)t.PlannedOn).Min();

    private void CompleteWhenDone(DateTimeOffset now)
    {
        if (Status == AgreementStatus.Accepted && Reports.Where(r => r.Kind == ReportKind.Final).All(r => r.IsAccepted) && Tranches.All(t => t.Status != TrancheStatus.Planned))
        {
            Status = AgreementStatus.Completed;
            CompletedAt = now;
            PayableSince = null;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

public sealed record AgreementIssuedEvent(AgreementId AgreementId) : IDomainEvent;

public sealed record TranchePaidEvent(AgreementId AgreementId, int TrancheNumber) : IDomainEvent;

public sealed record AgreementTerminatedEvent(AgreementId AgreementId) : IDomainEvent;
