using System.Globalization;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Domain.Calls;

/// <summary>The editable content of a call: everything an official types into the form.</summary>
public sealed record CallContent(
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedText Description,
    LocalizedText Eligibility,
    PriorityAreaId? PriorityAreaId,
    RegionId? RegionId,
    Instrument Instrument,
    decimal Budget,
    decimal MaxPerProject,
    int DurationMonths,
    CallTerm Term,
    IReadOnlyList<YearlyBudget> YearlyBudgets,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    IReadOnlyList<Criterion> Criteria,
    int ExpertsPerBid,
    decimal DivergenceThreshold,
    decimal MinimumTotalScore,
    bool ExpertsSeeOtherSheets = false,
    ServiceStandardId? StandardId = null,
    int? PlannedBeneficiaries = null);

/// <summary>What may change after publishing (never the methodology); null means unchanged.</summary>
public sealed record CallAmendment(
    LocalizedText? Summary,
    LocalizedText? Description,
    LocalizedText? Eligibility,
    decimal? Budget,
    decimal? MaxPerProject,
    IReadOnlyList<YearlyBudget>? YearlyBudgets,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<RequiredDocument>? RequiredDocuments);

public sealed class Call : Entity
{
    private List<Amendment> _amendments = [];

    private Call()
    {
        ReferenceNumber = string.Empty;
        Title = Summary = Description = Eligibility = null!;
        YearlyBudgets = [];
        RequiredDocuments = [];
        Criteria = [];
    }

    public CallId Id { get; private set; }

    public string ReferenceNumber { get; private set; }

    public StateBodyId StateBodyId { get; private set; }

    public CallStatus Status { get; private set; }

    public LocalizedText Title { get; private set; }

    public LocalizedText Summary { get; private set; }

    public LocalizedText Description { get; private set; }

    public LocalizedText Eligibility { get; private set; }

    public PriorityAreaId? PriorityAreaId { get; private set; }

    public RegionId? RegionId { get; private set; }

    public Instrument Instrument { get; private set; }

    public decimal Budget { get; private set; }

    public decimal MaxPerProject { get; private set; }

    public int DurationMonths { get; private set; }

    public CallTerm Term { get; private set; }

    public IReadOnlyList<YearlyBudget> YearlyBudgets { get; private set; }

    public DateTimeOffset? OpensAt { get; private set; }

