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

namespace SocialOrder.Application.Evaluation.SubmitScoreSheet;

/// <summary>The expert submits the sheet: every criterion scored and justified; afterwards it is sealed.</summary>
public sealed record SubmitScoreSheetCommand(Guid AssignmentId, IReadOnlyList<CriterionScore> Scores) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class SubmitScoreSheetCommandValidator : AbstractValidator<SubmitScoreSheetCommand>
{
    public SubmitScoreSheetCommandValidator()
    {
        RuleFor(c => c.Scores).Must(s => s.Count <= 50).WithErrorCode("Sheet.TooManyCriteria");
        RuleForEach(c => c.Scores).Must(s => s.Justification is null || !ValidationExtensions.HasMarkup(s.Justification)).WithErrorCode("Validation.NoMarkup");
    }
}

public sealed class SubmitScoreSheetCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options)
    : ICommandHandler<SubmitScoreSheetCommand, Result>
{
    public async ValueTask<Result> Handle(SubmitScoreSheetCommand command, CancellationToken cancellationToken)
    {
        var a = await AssignmentAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (a is null || a.Status is not (AssignmentStatus.Accepted))
        {
            return Result.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var policy = options.Value.Policy();
        var problems = ExpertAssignment.Problems(call.Criteria, command.Scores, policy, forSubmission: true);
        if (problems.Count > 0 && a.SheetStatus != SheetStatus.Submitted)
        {
            return Result.Failure(ResultStatus.Invalid, AssignmentAccess.Errors(problems));
        }

        a.Submit(call, command.Scores, policy, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? Result.Success() : Result.Conflict("Rule.SheetSealed");
    }
}
