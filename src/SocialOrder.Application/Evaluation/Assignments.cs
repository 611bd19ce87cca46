using System.Net;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation;

internal static class EvaluationAccess
{
    /// <summary>The call (read-only), if the current user is an official of its state body; otherwise null (shown as 404).</summary>
    public static Task<Call?> FindOwnCallAsync(this IAppDbContext db, ICurrentUser user, Guid callId, CancellationToken cancellationToken) =>
        Calls.OfficialCalls.FindOwnAsync(db, user, callId, cancellationToken, track: false);

    /// <summary>Organizations an expert may not evaluate: those they belong to and those they declared a conflict with before.</summary>
    public static async Task<ILookup<Guid, OrganizationId>> ConflictsAsync(this IAppDbContext db, IReadOnlyCollection<Guid> expertIds, CancellationToken cancellationToken)
    {
        var members = await db.Organizations.AsNoTracking().SelectMany(o => o.Members.Where(m => expertIds.Contains(m.UserId)).Select(m => new { m.UserId, o.Id }))
            .ToListAsync(cancellationToken);
        var declared = await db.ExpertAssignments.AsNoTracking().Where(a => expertIds.Contains(a.ExpertId) && a.Status == AssignmentStatus.Recused)
            .Select(a => new { UserId = a.ExpertId, Id = a.OrganizationId }).ToListAsync(cancellationToken);
        return members.Concat(declared).Distinct().ToLookup(x => x.UserId, x => x.Id);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(KazakhstanTime.ToLocal(time.GetUtcNow()).DateTime);
}

public sealed record AssignmentProposalResult(int Proposed, IReadOnlyList<AssignmentShortage> Shortages);

/// <summary>
/// The official asks the portal to propose experts for every eligible bid that lacks them. The proposal is stored as
/// "proposed" assignments the official reviews, swaps and then confirms; nobody is told before the confirmation.
/// </summary>
public sealed record ProposeAssignmentsCommand(Guid CallId) : ICommand<Result<AssignmentProposalResult>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class ProposeAssignmentsCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options)
    : ICommandHandler<ProposeAssignmentsCommand, Result<AssignmentProposalResult>>
{
    public async ValueTask<Result<AssignmentProposalResult>> Handle(ProposeAssignmentsCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null || user.Id is not { } officialId)
        {
            return Result<AssignmentProposalResult>.NotFound();
        }

        var now = time.GetUtcNow();
        if (call.PhaseAt(now) != CallPhase.Closed)
        {
            return Result<AssignmentProposalResult>.Failure(ResultStatus.RuleBroken, [new Error("Rule.ScoringAfterDeadline")]);
        }

        var request = await AssignmentInputs.BuildAsync(db, call, time, options.Value.ScoringDays, cancellationToken);
        var plan = AssignmentPlanner.Plan(request.Request);
        foreach (var p in plan.Assignments)
        {
            db.ExpertAssignments.Add(ExpertAssignment.Propose(call, request.Bids[p.BidId], p.ExpertId, officialId, isAdditional: false, now));
        }

        return await db.TrySaveAsync(cancellationToken)
            ? new AssignmentProposalResult(plan.Assignments.Count, plan.Shortages)
            : Result<AssignmentProposalResult>.Conflict("Assignment.ChangedConcurrently");
    }
}