    public DateTimeOffset? ClosesAt { get; private set; }

    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; private set; }

    public IReadOnlyList<Criterion> Criteria { get; private set; }

    public int ExpertsPerBid { get; private set; }

    public decimal DivergenceThreshold { get; private set; }

    public decimal MinimumTotalScore { get; private set; }

    /// <summary>After submitting their own sheet, an expert may read the other submitted sheets for that bid (off by default).</summary>
    public bool ExpertsSeeOtherSheets { get; private set; }

    /// <summary>The service standard version the call follows; a version row never changes once published (ADR 26).</summary>
    public ServiceStandardId? StandardId { get; private set; }

    /// <summary>How many people the call plans to reach; compared with the standard's unit cost norm before publishing.</summary>
    public int? PlannedBeneficiaries { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public IReadOnlyList<Amendment> Amendments
    {
        get => _amendments;
        private set => _amendments = [.. value];
    }

    public static Call CreateDraft(string referenceNumber, StateBodyId stateBodyId, CallContent content, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceNumber);
        ArgumentNullException.ThrowIfNull(content);
        var call = new Call
        {
            Id = CallId.New(),
            ReferenceNumber = referenceNumber,
            StateBodyId = stateBodyId,
            Status = CallStatus.Draft,
            CreatedAt = now,
        };
        call.Apply(content);
        return call;
    }

    public CallPhase PhaseAt(DateTimeOffset now) => Status switch
    {
        CallStatus.Draft => CallPhase.Draft,
        CallStatus.Cancelled => CallPhase.Cancelled,
        CallStatus.Awarded => CallPhase.Awarded,
        _ when now < OpensAt => CallPhase.Upcoming,
        _ when now < ClosesAt => CallPhase.Open,
        _ => CallPhase.Closed,
    };

    /// <summary>Submissions are accepted strictly before the closing instant.</summary>
    public bool AcceptsSubmissionsAt(DateTimeOffset now) => PhaseAt(now) == CallPhase.Open;

    public CallContent Content => new(
        Title, Summary, Description, Eligibility, PriorityAreaId, RegionId, Instrument, Budget, MaxPerProject, DurationMonths,
        Term, YearlyBudgets, OpensAt, ClosesAt, RequiredDocuments, Criteria, ExpertsPerBid, DivergenceThreshold, MinimumTotalScore, ExpertsSeeOtherSheets,
        StandardId, PlannedBeneficiaries);

    public void UpdateDraft(CallContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckRule(new OnlyDraftCallCanBeEditedRule(Status));
        Apply(content);
    }

    /// <summary>Everything that stops this draft from being published at <paramref name="now"/>, no standard being required.</summary>
    public IReadOnlyList<PublishProblem> PublishProblems(DateTimeOffset now) => PublishProblems(now, StandardRequirement.None);

    /// <summary>Everything that stops this draft from being published at <paramref name="now"/>, the standard included.</summary>
    public IReadOnlyList<PublishProblem> PublishProblems(DateTimeOffset now, StandardRequirement standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var p = new List<PublishProblem>();
        if (Status != CallStatus.Draft)
        {
            p.Add(new("Call.NotDraft"));
            return p;
        }

        RequireBoth(p, Title, "Title");
        RequireBoth(p, Summary, "Summary");
        RequireBoth(p, Description, "Description");
        RequireBoth(p, Eligibility, "Eligibility");
        if (PriorityAreaId is null)
        {
            p.Add(new("Call.PriorityAreaMissing", "PriorityAreaId"));
        }

        if (Budget <= 0)
        {
            p.Add(new("Call.BudgetNotPositive", "Budget"));
        }

        if (MaxPerProject <= 0)
        {
            p.Add(new("Call.MaxPerProjectNotPositive", "MaxPerProject"));
        }
        else if (MaxPerProject > Budget)
        {
            p.Add(new("Call.MaxPerProjectAboveBudget", "MaxPerProject"));
        }

        var (min, max) = CallTerms.MonthsFor(Term);
        if (DurationMonths < min || DurationMonths > max)
        {
            p.Add(new("Call.DurationOutsideTerm", "DurationMonths", $"{min}–{max}"));
        }

        p.AddRange(YearlyBudgetProblems(Term, DurationMonths, Budget, YearlyBudgets));

        if (OpensAt is null || ClosesAt is null)
        {
            p.Add(new("Call.WindowMissing", OpensAt is null ? "OpensAt" : "ClosesAt"));
        }
        else if (ClosesAt <= OpensAt)
        {
            p.Add(new("Call.WindowClosesBeforeOpens", "ClosesAt"));
        }
        else if (ClosesAt <= now)
        {
            p.Add(new("Call.WindowInPast", "ClosesAt"));
        }

        if (Criteria.Count == 0)
        {
            p.Add(new("Call.NoCriteria", "Criteria"));
        }

        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Name.Kk) || string.IsNullOrWhiteSpace(c.Name.Ru))
            {
                p.Add(new("Call.CriterionIncomplete", $"Criteria[{i}].Code"));
            }

            if (c.Weight <= 0)
            {
                p.Add(new("Call.CriterionWeightNotPositive", $"Criteria[{i}].Weight"));
            }

            if (c.MaxPoints <= 0)
            {
                p.Add(new("Call.CriterionMaxNotPositive", $"Criteria[{i}].MaxPoints"));
            }

            if (c.MinPoints is { } m && (m < 0 || m > c.MaxPoints))
            {
                p.Add(new("Call.CriterionMinAboveMax", $"Criteria[{i}].MinPoints"));
            }
        }

        if (Criteria.GroupBy(c => c.Code.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            p.Add(new("Call.CriterionCodesNotUnique", "Criteria"));
        }

        if (StandardId is null && standard.AreaHasStandard)
        {
            p.Add(new("Call.StandardRequired", "StandardId"));
        }
        else if (StandardId is not null && !standard.LinkedIsCurrent)
        {
            p.Add(new("Call.StandardNotCurrent", "StandardId"));
        }

        if (PlannedBeneficiaries is <= 0)
        {
            p.Add(new("Call.PlannedBeneficiariesNotPositive", "PlannedBeneficiaries"));
        }

        for (var i = 0; i < RequiredDocuments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(RequiredDocuments[i].Name.Kk) || string.IsNullOrWhiteSpace(RequiredDocuments[i].Name.Ru))
            {
                p.Add(new("Call.DocumentNameMissing", $"RequiredDocuments[{i}].NameRu"));
            }
        }

        return p;
    }

    /// <summary>What the official is warned about before publishing, without being stopped: a budget below the standard's norm.</summary>
    public IReadOnlyList<PublishProblem> PublishWarnings(ServiceStandard? standard)
    {
        if (standard is null || standard.UnitCostNorm is null || standard.UnitCostBasis != UnitCostBasis.PerBeneficiary)
        {
            return [];
        }

        if (PlannedBeneficiaries is null)
        {
            return [new("Call.PlannedBeneficiariesMissing", "PlannedBeneficiaries")];
        }

        return standard.MinimumBudgetFor(PlannedBeneficiaries) is { } minimum && Budget < minimum
            ? [new("Call.BudgetBelowStandardNorm", "Budget", Money.Kzt(minimum).ToString())]
            : [];
    }

    public void Publish(DateTimeOffset now) => Publish(now, StandardRequirement.None);

    public void Publish(DateTimeOffset now, StandardRequirement standard)
    {
        var problems = PublishProblems(now, standard);
        CheckRule(new CallMustBeCompleteToPublishRule(problems));
        Status = CallStatus.Published;
        PublishedAt = now;
        AddDomainEvent(new CallPublishedEvent(Id));
    }

    /// <summary>
    /// Records a change after publishing. A change made less than <paramref name="minimumDaysBeforeDeadline"/> days
    /// before the deadline moves the deadline so that at least that many days remain.
    /// </summary>
    public Amendment Amend(CallAmendment change, string reason, DateTimeOffset now, int minimumDaysBeforeDeadline)
    {
        ArgumentNullException.ThrowIfNull(change);
        CheckRule(new OnlyOpenOrUpcomingCallCanBeAmendedRule(PhaseAt(now)));
        CheckRule(new AmendmentNeedsReasonRule(reason));

        var culture = CultureInfo.InvariantCulture;
        var changes = new List<string>();
        var budget = change.Budget ?? Budget;
        var max = change.MaxPerProject ?? MaxPerProject;
        var yearly = change.YearlyBudgets ?? YearlyBudgets;
        CheckRule(new AmendedAmountsMustBeConsistentRule(budget, max, Term, DurationMonths, yearly));

        if (change.Summary is { } summary && summary != Summary)
        {
            Summary = summary;
            changes.Add("Summary");
        }

        if (change.Description is { } description && description != Description)
        {
            Description = description;
            changes.Add("Description");
        }

        if (change.Eligibility is { } eligibility && eligibility != Eligibility)
        {
            Eligibility = eligibility;
            changes.Add("Eligibility");
        }

        if (budget != Budget)
        {
            changes.Add($"Budget:{Budget.ToString(culture)}:{budget.ToString(culture)}");
            Budget = budget;
        }

        if (max != MaxPerProject)
        {
            changes.Add($"MaxPerProject:{MaxPerProject.ToString(culture)}:{max.ToString(culture)}");
            MaxPerProject = max;
        }

        if (!yearly.SequenceEqual(YearlyBudgets))
        {
            YearlyBudgets = [.. yearly];
            changes.Add("YearlyBudgets");
        }

        if (change.RequiredDocuments is { } documents && !documents.SequenceEqual(RequiredDocuments))
        {
            RequiredDocuments = [.. documents];
            changes.Add("RequiredDocuments");
        }

        var previousClose = ClosesAt!.Value;
        var newClose = previousClose;
        if (change.ClosesAt is { } requested && requested != previousClose)
        {
            CheckRule(new DeadlineCanOnlyBeExtendedRule(previousClose, requested));
            newClose = requested;
        }

        CheckRule(new AmendmentMustChangeSomethingRule(changes.Count > 0 || newClose != previousClose));

        var minimum = now.AddDays(minimumDaysBeforeDeadline);
        if (newClose < minimum)
        {
            newClose = minimum;
        }

        if (newClose != previousClose)
        {
            ClosesAt = newClose;
            changes.Add($"ClosesAt:{previousClose.ToString("O", culture)}:{newClose.ToString("O", culture)}");
        }

        var amendment = new Amendment(_amendments.Count + 1, now, reason.Trim(), changes, newClose != previousClose ? previousClose : null, newClose != previousClose ? newClose : null);
        _amendments.Add(amendment);
        Amendments = _amendments;
        AddDomainEvent(new CallAmendedEvent(Id, amendment.Number));
        return amendment;
    }

    /// <summary>The commission's decision is locked: the competition is over and its results are public.</summary>
    public void MarkAwarded(DateTimeOffset now)
    {
        CheckRule(new AwardOnlyAClosedCallRule(this, now));
        Status = CallStatus.Awarded;
        AwardedAt = now;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        CheckRule(new CallCanBeCancelledOnlyBeforeAwardRule(Status));
        CheckRule(new AmendmentNeedsReasonRule(reason));
        Status = CallStatus.Cancelled;
        CancelledAt = now;
        CancellationReason = reason.Trim();
        AddDomainEvent(new CallCancelledEvent(Id));
    }

    public static IEnumerable<PublishProblem> YearlyBudgetProblems(CallTerm term, int durationMonths, decimal budget, IReadOnlyList<YearlyBudget> yearly)
    {
        if (term != CallTerm.Long)
        {
            yield break;
        }

        var years = CallTerms.Years(durationMonths);
        if (yearly.Count != years || yearly.Select(y => y.Year).Order().SequenceEqual(Enumerable.Range(1, yearly.Count)) is false)
        {
            yield return new("Call.YearlyBudgetsYearsMismatch", "YearlyBudgets", years);
        }
        else if (yearly.Sum(y => y.Amount) != budget)
        {
            yield return new("Call.YearlyBudgetsDoNotAddUp", "YearlyBudgets");
        }

        if (yearly.Any(y => y.Amount <= 0))
        {
            yield return new("Call.YearlyBudgetNotPositive", "YearlyBudgets");
        }
    }

    private static void RequireBoth(List<PublishProblem> problems, LocalizedText text, string field)
    {
        if (string.IsNullOrWhiteSpace(text.Kk))
        {
            problems.Add(new("Call.TextMissingKk", field + "Kk"));
        }

        if (string.IsNullOrWhiteSpace(text.Ru))
        {
            problems.Add(new("Call.TextMissingRu", field + "Ru"));
        }
    }

    private void Apply(CallContent c)
    {
        Title = c.Title;
        Summary = c.Summary;
        Description = c.Description;
        Eligibility = c.Eligibility;
        PriorityAreaId = c.PriorityAreaId;
        RegionId = c.RegionId;
        Instrument = c.Instrument;
        Budget = c.Budget;
        MaxPerProject = c.MaxPerProject;
        DurationMonths = c.DurationMonths;
        Term = c.Term;
        YearlyBudgets = c.Term == CallTerm.Long ? [.. c.YearlyBudgets] : [];
        OpensAt = c.OpensAt;
        ClosesAt = c.ClosesAt;
        RequiredDocuments = [.. c.RequiredDocuments];
        Criteria = [.. c.Criteria];
        ExpertsPerBid = c.ExpertsPerBid;
        DivergenceThreshold = c.DivergenceThreshold;
        MinimumTotalScore = c.MinimumTotalScore;
        ExpertsSeeOtherSheets = c.ExpertsSeeOtherSheets;
        StandardId = c.StandardId;
        PlannedBeneficiaries = c.PlannedBeneficiaries;
    }
}

public sealed record CallPublishedEvent(CallId CallId) : IDomainEvent;

public sealed record CallAmendedEvent(CallId CallId, int AmendmentNumber) : IDomainEvent;

public sealed record CallCancelledEvent(CallId CallId) : IDomainEvent;
