using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.AskQuestion;

/// <summary>An applicant asks a question on a published call; refused once the deadline has passed.</summary>
public sealed record AskQuestionCommand(Guid CallId, string Question) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class AskQuestionCommandValidator : AbstractValidator<AskQuestionCommand>
{
    public AskQuestionCommandValidator() => RuleFor(c => c.Question).NotEmpty().MaximumLength(4000).NoMarkup();
}

public sealed class AskQuestionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<AskQuestionCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AskQuestionCommand command, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId || !user.IsInRole(Roles.Applicant))
        {
            return Result<Guid>.Forbidden();
        }

        var id = new CallId(command.CallId);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status != CallStatus.Draft, cancellationToken);
        if (call is null)
        {
            return Result<Guid>.NotFound();
        }

        var question = Clarification.Ask(call, userId, command.Question, time.GetUtcNow());
        db.Clarifications.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return question.Id.Value;
    }
}
