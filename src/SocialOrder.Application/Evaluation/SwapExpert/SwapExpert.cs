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

namespace SocialOrder.Application.Evaluation.SwapExpert;

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
