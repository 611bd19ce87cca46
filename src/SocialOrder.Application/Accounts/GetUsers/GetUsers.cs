using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;

namespace SocialOrder.Application.Accounts.GetUsers;

public sealed record GetUsersQuery(string? Search, string? Role, bool PendingExpertsOnly, int Page, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<UserSummary>>;

public sealed class GetUsersQueryHandler(IAppDbContext db) : IQueryHandler<GetUsersQuery, PagedList<UserSummary>>
{
    public async ValueTask<PagedList<UserSummary>> Handle(GetUsersQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var users = db.QueryUsers(query.Role);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            users = users.Where(u => u.Email.ToLower().Contains(term) || u.FullName.ToLower().Contains(term));
        }

        if (query.PendingExpertsOnly)
        {
            users = users.Where(u => u.ExpertCandidacy == "Pending");
        }

        var total = await users.CountAsync(cancellationToken);
        var items = await users
            .OrderBy(u => u.Email)
            .Skip((page - 1) * size)
            .Take(size)
            .ToListAsync(cancellationToken);
        return new PagedList<UserSummary>(items, page, size, total);
    }
}
