using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.GetCopySources;

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