internal sealed record AssignmentInputs(AssignmentRequest Request, IReadOnlyDictionary<BidId, Bid> Bids, IReadOnlyDictionary<Guid, PlannerExpert> Experts)
{
    /// <summary>Eligible bids, the live and excluded experts per bid, and every approved expert available for the scoring period.</summary>
    public static async Task<AssignmentInputs> BuildAsync(IAppDbContext db, Call call, TimeProvider time, int scoringDays, CancellationToken cancellationToken)
    {
        var callId = call.Id;
        var submitted = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.Status == BidStatus.Submitted).ToListAsync(cancellationToken);
        var bids = submitted.Where(b => b.Eligibility is { Eligible: true }).ToDictionary(b => b.Id);
        var orgIds = bids.Values.Select(b => b.OrganizationId).Distinct().ToList();
        var regions = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.RegionId, cancellationToken);
        var existing = await db.ExpertAssignments.AsNoTracking().Where(a => a.CallId == callId)
            .Select(a => new { a.BidId, a.ExpertId, a.Status }).ToListAsync(cancellationToken);
        bool Live(AssignmentStatus s) => s is AssignmentStatus.Proposed or AssignmentStatus.Assigned or AssignmentStatus.Accepted;

        var today = EvaluationAccess.Today(time);
        var profiles = await db.ExpertProfiles.AsNoTracking().Where(e => e.Status == ExpertStatus.Approved).ToListAsync(cancellationToken);
        var available = profiles.Where(p => p.IsAvailable(today, today.AddDays(scoringDays))).ToList();
        var ids = available.Select(p => p.UserId).ToList();
        var conflicts = await db.ConflictsAsync(ids, cancellationToken);
        var loads = existing.Where(a => Live(a.Status)).GroupBy(a => a.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var experts = available.Select(p => new PlannerExpert(
            p.UserId, p.PriorityAreaIds.Select(a => new PriorityAreaId(a)).ToList(), p.RegionIds.Select(r => new RegionId(r)).ToList(),
            p.MaxBidsPerCall, loads.GetValueOrDefault(p.UserId), conflicts[p.UserId].ToList())).ToList();
        var byBid = existing.ToLookup(a => a.BidId);
        var plannerBids = bids.Values.Select(b => new PlannerBid(
            b.Id, b.OrganizationId, regions.TryGetValue(b.OrganizationId, out var r) ? r : null,
            byBid[b.Id].Where(a => Live(a.Status)).Select(a => a.ExpertId).ToList(),
            byBid[b.Id].Where(a => !Live(a.Status)).Select(a => a.ExpertId).ToList())).ToList();
        return new AssignmentInputs(new AssignmentRequest(call.PriorityAreaId, call.ExpertsPerBid, plannerBids, experts), bids, experts.ToDictionary(e => e.ExpertId));
    }

    /// <summary>Why this expert cannot take this bid by hand, or null when they can.</summary>
    public string? Refusal(Guid expertId, BidId bidId)
    {
        if (!Experts.TryGetValue(expertId, out var expert))
        {
            return "Assignment.ExpertUnavailable";
        }

        var bid = Request.Bids.SingleOrDefault(b => b.BidId == bidId);
        if (bid is null)
        {
            return "Rule.OnlyEligibleBidsGoToExperts";
        }

        if (bid.CurrentExperts.Contains(expertId))
        {
            return "Assignment.AlreadyOnBid";
        }

        if (bid.ExcludedExperts.Contains(expertId) || expert.ConflictedOrganizations.Contains(bid.OrganizationId))
        {
            return "Assignment.ExpertConflicted";
        }

        return expert.CurrentLoad >= expert.Capacity ? "Assignment.ExpertAtCapacity" : null;
    }
}

/// <summary>The official picks an expert for a bid by hand; "additional" adds one to a divergent bid.</summary>
public sealed record AssignExpertCommand(Guid CallId, Guid BidId, Guid ExpertId, bool Additional) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class AssignExpertCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options) : ICommandHandler<AssignExpertCommand, Result>
{
    public async ValueTask<Result> Handle(AssignExpertCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var now = time.GetUtcNow();
        if (call.PhaseAt(now) != CallPhase.Closed)
        {
            return Result.Failure(ResultStatus.RuleBroken, [new Error("Rule.ScoringAfterDeadline")]);
        }

        var inputs = await AssignmentInputs.BuildAsync(db, call, time, options.Value.ScoringDays, cancellationToken);
        var bidId = new BidId(command.BidId);
        if (inputs.Refusal(command.ExpertId, bidId) is { } refusal)
        {
            return Result.Invalid(refusal, "ExpertId");
        }

        db.ExpertAssignments.Add(ExpertAssignment.Propose(call, inputs.Bids[bidId], command.ExpertId, officialId, command.Additional, now));
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Assignment.ChangedConcurrently");
    }
}

/// <summary>Before confirming, the official swaps a proposed expert for another (same checks as a manual assignment).</summary>
public sealed record SwapExpertCommand(Guid AssignmentId, Guid ExpertId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class SwapExpertCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options) : ICommandHandler<SwapExpertCommand, Result>
{
    public async ValueTask<Result> Handle(SwapExpertCommand command, CancellationToken cancellationToken)
    {
        var assignment = await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == command.AssignmentId, cancellationToken);
        var call = assignment is null ? null : await db.FindOwnCallAsync(user, assignment.CallId.Value, cancellationToken);
        if (assignment is null || call is null)
        {
            return Result.NotFound();
        }

        var inputs = await AssignmentInputs.BuildAsync(db, call, time, options.Value.ScoringDays, cancellationToken);
        if (inputs.Refusal(command.ExpertId, assignment.BidId) is { } refusal)
        {
            return Result.Invalid(refusal, "ExpertId");
        }

        assignment.Swap(command.ExpertId, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Assignment.ChangedConcurrently");
    }
}

