using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.Manage;

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
                r.Id.Value, r.ReferenceNumber, r.Title, r.Status, Phase(r.Status, r.OpensAt, r.ClosesAt, now), r.Budget, r.OpensAt, r.ClosesAt, r.CreatedAt, r.OpenQuestions)).ToList(),
            page,
            size,
            total);
    }

    internal static CallPhase Phase(CallStatus status, DateTimeOffset? opens, DateTimeOffset? closes, DateTimeOffset now) => status switch
    {
        CallStatus.Draft => CallPhase.Draft,
        CallStatus.Cancelled => CallPhase.Cancelled,
        CallStatus.Awarded => CallPhase.Awarded,
        _ when now < opens => CallPhase.Upcoming,
        _ when now < closes => CallPhase.Open,
        _ => CallPhase.Closed,
    };
}

public sealed record ManagedCall(Call Call, CallPhase Phase, IReadOnlyList<PublishProblem> PublishProblems);

/// <summary>One call of the official's own state body, with what stops it from being published (null: not theirs).</summary>
public sealed record GetManagedCallQuery(Guid CallId) : IQuery<ManagedCall?>;

public sealed class GetManagedCallQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetManagedCallQuery, ManagedCall?>
{
    public async ValueTask<ManagedCall?> Handle(GetManagedCallQuery query, CancellationToken cancellationToken)
    {
        var call = await db.FindOwnAsync(user, query.CallId, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return new ManagedCall(call, call.PhaseAt(now), call.Status == CallStatus.Draft ? call.PublishProblems(now) : []);
    }
}

/// <summary>Earlier calls of the body, to copy a methodology from.</summary>
public sealed record GetCopySourcesQuery : IQuery<IReadOnlyList<(Guid Id, string ReferenceNumber, LocalizedText Title)>>;

public sealed class GetCopySourcesQueryHandler(IAppDbContext db, ICurrentUser user)
    : IQueryHandler<GetCopySourcesQuery, IReadOnlyList<(Guid Id, string ReferenceNumber, LocalizedText Title)>>
{
    public async ValueTask<IReadOnlyList<(Guid Id, string ReferenceNumber, LocalizedText Title)>> Handle(GetCopySourcesQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body)
        {
            return [];
        }

        var bodyId = new StateBodyId(body);
        var rows = await db.Calls.AsNoTracking().Where(c => c.StateBodyId == bodyId)
            .OrderByDescending(c => c.CreatedAt).Take(50)
            .Select(c => new { c.Id, c.ReferenceNumber, c.Title }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id.Value, r.ReferenceNumber, r.Title)).ToList();
    }
}
