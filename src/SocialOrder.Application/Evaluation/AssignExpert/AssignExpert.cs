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

namespace SocialOrder.Application.Evaluation.AssignExpert;

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
