using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.Clarifications;

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

/// <summary>An official of the call's state body answers; the answer is published on the call page.</summary>
public sealed record AnswerQuestionCommand(Guid QuestionId, string Answer) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Clarification", QuestionId.ToString());
}

public sealed class AnswerQuestionCommandValidator : AbstractValidator<AnswerQuestionCommand>
{
    public AnswerQuestionCommandValidator() => RuleFor(c => c.Answer).NotEmpty().MaximumLength(8000).NoMarkup();
}

public sealed class AnswerQuestionCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time)
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
        return Result.Success();
    }
}

/// <summary>A question and its current answer; <c>FirstAnsweredAt</c> differs from <c>AnsweredAt</c> when the answer was edited.</summary>
public sealed record QuestionView(Guid Id, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt, DateTimeOffset? FirstAnsweredAt = null)
{
    public bool Edited => FirstAnsweredAt is not null && FirstAnsweredAt != AnsweredAt;
}

/// <summary>Questions on a call: all of them for its officials, only answered ones (without the asker) for everyone else.</summary>
public sealed record GetCallQuestionsQuery(Guid CallId, bool AnsweredOnly) : IQuery<IReadOnlyList<QuestionView>>;

public sealed class GetCallQuestionsQueryHandler(IAppDbContext db) : IQueryHandler<GetCallQuestionsQuery, IReadOnlyList<QuestionView>>
{
    public async ValueTask<IReadOnlyList<QuestionView>> Handle(GetCallQuestionsQuery query, CancellationToken cancellationToken)
    {
        var id = new CallId(query.CallId);
        var questions = db.Clarifications.AsNoTracking().Where(q => q.CallId == id);
        if (query.AnsweredOnly)
        {
            questions = questions.Where(q => q.Answer != null);
        }

        return await questions
            .OrderBy(q => q.AskedAt)
            .Select(q => new QuestionView(q.Id.Value, q.Question, q.AskedAt, q.Answer, q.AnsweredAt, q.FirstAnsweredAt))
            .ToListAsync(cancellationToken);
    }
}
