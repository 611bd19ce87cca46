using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Feedback;

namespace SocialOrder.Application.Feedback;

/// <summary>
/// The public form reaches one agreement by its token and nothing else; the comments are read by the body's officials
/// and the organization's members only (observers see the summary).
/// </summary>
internal static class FeedbackAccess
{
    public static async Task<(AgreementId Id, AgreementStatus Status, string ProjectTitle, Domain.Common.LocalizedText Organization)?> ByTokenAsync(
        this IAppDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (!FeedbackChannel.IsWellFormed(token))
        {
            return null;
        }

        var found = await db.FeedbackChannels.AsNoTracking().Where(c => c.Token == token)
            .Join(db.Agreements.AsNoTracking(), c => c.AgreementId, a => a.Id, (c, a) => new { a.Id, a.Status, a.ProjectTitle, a.Parties })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || found.Status == AgreementStatus.Draft ? null : (found.Id, found.Status, found.ProjectTitle, found.Parties.OrganizationName);
    }

    /// <summary>An official of the agreement's body or a member of its organization (not an observer); else null (404).</summary>
    public static async Task<Agreement?> FindForCommentReaderAsync(this IAppDbContext db, ICurrentUser user, Guid agreementId, CancellationToken cancellationToken) =>
        await db.FindForReaderAsync(user, agreementId, cancellationToken) is { } found && found.Viewer != AgreementViewer.Observer ? found.Agreement : null;

    public static async Task<RatingSummary> SummaryAsync(this IAppDbContext db, AgreementId id, CancellationToken cancellationToken)
    {
        var counts = await db.BeneficiaryFeedback.AsNoTracking().Where(f => f.AgreementId == id)
            .GroupBy(f => f.Rating).Select(g => new { Rating = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return RatingSummary.Of(counts.Select(c => (c.Rating, c.Count)));
    }
}
