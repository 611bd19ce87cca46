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

namespace SocialOrder.Application.Evaluation.DeclareConflict;

/// <summary>Before opening a bid the expert declares no conflict of interest (and may then score) or a conflict (the bid is taken from them).</summary>
public sealed record DeclareConflictCommand(Guid AssignmentId, bool HasConflict, string? Statement) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class DeclareConflictCommandValidator : AbstractValidator<DeclareConflictCommand>
{
    public DeclareConflictCommandValidator()
    {
        RuleFor(c => c.Statement).MaximumLength(2000).NoMarkup();
        RuleFor(c => c.Statement).Must(s => s is not null && s.Trim().Length >= 10).When(c => c.HasConflict).WithErrorCode("Rule.ConflictNeedsStatement");
    }
}

public sealed class DeclareConflictCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<DeclareConflictCommand, Result>
{
    public async ValueTask<Result> Handle(DeclareConflictCommand command, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (assignment is null)
        {
            return Result.NotFound();
        }

        assignment.Declare(command.HasConflict, command.Statement, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Rule.AssignmentAlreadyAnswered");
    }
}
