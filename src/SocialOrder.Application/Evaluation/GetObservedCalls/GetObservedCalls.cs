using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.GetObservedCalls;

public sealed record ObservedCallRow(Guid Id, string ReferenceNumber, Domain.Common.LocalizedText Title, CallPhase Phase, decimal Budget, DateTimeOffset? ClosesAt);

/// <summary>A Public Council observer's list of their state body's published calls (drafts are not shown).</summary>
public sealed record GetObservedCallsQuery(int Page = 1) : IQuery<PagedList<ObservedCallRow>>;

public sealed class GetObservedCallsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetObservedCallsQuery, PagedList<ObservedCallRow>>
{
    public async ValueTask<PagedList<ObservedCallRow>> Handle(GetObservedCallsQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Observer))
        {
            return new PagedList<ObservedCallRow>([], page, size, 0);
        }

        var bodyId = new StateBodyId(body);
        var calls = db.Calls.AsNoTracking().Where(c => c.StateBodyId == bodyId && c.Status != CallStatus.Draft);
        var total = await calls.CountAsync(cancellationToken);
        var rows = await calls.OrderByDescending(c => c.ClosesAt).Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.ReferenceNumber, c.Title, c.Status, c.OpensAt, c.ClosesAt, c.Budget }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new PagedList<ObservedCallRow>(
            rows.Select(r => new ObservedCallRow(r.Id.Value, r.ReferenceNumber, r.Title, CallPhases.Of(r.Status, r.OpensAt, r.ClosesAt, now), r.Budget, r.ClosesAt)).ToList(),
            page, size, total);
    }
}
