using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Appeals.GetCallAppeals;

public sealed record CallAppealsPage(
    Guid CallId, string Reference, LocalizedText Title, DateTimeOffset? PublishedAt, DateTimeOffset? WindowClosesAt, int ProtocolVersion, bool DecisionReopened,
    bool CanAnswer, PagedList<AppealView> Appeals);

/// <summary>The complaints of a call for the officials (who answer) and observers (who read) of its state body; another body's call is 404.</summary>
public sealed record GetCallAppealsQuery(Guid CallId, int Page = 1) : IQuery<Result<CallAppealsPage>>;

public sealed class GetCallAppealsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<AppealOptions> options)
    : IQueryHandler<GetCallAppealsQuery, Result<CallAppealsPage>>
{
    public async ValueTask<Result<CallAppealsPage>> Handle(GetCallAppealsQuery query, CancellationToken cancellationToken)
    {
        var official = user.IsInRole(Roles.Official);
        if (user.StateBodyId is not { } body || !(official || user.IsInRole(Roles.Observer)))
        {
            return Result<CallAppealsPage>.NotFound();
        }

        var callId = new CallId(query.CallId);
        var bodyId = new StateBodyId(body);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId && c.StateBodyId == bodyId)
            .Select(c => new { c.ReferenceNumber, c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return Result<CallAppealsPage>.NotFound();
        }

        var decision = await db.AwardDecisions.AsNoTracking().Where(d => d.CallId == callId)
            .Select(d => new { d.Status, d.ProtocolVersion }).SingleOrDefaultAsync(cancellationToken);
        var results = await AppealWindow.PublishedResultsAsync(db, options.Value, callId, cancellationToken);
        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        var appeals = db.Appeals.AsNoTracking().Where(a => a.CallId == callId);
        var total = await appeals.CountAsync(cancellationToken);
        var rows = await (from a in appeals
                          join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                          orderby a.FiledAt
                          select new { Appeal = a, o.Name, o.Bin }).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new CallAppealsPage(
            query.CallId, call.ReferenceNumber, call.Title, results?.PublishedAt, results?.WindowClosesAt, decision?.ProtocolVersion ?? 0,
            decision is { Status: DecisionStatus.Draft, ProtocolVersion: > 0 }, official,
            new PagedList<AppealView>([.. rows.Select(r => AppealProjection.View(r.Appeal, r.Name, r.Bin.Value, now))], page, size, total));
    }
}
