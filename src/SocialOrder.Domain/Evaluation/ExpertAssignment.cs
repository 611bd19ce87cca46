using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Domain.Evaluation;

/// <summary>Proposed (not yet confirmed by the official) → Assigned (expert told) → Accepted (declared no conflict), Declined, or Recused (declared a conflict).</summary>
public enum AssignmentStatus
{
    Proposed,
    Assigned,
    Accepted,
    Declined,
    Recused,
}

public enum SheetStatus
{
    NotStarted,
    Draft,
    Submitted,
}

/// <summary>One criterion's block of a score sheet: whole points (null while not scored) and the justification.</summary>
public sealed record CriterionScore(string Code, int? Points, string Justification);

/// <summary>An earlier submitted version of a sheet, kept when an official reopened it.</summary>
public sealed record SealedSheet(int Version, IReadOnlyList<CriterionScore> Scores, DateTimeOffset SubmittedAt, DateTimeOffset ReopenedAt, Guid ReopenedBy, string Reason);

/// <summary>What the expert declared before opening the bid; a declared conflict takes the bid from them and is kept.</summary>
public sealed record ConflictDeclaration(bool HasConflict, string? Statement, DateTimeOffset At);

/// <summary>How long a justification must be: at least <see cref="Minimum"/>, at least <see cref="AtExtremes"/> for 0 or full points.</summary>
public sealed record JustificationPolicy(int Minimum, int AtExtremes);

/// <summary>A problem with a sheet, tied to the criterion's block (by its position) so the form can show it beside the field.</summary>
public sealed record SheetProblem(string Code, int CriterionIndex, string Field, object? Arg = null);

/// <summary>
/// One expert on one bid: the assignment, the expert's answer and conflict-of-interest declaration, and their score sheet
/// (draft, then submitted and sealed; a reopening by an official keeps the sealed version).
/// </summary>
public sealed class ExpertAssignment : Entity
{
    private ExpertAssignment()
    {
    }

    public Guid Id { get; private set; }

    public CallId CallId { get; private set; }

    public BidId BidId { get; private set; }

    /// <summary>The bidding organization, kept here so earlier declared conflicts can be found per organization.</summary>
    public OrganizationId OrganizationId { get; private set; }

    public Guid ExpertId { get; private set; }

    public AssignmentStatus Status { get; private set; }

    /// <summary>An expert added to a divergent bid after the regular ones: their sheet counts in the mean and settles the divergence.</summary>
    public bool IsAdditional { get; private set; }

    public Guid AssignedBy { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public ConflictDeclaration? Declaration { get; private set; }

    public SheetStatus SheetStatus { get; private set; }

    public IReadOnlyList<CriterionScore> Scores { get; private set; } = [];

    /// <summary>Increases with every saved draft; an autosave naming an older revision is stale.</summary>
    public int SheetRevision { get; private set; }

    public int SheetVersion { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public IReadOnlyList<SealedSheet> History { get; private set; } = [];

    /// <summary>Counts toward the expert's load and the bid's number of experts.</summary>
    public bool IsActive => Status is AssignmentStatus.Proposed or AssignmentStatus.Assigned or AssignmentStatus.Accepted;

    /// <summary>The expert may read the bid only after declaring no conflict.</summary>
    public bool MayOpenBid => Status == AssignmentStatus.Accepted;

    public bool IsPending => IsActive && SheetStatus != SheetStatus.Submitted;

    public static ExpertAssignment Propose(Call call, Bid bid, Guid expertId, Guid officialId, bool isAdditional, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(bid);
        CheckRule(new ScoringStartsAfterDeadlineAndEligibilityRule(call, bid, now));
        return new ExpertAssignment
        {
            Id = Guid.CreateVersion7(),
            CallId = call.Id,
            BidId = bid.Id,
            OrganizationId = bid.OrganizationId,
            ExpertId = expertId,
            Status = AssignmentStatus.Proposed,
            IsAdditional = isAdditional,
            AssignedBy = officialId,
            ProposedAt = now,
        };
    }

    /// <summary>The official swaps the proposed expert for another before confirming.</summary>
    public void Swap(Guid expertId, DateTimeOffset now)
    {
        CheckRule(new OnlyProposedAssignmentsChangeRule(Status));
        ExpertId = expertId;
        ProposedAt = now;
    }

    public void Confirm(Guid officialId, DateTimeOffset now, DateTimeOffset dueAt)
    {
        CheckRule(new OnlyProposedAssignmentsChangeRule(Status));
        Status = AssignmentStatus.Assigned;
        AssignedBy = officialId;
        AssignedAt = now;
        DueAt = dueAt;
        AddDomainEvent(new ExpertAssignedEvent(Id));
    }

    public void Decline(string? reason, DateTimeOffset now)
    {
        CheckRule(new ExpertAnswersOnceRule(Status));
        Status = AssignmentStatus.Declined;
        DeclineReason = reason?.Trim();
        RespondedAt = now;
        AddDomainEvent(new AssignmentReturnedEvent(Id));
    }

    public void Declare(bool hasConflict, string? statement, DateTimeOffset now)
    {
        CheckRule(new ExpertAnswersOnceRule(Status));
        CheckRule(new ConflictNeedsAStatementRule(hasConflict, statement));
        Declaration = new ConflictDeclaration(hasConflict, string.IsNullOrWhiteSpace(statement) ? null : statement.Trim(), now);
        RespondedAt = now;
        Status = hasConflict ? AssignmentStatus.Recused : AssignmentStatus.Accepted;
        if (hasConflict)
        {
            AddDomainEvent(new AssignmentReturnedEvent(Id));
        }
    }

    /// <summary>Every problem with these scores against the methodology; drafts are checked only for what is filled in.</summary>
    public static IReadOnlyList<SheetProblem> Problems(IReadOnlyList<Criterion> criteria, IReadOnlyList<CriterionScore> scores, JustificationPolicy policy, bool forSubmission)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<SheetProblem>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            var score = scores.FirstOrDefault(s => s.Code == criterion.Code);
            var points = score?.Points;
            var justification = score?.Justification.Trim() ?? string.Empty;
            if (points is { } p && (p < 0 || p > criterion.MaxPoints))
            {
                problems.Add(new("Sheet.PointsOutOfRange", i, "Points", criterion.MaxPoints));
            }
            else if (points is null && forSubmission)
            {
                problems.Add(new("Sheet.PointsMissing", i, "Points"));
            }

            if (!forSubmission && justification.Length == 0)
            {
                continue;
            }

            var extreme = points == 0 || points == criterion.MaxPoints;
            var needed = extreme ? Math.Max(policy.AtExtremes, policy.Minimum) : policy.Minimum;
            if (forSubmission && justification.Length < needed)
            {
                problems.Add(new(extreme ? "Sheet.JustificationTooShortAtExtreme" : "Sheet.JustificationTooShort", i, "Justification", needed));
            }
            else if (justification.Length > 4000)
            {
                problems.Add(new("Sheet.JustificationTooLong", i, "Justification", 4000));
            }
        }

        return problems;
    }

