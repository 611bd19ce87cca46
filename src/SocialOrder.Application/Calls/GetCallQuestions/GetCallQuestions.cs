using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.GetCallQuestions;

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
