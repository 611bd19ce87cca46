using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Calls;

public readonly record struct ClarificationId(Guid Value)
{
    public static ClarificationId New() => new(Guid.CreateVersion7());
}

/// <summary>An applicant's question on a published call and the official's public answer (the asker stays anonymous).</summary>
public sealed class Clarification : Entity
{
    private Clarification()
    {
        Question = string.Empty;
    }

    public ClarificationId Id { get; private set; }

    public CallId CallId { get; private set; }

    public Guid AskedBy { get; private set; }

    public string Question { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    /// <summary>Answers given before the current one, oldest first: a published answer is never silently rewritten.</summary>
    public IReadOnlyList<EarlierAnswer> EarlierAnswers { get; private set; } = [];

    public bool IsEdited => EarlierAnswers.Count > 0;

    /// <summary>When the question was first answered; the public sees "edited" when the current answer is later.</summary>
    public DateTimeOffset? FirstAnsweredAt { get; private set; }

    public static Clarification Ask(Call call, Guid askedBy, string question, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        CheckRule(new QuestionsOnlyWhileCallIsOpenOrUpcomingRule(call.PhaseAt(now)));
        return new Clarification
        {
            Id = ClarificationId.New(),
            CallId = call.Id,
            AskedBy = askedBy,
            Question = question.Trim(),
            AskedAt = now,
        };
    }

    public void AnswerWith(string answer, Guid officialId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        if (Answer is not null && AnsweredAt is { } at && AnsweredBy is { } by)
        {
            if (string.Equals(Answer, answer.Trim(), StringComparison.Ordinal))
            {
                return;
            }

            EarlierAnswers = [.. EarlierAnswers, new EarlierAnswer(Answer, at, by)];
        }

        Answer = answer.Trim();
        FirstAnsweredAt ??= now;
        AnsweredAt = now;
        AnsweredBy = officialId;
    }
}

public sealed record EarlierAnswer(string Text, DateTimeOffset AnsweredAt, Guid AnsweredBy);

public sealed class QuestionsOnlyWhileCallIsOpenOrUpcomingRule(CallPhase phase) : IBusinessRule
{
    public bool IsBroken() => phase is not (CallPhase.Upcoming or CallPhase.Open);

    public string MessageKey => "Rule.QuestionsOnlyBeforeDeadline";
}
