using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;

namespace SocialOrder.Application.Auditing.GetAuditEvents;

public sealed record AuditEventRow(
    long Id, DateTimeOffset OccurredAt, string? ActorName, string Action, string? EntityType, string? EntityId,
    string Outcome, string? Details, long? Sequence, string? Hash);

public sealed record GetAuditEventsQuery(string? Action, string? Actor, string? Outcome, int Page, int PageSize = 50)
    : IQuery<PagedList<AuditEventRow>>;

public sealed class GetAuditEventsQueryHandler(IAppDbContext db) : IQueryHandler<GetAuditEventsQuery, PagedList<AuditEventRow>>
{
    public async ValueTask<PagedList<AuditEventRow>> Handle(GetAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            events = events.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            events = events.Where(e => e.ActorName == query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Outcome))
        {
            events = events.Where(e => e.Outcome == query.Outcome);
        }

        var total = await events.CountAsync(cancellationToken);
        var items = await events
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(e => new AuditEventRow(e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Outcome, e.Details, e.Sequence, e.Hash))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditEventRow>(items, page, size, total);
    }
}
