using System.Net;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.ProposeAssignments;

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
