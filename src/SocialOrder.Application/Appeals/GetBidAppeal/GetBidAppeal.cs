using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Appeals.GetBidAppeal;

public sealed record BidAppealPage(
    Guid BidId, Guid CallId, string CallReference, LocalizedText CallTitle, DateTimeOffset? PublishedAt, DateTimeOffset? WindowClosesAt, bool CanFile,
    IReadOnlyList<AppealView> Appeals, int MaxDocuments, string AllowedTypes);

/// <summary>The applicant's appeal page for one of the organization's submitted bids: the window, the form, the complaints and answers.</summary>
public sealed record GetBidAppealQuery(Guid BidId) : IQuery<Result<BidAppealPage>>;

public sealed class GetBidAppealQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<AppealOptions> options)
    : IQueryHandler<GetBidAppealQuery, Result<BidAppealPage>>
{
    public async ValueTask<Result<BidAppealPage>> Handle(GetBidAppealQuery query, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, query.BidId, cancellationToken, track: false);
        if (bid is null || bid.Status != BidStatus.Submitted || bid.SubmissionCount == 0)
        {
            return Result<BidAppealPage>.NotFound();
        }

        var call = await db.Calls.AsNoTracking().Where(c => c.Id == bid.CallId).Select(c => new { c.ReferenceNumber, c.Title }).SingleAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => new { o.Name, o.Bin }).SingleAsync(cancellationToken);
        var results = await AppealWindow.PublishedResultsAsync(db, options.Value, bid.CallId, cancellationToken);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.CallId == bid.CallId && a.OrganizationId == bid.OrganizationId)
            .OrderBy(a => a.FiledAt).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var canFile = results is not null && now >= results.PublishedAt && now < results.WindowClosesAt && !appeals.Any(a => a.ProtocolVersion == results.ProtocolVersion);
        return new BidAppealPage(
            bid.Id.Value, bid.CallId.Value, call.ReferenceNumber, call.Title, results?.PublishedAt, results?.WindowClosesAt, canFile,
            [.. appeals.Select(a => AppealProjection.View(a, organization.Name, organization.Bin.Value, now))], options.Value.MaxDocuments, options.Value.AllowedTypes);
    }
}
