using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation.DeclineAssignment;

/// <summary>The expert declines an assignment (it goes back to the official to reassign).</summary>
public sealed record DeclineAssignmentCommand(Guid AssignmentId, string? Reason) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class DeclineAssignmentCommandValidator : AbstractValidator<DeclineAssignmentCommand>
{
    public DeclineAssignmentCommandValidator() => RuleFor(c => c.Reason).MaximumLength(1000).NoMarkup();
}

public sealed class DeclineAssignmentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<DeclineAssignmentCommand, Result>
{
    public async ValueTask<Result> Handle(DeclineAssignmentCommand command, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (assignment is null)
        {
            return Result.NotFound();
        }

        assignment.Decline(command.Reason, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Rule.AssignmentAlreadyAnswered");
    }
}
