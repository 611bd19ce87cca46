using Mediator;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Feedback;

namespace SocialOrder.Application.Feedback.GetFeedbackSummary;

public sealed record FeedbackSummary(Guid AgreementId, RatingSummary Ratings, bool CanReadComments, bool CanPrintPoster);

/// <summary>The ratings summary on a project page, for whoever reads the agreement (observers included, without comments).</summary>
public sealed record GetFeedbackSummaryQuery(Guid AgreementId) : IQuery<FeedbackSummary?>;

public sealed class GetFeedbackSummaryQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetFeedbackSummaryQuery, FeedbackSummary?>
{
    public async ValueTask<FeedbackSummary?> Handle(GetFeedbackSummaryQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.AgreementId, cancellationToken) is not { } found)
        {
            return null;
        }

        var readsComments = found.Viewer != AgreementViewer.Observer;
        return new FeedbackSummary(
            found.Agreement.Id.Value, await db.SummaryAsync(found.Agreement.Id, cancellationToken), readsComments,
            readsComments && FeedbackChannel.PosterAllowed(found.Agreement.Status));
    }
}
