using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.AnswerQuestion;

/// <summary>An official of the call's state body answers; the answer is published on the call page.</summary>
public sealed record AnswerQuestionCommand(Guid QuestionId, string Answer) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Clarification", QuestionId.ToString());
}

public sealed class AnswerQuestionCommandValidator : AbstractValidator<AnswerQuestionCommand>
{
    public AnswerQuestionCommandValidator() => RuleFor(c => c.Answer).NotEmpty().MaximumLength(8000).NoMarkup();
}

public sealed class AnswerQuestionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IPublicPageCache pages)
    : ICommandHandler<AnswerQuestionCommand, Result>
{
    public async ValueTask<Result> Handle(AnswerQuestionCommand command, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId || user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return Result.NotFound();
        }

        var questionId = new ClarificationId(command.QuestionId);
        var bodyId = new StateBodyId(body);
        var question = await (from q in db.Clarifications
                              join c in db.Calls on q.CallId equals c.Id
                              where q.Id == questionId && c.StateBodyId == bodyId
                              select q).SingleOrDefaultAsync(cancellationToken);
        if (question is null)
        {
            return Result.NotFound();
        }

        question.AnswerWith(command.Answer, userId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        // The answer is shown on the call's public page.
        await pages.CallChangedAsync(question.CallId.Value, cancellationToken);
        return Result.Success();
    }
}
