using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Feedback;

namespace SocialOrder.Application.Feedback.GetProjectFeedback;

public sealed record FeedbackRow(int Rating, string? Comment, string Culture, DateTimeOffset SubmittedAt);

public sealed record ProjectFeedback(Guid AgreementId, string AgreementNumber, string ProjectTitle, RatingSummary Summary, PagedList<FeedbackRow> Entries, bool CanPrintPoster);

/// <summary>A project's ratings and comments, for the body's officials and the organization's members (null: 404).</summary>
public sealed record GetProjectFeedbackQuery(Guid AgreementId, int Page = 1) : IQuery<ProjectFeedback?>;

public sealed class GetProjectFeedbackQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetProjectFeedbackQuery, ProjectFeedback?>
{
    public async ValueTask<ProjectFeedback?> Handle(GetProjectFeedbackQuery query, CancellationToken cancellationToken)
    {
        var agreement = await db.FindForCommentReaderAsync(user, query.AgreementId, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        var all = db.BeneficiaryFeedback.AsNoTracking().Where(f => f.AgreementId == agreement.Id);
        var summary = await db.SummaryAsync(agreement.Id, cancellationToken);
        var rows = await all.OrderByDescending(f => f.SubmittedAt).Skip((page - 1) * size).Take(size)
            .Select(f => new FeedbackRow(f.Rating, f.Comment, f.Culture, f.SubmittedAt))
            .ToListAsync(cancellationToken);
        return new ProjectFeedback(
            agreement.Id.Value, agreement.Number, agreement.ProjectTitle, summary, new PagedList<FeedbackRow>(rows, page, size, summary.Count),
            FeedbackChannel.PosterAllowed(agreement.Status));
    }
}
