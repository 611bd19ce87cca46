using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Organizations.GetOrganizationsForAdmin;

public sealed record AdminOrganizationItem(Guid Id, LocalizedText Name, string Bin, int RegionId, int Members, DateTimeOffset CreatedAt);

/// <summary>Every registered organization for an administrator, searched by name or BIN, a page at a time (ADR 31).</summary>
public sealed record GetOrganizationsForAdminQuery(string? Search, int Page, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AdminOrganizationItem>?>;

public sealed class GetOrganizationsForAdminQueryHandler(IAppDbContext db, ICurrentUser user)
    : IQueryHandler<GetOrganizationsForAdminQuery, PagedList<AdminOrganizationItem>?>
{
    public async ValueTask<PagedList<AdminOrganizationItem>?> Handle(GetOrganizationsForAdminQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return null;
        }

        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var organizations = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var lower = term.ToLowerInvariant();
            var bin = Bin.FromTrusted(term);
            organizations = organizations.Where(o => o.Bin == bin
                || o.Name.Ru.ToLower().Contains(lower) || o.Name.Kk.ToLower().Contains(lower) || (o.Name.En != null && o.Name.En.ToLower().Contains(lower)));
        }

        var total = await organizations.CountAsync(cancellationToken);
        var items = await organizations
            .OrderBy(o => o.Name.Ru).ThenBy(o => o.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(o => new { o.Id, o.Name, o.Bin, o.RegionId, Members = o.Members.Count, o.CreatedAt })
            .ToListAsync(cancellationToken);
        return new PagedList<AdminOrganizationItem>(
            items.Select(o => new AdminOrganizationItem(o.Id.Value, o.Name, o.Bin.Value, o.RegionId.Value, o.Members, o.CreatedAt)).ToList(), page, size, total);
    }
}
