using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Feedback;

namespace SocialOrder.Application.Feedback.GetFeedbackForm;

/// <summary>What the public feedback form shows: the project's title and organization, and whether it still takes feedback.</summary>
public sealed record FeedbackForm(string Token, string ProjectTitle, LocalizedText Organization, bool Open);

/// <summary>The feedback form of the agreement whose token this is (no sign-in); any other token is null (404).</summary>
public sealed record GetFeedbackFormQuery(string Token) : IQuery<FeedbackForm?>;

public sealed class GetFeedbackFormQueryHandler(IAppDbContext db) : IQueryHandler<GetFeedbackFormQuery, FeedbackForm?>
{
    public async ValueTask<FeedbackForm?> Handle(GetFeedbackFormQuery query, CancellationToken cancellationToken) =>
        await db.ByTokenAsync(query.Token, cancellationToken) is { } found
            ? new FeedbackForm(query.Token, found.ProjectTitle, found.Organization, FeedbackChannel.AcceptsFeedback(found.Status))
            : null;
}
