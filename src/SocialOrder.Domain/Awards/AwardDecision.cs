using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.Awards;

public enum CommissionRole
{
    Chair,
    Secretary,
    Member,
}

public enum DecisionStatus
{
    Draft,
    Locked,
}

/// <summary>A member of the call's competition commission: an official or a Public Council observer of the state body.</summary>
public sealed record CommissionMember(Guid UserId, string FullName, CommissionRole Role, bool IsObserver, bool Present);

/// <summary>One bid in the decision: the proposal's amount and outcome, and the secretary's change with its justification.</summary>
public sealed record DecisionLine(
    BidId BidId, int Rank, decimal Requested, bool Fundable, decimal ProposedAmount, AwardOutcome ProposedOutcome, decimal Amount, AwardOutcome Outcome,
    string? Justification, IReadOnlyDictionary<int, decimal> RequestedPerYear)
{
    public bool Changed => Amount != ProposedAmount || Outcome != ProposedOutcome;
}

public sealed record Dissent(Guid MemberId, string MemberName, string Text, DateTimeOffset At);

/// <summary>A protocol issued before the decision was reopened: kept, with its files and hashes, never overwritten.</summary>
public sealed record EarlierProtocol(
    int Version, string Number, DateTimeOffset LockedAt, Guid? LockedBy, string DecisionSha256, Guid? KkFileId, string? KkSha256, Guid? RuFileId, string? RuSha256);

/// <summary>Why a locked decision was reopened (an upheld complaint), by whom and when.</summary>
public sealed record DecisionReopening(int FromProtocolVersion, string Reason, Guid ReopenedBy, DateTimeOffset At, Guid? AppealId);

/// <summary>
/// One submitted bid's evaluation as it stood when the decision was locked: what the public results and the applicant's
/// feedback show, stored so that they are read, not recomputed, on every view (the experts' sheet totals are left out).
/// </summary>
public sealed record LockedBidResult(BidId BidId, string ReceiptNumber, LocalizedText Organization, int? Rank, BidAggregate? Aggregate);

/// <summary>
/// The competition commission's decision on a call: who sits on it and who attended (quorum), the allocation the portal
/// proposed from the ranking, the secretary's justified changes, dissenting opinions; once confirmed it is locked, hashed
/// and never changes again.
/// </summary>
public sealed class AwardDecision : Entity
{
    public static readonly decimal DefaultQuorum = 2m / 3m;

    private AwardDecision()
    {
    }

    public Guid Id { get; private set; }

    public CallId CallId { get; private set; }

    public DecisionStatus Status { get; private set; }

    public IReadOnlyList<CommissionMember> Members { get; private set; } = [];

    public decimal QuorumFraction { get; private set; }

    public IReadOnlyList<DecisionLine> Lines { get; private set; } = [];

    public IReadOnlyList<Dissent> Dissents { get; private set; } = [];

    public decimal Budget { get; private set; }

