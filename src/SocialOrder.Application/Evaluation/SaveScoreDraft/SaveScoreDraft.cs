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

namespace SocialOrder.Application.Evaluation.SaveScoreDraft;

/// <summary>Autosave and "save draft": whatever is filled in, checked only for range; the revision guards against a stale tab.</summary>
public sealed record SaveScoreDraftCommand(Guid AssignmentId, IReadOnlyList<CriterionScore> Scores, int Revision) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ExpertAssignment", AssignmentId.ToString());
}

public sealed class SaveScoreDraftCommandValidator : AbstractValidator<SaveScoreDraftCommand>
{
    public SaveScoreDraftCommandValidator()
    {
        RuleFor(c => c.Scores).Must(s => s.Count <= 50).WithErrorCode("Sheet.TooManyCriteria");
        RuleForEach(c => c.Scores).Must(s => s.Justification is null || !ValidationExtensions.HasMarkup(s.Justification)).WithErrorCode("Validation.NoMarkup");
    }
}

public sealed class SaveScoreDraftCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<CallOptions> options)
    : ICommandHandler<SaveScoreDraftCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SaveScoreDraftCommand command, CancellationToken cancellationToken)
    {
        var a = await AssignmentAccess.FindOwnAsync(db, user, command.AssignmentId, cancellationToken);
        if (a is null || a.Status is not (AssignmentStatus.Accepted))
        {
            return Result<int>.NotFound();
        }

        if (a.SheetRevision != command.Revision && a.SheetStatus != SheetStatus.Submitted)
        {
            return Result<int>.Conflict("Rule.SheetChangedElsewhere");
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, cancellationToken);
        var policy = options.Value.Policy();
        var problems = ExpertAssignment.Problems(call.Criteria, command.Scores, policy, forSubmission: false);
        if (problems.Count > 0 && a.SheetStatus != SheetStatus.Submitted)
        {
            return Result<int>.Failure(ResultStatus.Invalid, AssignmentAccess.Errors(problems));
        }

        a.SaveDraft(call, command.Scores, command.Revision, policy, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? a.SheetRevision : Result<int>.Conflict("Rule.SheetChangedElsewhere");
    }
}
