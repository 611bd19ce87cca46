using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.GetPublicStandards;

public sealed record PublicStandardRow(string Code, int Version, LocalizedText Title, LocalizedText? PriorityArea, decimal? UnitCostNorm, UnitCostBasis UnitCostBasis, DateTimeOffset? PublishedAt);

/// <summary>The standards in force: the published version of each code (no sign-in).</summary>
public sealed record GetPublicStandardsQuery(int Page = 1) : IQuery<PagedList<PublicStandardRow>>;

public sealed class GetPublicStandardsQueryHandler(IAppDbContext db) : IQueryHandler<GetPublicStandardsQuery, PagedList<PublicStandardRow>>
{
    public async ValueTask<PagedList<PublicStandardRow>> Handle(GetPublicStandardsQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        var current = db.ServiceStandards.AsNoTracking().Where(s => s.Status == StandardStatus.Published);
        var total = await current.CountAsync(cancellationToken);
        var rows = await current.OrderBy(s => s.Code)
            .Skip((page - 1) * size).Take(size)
            .Select(s => new PublicStandardRow(
                s.Code, s.Version, s.Title,
                db.PriorityAreas.Where(a => a.Id == s.PriorityAreaId).Select(a => a.Name).FirstOrDefault(),
                s.UnitCostNorm, s.UnitCostBasis, s.PublishedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<PublicStandardRow>(rows, page, size, total);
    }
}
