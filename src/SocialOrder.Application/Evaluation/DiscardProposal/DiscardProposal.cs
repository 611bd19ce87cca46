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

namespace SocialOrder.Application.Evaluation.DiscardProposal;

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
