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

namespace SocialOrder.Application.Evaluation.ReopenSheet;

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