    public void SaveDraft(Call call, IReadOnlyList<CriterionScore> scores, int expectedRevision, JustificationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckSheetIsOpen(call, now);
        CheckRule(new SheetRevisionMustBeCurrentRule(SheetRevision, expectedRevision));
        CheckRule(new SheetMustBeValidRule(Problems(call.Criteria, scores, policy, forSubmission: false)));
        Scores = Normalise(call, scores);
        SheetStatus = SheetStatus.Draft;
        SheetRevision++;
    }

    public void Submit(Call call, IReadOnlyList<CriterionScore> scores, JustificationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckSheetIsOpen(call, now);
        CheckRule(new SheetMustBeValidRule(Problems(call.Criteria, scores, policy, forSubmission: true)));
        Scores = Normalise(call, scores);
        SheetStatus = SheetStatus.Submitted;
        SheetRevision++;
        SheetVersion++;
        SubmittedAt = now;
        AddDomainEvent(new SheetSubmittedEvent(Id));
    }

    /// <summary>An official reopens a sealed sheet with a recorded reason; the sealed version is kept and the expert told.</summary>
    public void Reopen(string reason, Guid officialId, DateTimeOffset now)
    {
        CheckRule(new OnlySubmittedSheetsReopenRule(SheetStatus));
        CheckRule(new ReopeningNeedsAReasonRule(reason));
        History = [.. History, new SealedSheet(SheetVersion, Scores, SubmittedAt!.Value, now, officialId, reason.Trim())];
        SheetStatus = SheetStatus.Draft;
        SubmittedAt = null;
        SheetRevision++;
        AddDomainEvent(new SheetReopenedEvent(Id));
    }

    private void CheckSheetIsOpen(Call call, DateTimeOffset now)
    {
        CheckRule(new ScoringStartsAfterDeadlineRule(call, now));
        CheckRule(new OnlyAcceptedAssignmentsAreScoredRule(Status));
        CheckRule(new SubmittedSheetIsSealedRule(SheetStatus));
    }

    private static List<CriterionScore> Normalise(Call call, IReadOnlyList<CriterionScore> scores) =>
        [.. call.Criteria.Select(c => scores.FirstOrDefault(s => s.Code == c.Code) is { } s
            ? s with { Justification = s.Justification.Trim() }
            : new CriterionScore(c.Code, null, string.Empty))];
}

public sealed record ExpertAssignedEvent(Guid AssignmentId) : IDomainEvent;

/// <summary>A decline or a declared conflict: the bid needs another expert, and the official is told.</summary>
public sealed record AssignmentReturnedEvent(Guid AssignmentId) : IDomainEvent;

public sealed record SheetSubmittedEvent(Guid AssignmentId) : IDomainEvent;

public sealed record SheetReopenedEvent(Guid AssignmentId) : IDomainEvent;