/// <summary>The official drops one proposed (not yet confirmed) assignment, or all of a call's when AssignmentId is null.</summary>
public sealed record DiscardProposalCommand(Guid CallId, Guid? AssignmentId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class DiscardProposalCommandHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<DiscardProposalCommand, Result>
{
    public async ValueTask<Result> Handle(DiscardProposalCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null)
        {
            return Result.NotFound();
        }

        var callId = call.Id;
        var proposed = await db.ExpertAssignments
            .Where(a => a.CallId == callId && a.Status == AssignmentStatus.Proposed && (command.AssignmentId == null || a.Id == command.AssignmentId))
            .ToListAsync(cancellationToken);
        if (command.AssignmentId is not null && proposed.Count == 0)
        {
            return Result.NotFound();
        }

        db.ExpertAssignments.RemoveRange(proposed);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>The official confirms the proposal: the experts are told (one e-mail each) and the scoring period starts.</summary>
public sealed record ConfirmAssignmentsCommand(Guid CallId) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class ConfirmAssignmentsCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IEmailQueue emails, IOptions<CallOptions> options, IPortalLinks links)
    : ICommandHandler<ConfirmAssignmentsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ConfirmAssignmentsCommand command, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnCallAsync(user, command.CallId, cancellationToken);
        if (call is null || user.Id is not { } officialId)
        {
            return Result<int>.NotFound();
        }

        var callId = call.Id;
        var proposed = await db.ExpertAssignments.Where(a => a.CallId == callId && a.Status == AssignmentStatus.Proposed).ToListAsync(cancellationToken);
        if (proposed.Count == 0)
        {
            return Result<int>.Conflict("Assignment.NothingToConfirm");
        }

        var now = time.GetUtcNow();
        var due = now.AddDays(options.Value.ScoringDays);
        foreach (var a in proposed)
        {
            a.Confirm(officialId, now, due);
        }

        var experts = proposed.GroupBy(a => a.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var ids = experts.Keys.ToList();
        var addresses = await db.ExpertProfiles.AsNoTracking().Where(e => ids.Contains(e.UserId)).Select(e => new { e.UserId, e.Email }).ToListAsync(cancellationToken);
        var link = links.MyAssignments();
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        var deadline = KazakhstanTime.ToLocal(due).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in addresses)
        {
            emails.Enqueue(new EmailMessage(
                e.Email,
                $"SocialOrder: новые заявки на экспертизу / сараптамаға жаңа өтінімдер ({call.ReferenceNumber})",
                $"<p>{title}</p><p>Вам назначено заявок: {experts[e.UserId]}. Сізге тағайындалған өтінімдер: {experts[e.UserId]}.</p>" +
                $"<p>Срок оценки / Бағалау мерзімі: {deadline} (UTC+5)</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
        }

        return await db.TrySaveAsync(cancellationToken) ? proposed.Count : Result<int>.Conflict("Assignment.ChangedConcurrently");
    }
}

/// <summary>An official reopens a submitted sheet with a recorded reason; the sealed version is kept and the expert told.</summary>
public sealed record ReopenSheetCommand(Guid AssignmentId, string Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class ReopenSheetCommandValidator : AbstractValidator<ReopenSheetCommand>
{
    public ReopenSheetCommandValidator() => RuleFor(c => c.Reason).NotEmpty().WithErrorCode("Rule.ReopenNeedsReason").MinimumLength(10).WithErrorCode("Rule.ReopenNeedsReason").MaximumLength(2000).NoMarkup();
}

public sealed class ReopenSheetCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<ReopenSheetCommand, Result>
{
    public async ValueTask<Result> Handle(ReopenSheetCommand command, CancellationToken cancellationToken)
    {
        var assignment = await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == command.AssignmentId, cancellationToken);
        var call = assignment is null ? null : await db.FindOwnCallAsync(user, assignment.CallId.Value, cancellationToken);
        if (assignment is null || call is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        if (call.Status == CallStatus.Awarded)
        {
            return Result.Conflict("Rule.CallAlreadyAwarded");
        }

        assignment.Reopen(command.Reason, officialId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>An official settles a divergent bid with a reconciliation decision and its reason instead of a further expert.</summary>
public sealed record ReconcileBidCommand(Guid BidId, string Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class ReconcileBidCommandValidator : AbstractValidator<ReconcileBidCommand>
{
    public ReconcileBidCommandValidator() => RuleFor(c => c.Reason).NotEmpty().WithErrorCode("Rule.ReconciliationNeedsReason").MinimumLength(10).WithErrorCode("Rule.ReconciliationNeedsReason").MaximumLength(2000).NoMarkup();
}

public sealed class ReconcileBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<ReconcileBidCommand, Result>
{
    public async ValueTask<Result> Handle(ReconcileBidCommand command, CancellationToken cancellationToken)
    {
        var id = new BidId(command.BidId);
        var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        var call = bid is null ? null : await db.FindOwnCallAsync(user, bid.CallId.Value, cancellationToken);
        if (bid is null || call is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken);
        if (evaluation.Bids.SingleOrDefault(b => b.BidId == command.BidId) is not { State: EvaluationState.Divergent })
        {
            return Result.Conflict("Rule.OnlyDivergentBidsReconcile");
        }

        bid.Reconcile(command.Reason, officialId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
