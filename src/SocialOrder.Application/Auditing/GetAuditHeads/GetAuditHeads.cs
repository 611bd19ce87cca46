using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;

namespace SocialOrder.Application.Auditing.GetAuditHeads;

public sealed record AuditHeadRow(long Sequence, string Hash, DateTimeOffset PublishedAt);

/// <summary>The published heads of the audit chain, newest first: public, so anyone can keep copies and compare later.</summary>
public sealed record GetAuditHeadsQuery(int Page, int PageSize = Paging.MaxPageSize) : IQuery<PagedList<AuditHeadRow>>;

public sealed class GetAuditHeadsQueryHandler(IAppDbContext db) : IQueryHandler<GetAuditHeadsQuery, PagedList<AuditHeadRow>>
{
    public async ValueTask<PagedList<AuditHeadRow>> Handle(GetAuditHeadsQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var total = await db.AuditHeads.CountAsync(cancellationToken);
        var items = await db.AuditHeads.AsNoTracking()
            .OrderByDescending(h => h.PublishedAt).ThenByDescending(h => h.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(h => new AuditHeadRow(h.Sequence, h.Hash, h.PublishedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditHeadRow>(items, page, size, total);
    }
}