    public IReadOnlyList<YearlyBudget> YearlyBudgets { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Increases with every change to the draft; a form naming an older version is stale.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? LockedAt { get; private set; }

    public Guid? LockedBy { get; private set; }

    public string? ProtocolNumber { get; private set; }

    public string? DecisionSha256 { get; private set; }

    public Guid? ProtocolKkFileId { get; private set; }

    public Guid? ProtocolRuFileId { get; private set; }

    public string? ProtocolKkSha256 { get; private set; }

    public string? ProtocolRuSha256 { get; private set; }

    /// <summary>Every submitted bid's evaluation at the lock (empty for decisions locked before it was kept).</summary>
    public IReadOnlyList<LockedBidResult> Results { get; private set; } = [];

    /// <summary>How many bids the ranking held at the lock.</summary>
    public int RankedCount { get; private set; }
    /// <summary>1 for the first protocol; each locking after a reopening issues the next version (0 while never locked).</summary>
    public int ProtocolVersion { get; private set; }

    public IReadOnlyList<EarlierProtocol> EarlierProtocols { get; private set; } = [];

    public IReadOnlyList<DecisionReopening> Reopenings { get; private set; } = [];

    public decimal Total => Lines.Sum(l => l.Amount);

    public int Present => Members.Count(m => m.Present);

    /// <summary>Rounded to hundredths before the ceiling, so two thirds stored as 0.6667 still means 2 of 3 and 6 of 9.</summary>
    public int QuorumNeeded => (int)Math.Ceiling(Math.Round(Members.Count * QuorumFraction, 2));

    public bool HasQuorum => Members.Count > 0 && Present >= QuorumNeeded;

    public static AwardDecision Prepare(Call call, IReadOnlyList<CommissionMember> members, decimal quorumFraction, AllocationProposal proposal,
        IReadOnlyList<AllocationCandidate> candidates, Guid officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(candidates);
        var decision = new AwardDecision
        {
            Id = Guid.CreateVersion7(),
            CallId = call.Id,
            Status = DecisionStatus.Draft,
            Budget = call.Budget,
            YearlyBudgets = call.YearlyBudgets,
            CreatedAt = now,
            CreatedBy = officialId,
        };
        decision.SetCommission(members, quorumFraction);
        decision.Repropose(proposal, candidates);
        return decision;
    }

    /// <summary>The ranking changed since the draft (a reopened sheet): the lines follow the new proposal, changes are dropped.</summary>
    public void Repropose(AllocationProposal proposal, IReadOnlyList<AllocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(candidates);
        CheckDraft();
        var byBid = candidates.ToDictionary(c => c.BidId);
        Lines = [.. proposal.Lines.Select(l => new DecisionLine(
            l.BidId, l.Rank, l.Requested, byBid[l.BidId].Fundable, l.Amount, l.Outcome, l.Amount, l.Outcome, null, byBid[l.BidId].RequestedPerYear))];
        Version++;
    }

    /// <summary>True when the lines are exactly this ranking (same bids, same ranks).</summary>
    public bool Follows(IReadOnlyList<AllocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count == Lines.Count && candidates.All(c => Lines.Any(l => l.BidId == c.BidId && l.Rank == c.Rank && l.Fundable == c.Fundable));
    }

    public void SetCommission(IReadOnlyList<CommissionMember> members, decimal quorumFraction)
    {
        ArgumentNullException.ThrowIfNull(members);
        CheckDraft();
        CheckRule(new CommissionMustBeWellFormedRule(members, quorumFraction));
        Members = [.. members];
        QuorumFraction = quorumFraction;
        Version++;
    }

    public void RecordAttendance(IReadOnlyCollection<Guid> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        CheckDraft();
        Members = [.. Members.Select(m => m with { Present = present.Contains(m.UserId) })];
        Version++;
    }

    /// <summary>The secretary changes a bid's amount (never above the request) or outcome, always with a written justification.</summary>
    public void ChangeLine(Guid secretaryId, BidId bidId, decimal amount, AwardOutcome outcome, string? justification)
    {
        CheckDraft();
        CheckRule(new OnlyTheSecretaryChangesTheDecisionRule(Members, secretaryId));
        var line = Lines.SingleOrDefault(l => l.BidId == bidId) ?? throw new BusinessRuleViolationException(new UnknownBidInDecisionRule());
        var changed = line with { Amount = outcome == AwardOutcome.Awarded ? amount : 0m, Outcome = outcome, Justification = justification?.Trim() };
        CheckRule(new AwardedAmountWithinRequestRule(changed));
        CheckRule(new ChangeNeedsJustificationRule(changed));
        CheckRule(new UnfundableBidIsNotAwardedRule(changed));
        var lines = Lines.Select(l => l.BidId == bidId ? changed : l).ToList();
        CheckRule(new DecisionWithinBudgetRule(BudgetProblems(lines)));
        Lines = lines;
        Version++;
    }

    public void AddDissent(Guid memberId, string text, DateTimeOffset now)
    {
        CheckDraft();
        var member = Members.SingleOrDefault(m => m.UserId == memberId) ?? throw new BusinessRuleViolationException(new DissentByAMemberRule());
        CheckRule(new DissentNeedsTextRule(text));
        Dissents = [.. Dissents, new Dissent(memberId, member.FullName, text.Trim(), now)];
        Version++;
    }

    /// <summary>Every reason the draft cannot be confirmed yet.</summary>
    public IReadOnlyList<string> ConfirmationProblems()
    {
        var p = new List<string>();
        if (Status == DecisionStatus.Locked)
        {
            p.Add("Rule.DecisionLocked");
            return p;
        }

        if (!HasQuorum)
        {
            p.Add("Rule.DecisionNeedsQuorum");
        }

        if (!Members.Any(m => m.Role == CommissionRole.Chair) || !Members.Any(m => m.Role == CommissionRole.Secretary))
        {
            p.Add("Rule.CommissionNeedsChairAndSecretary");
        }

        p.AddRange(BudgetProblems(Lines));

        // A decision funds something: a call with no fundable bid is not "awarded" for 0 ₸; it ends with a public reason.
        if (!Lines.Any(l => l.Outcome == AwardOutcome.Awarded && l.Amount > 0))
        {
            p.Add("Rule.DecisionFundsNothing");
        }

        if (Lines.Any(l => l.Amount > l.Requested || l.Amount < 0))
        {
            p.Add("Rule.AmountAboveRequest");
        }

        if (Lines.Any(l => l.Changed && string.IsNullOrWhiteSpace(l.Justification)))
        {
            p.Add("Rule.ChangeNeedsJustification");
        }

        return p;
    }

    /// <summary>Locks the decision; the protocol number and the hash of its canonical data are fixed here.</summary>
    public void Lock(Guid officialId, string protocolNumber, DateTimeOffset now, IReadOnlyList<LockedBidResult>? results = null, int rankedCount = 0)
    {
        CheckRule(new DecisionMustBeConfirmableRule(ConfirmationProblems()));
        Results = results?.Select(r => r with { Aggregate = r.Aggregate is { } a ? a with { SheetTotals = [] } : null }).ToList() ?? [];
        RankedCount = rankedCount;
        Status = DecisionStatus.Locked;
        LockedAt = now;
        LockedBy = officialId;
        ProtocolNumber = protocolNumber;
        ProtocolVersion++;
        DecisionSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson())));
        Version++;
        AddDomainEvent(new AwardDecisionLockedEvent(Id, CallId));
    }

    /// <summary>
    /// An upheld complaint reopens the locked decision with a recorded reason: the issued protocol is kept as an earlier
    /// version, and the commission may change the draft and lock it again, which issues the next protocol version.
    /// </summary>
    public void Reopen(Guid officialId, string reason, DateTimeOffset now, Guid? appealId)
    {
        CheckRule(new OnlyALockedDecisionIsReopenedRule(Status));
        CheckRule(new ReopeningNeedsAReasonRule(reason));
        EarlierProtocols = [.. EarlierProtocols, new EarlierProtocol(
            ProtocolVersion, ProtocolNumber!, LockedAt!.Value, LockedBy, DecisionSha256!, ProtocolKkFileId, ProtocolKkSha256, ProtocolRuFileId, ProtocolRuSha256)];
        Reopenings = [.. Reopenings, new DecisionReopening(ProtocolVersion, reason.Trim(), officialId, now, appealId)];
        Status = DecisionStatus.Draft;
        LockedAt = null;
        LockedBy = null;
        ProtocolNumber = null;
        DecisionSha256 = null;
        ProtocolKkFileId = null;
        ProtocolKkSha256 = null;
        ProtocolRuFileId = null;
        ProtocolRuSha256 = null;
        Version++;
    }

    public void AttachProtocols(Guid kkFileId, string kkSha256, Guid ruFileId, string ruSha256)
    {
        CheckRule(new ProtocolsAreStoredOnceRule(Status, ProtocolKkFileId));
        ProtocolKkFileId = kkFileId;
        ProtocolKkSha256 = kkSha256;
        ProtocolRuFileId = ruFileId;
        ProtocolRuSha256 = ruSha256;
    }

    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>The decision's data in a fixed order with invariant numbers: the bytes whose SHA-256 the protocol prints.</summary>
    public string CanonicalJson() => JsonSerializer.Serialize(
        new
        {
            Call = CallId.Value,
            ProtocolNumber,
            LockedAt = LockedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            Budget = Budget.ToString("0.00", CultureInfo.InvariantCulture),
            Quorum = QuorumFraction.ToString("0.0000", CultureInfo.InvariantCulture),
            Members = Members.Select(m => new { m.UserId, m.FullName, Role = m.Role.ToString(), m.IsObserver, m.Present }),
            Lines = Lines.OrderBy(l => l.Rank).Select(l => new
            {
                Bid = l.BidId.Value, l.Rank, Requested = l.Requested.ToString("0.00", CultureInfo.InvariantCulture),
                Amount = l.Amount.ToString("0.00", CultureInfo.InvariantCulture), Outcome = l.Outcome.ToString(), l.Justification,
            }),
            Dissents = Dissents.Select(d => new { d.MemberId, d.MemberName, d.Text }),
            Total = Total.ToString("0.00", CultureInfo.InvariantCulture),
        },
        Canonical);

    private void CheckDraft() => CheckRule(new LockedDecisionNeverChangesRule(Status));

    /// <summary>The total never above the budget, nor (long-term calls) any year's share above that year's budget.</summary>
    private List<string> BudgetProblems(IReadOnlyList<DecisionLine> lines)
    {
        var p = new List<string>();
        if (lines.Sum(l => l.Amount) > Budget)
        {
            p.Add("Rule.TotalAboveBudget");
        }

        // An amount below the request is spread over the years in the request's proportions.
        if (YearlyBudgets.Any(y => lines.Where(l => l.Outcome == AwardOutcome.Awarded)
                .Sum(l => l.RequestedPerYear.TryGetValue(y.Year, out var v) && l.Requested > 0 ? v * l.Amount / l.Requested : 0m) > y.Amount))
        {
            p.Add("Rule.YearAboveBudget");
        }

        return p;
    }
}

public sealed record AwardDecisionLockedEvent(Guid DecisionId, CallId CallId) : IDomainEvent;
