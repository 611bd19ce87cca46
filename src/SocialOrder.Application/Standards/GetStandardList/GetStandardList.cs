using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.GetStandardList;

public sealed record StandardRow(Guid Id, string Code, int Version, LocalizedText Title, StandardStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

/// <summary>Every version of every standard, drafts included, for the administrator (null: not an administrator).</summary>
public sealed record GetStandardListQuery(int Page = 1) : IQuery<PagedList<StandardRow>?>;

public sealed class GetStandardListQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetStandardListQuery, PagedList<StandardRow>?>
{
    public async ValueTask<PagedList<StandardRow>?> Handle(GetStandardListQuery query, CancellationToken cancellationToken)
    {
        if (!user.MayRecordStandards())
        {
            return null;
        }

        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        var all = db.ServiceStandards.AsNoTracking();
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderBy(s => s.Code).ThenByDescending(s => s.Version)
            .Skip((page - 1) * size).Take(size)
            .Select(s => new StandardRow(s.Id.Value, s.Code, s.Version, s.Title, s.Status, s.CreatedAt, s.PublishedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<StandardRow>(rows, page, size, total);
    }
}
