using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.GetMyCalls;

public sealed record MyCallRow(
    Guid Id, string ReferenceNumber, LocalizedText Title, CallStatus Status, CallPhase Phase, decimal Budget,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DateTimeOffset CreatedAt, int OpenQuestions);

/// <summary>The calls of the official's state body, newest first.</summary>
public sealed record GetMyCallsQuery(int Page, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<MyCallRow>>;

public sealed class GetMyCallsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetMyCallsQuery, PagedList<MyCallRow>>
{
    public async ValueTask<PagedList<MyCallRow>> Handle(GetMyCallsQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return new PagedList<MyCallRow>([], page, size, 0);
        }

        var bodyId = new StateBodyId(body);
        var calls = db.Calls.AsNoTracking().Where(c => c.StateBodyId == bodyId);
        var total = await calls.CountAsync(cancellationToken);
        var rows = await calls
            .OrderByDescending(c => c.CreatedAt)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(c => new
            {
                c.Id, c.ReferenceNumber, c.Title, c.Status, c.Budget, c.OpensAt, c.ClosesAt, c.CreatedAt,
                OpenQuestions = db.Clarifications.Count(q => q.CallId == c.Id && q.Answer == null),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new PagedList<MyCallRow>(
            rows.Select(r => new MyCallRow(
                r.Id.Value, r.ReferenceNumber, r.Title, r.Status, CallPhases.Of(r.Status, r.OpensAt, r.ClosesAt, now), r.Budget, r.OpensAt, r.ClosesAt, r.CreatedAt, r.OpenQuestions)).ToList(),
            page,
            size,
            total);
    }
}
