using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.IsCallOfOwnBody;

/// <summary>
/// Whether a call belongs to the state body the signed-in official or observer acts for. Every staff route that takes a
/// call id asks this first (one filter on the Organizer and Observer areas), so another body's call is 404 everywhere,
/// whatever the use case behind the route checks on its own.
/// </summary>
public sealed record IsCallOfOwnBodyQuery(Guid CallId) : IQuery<bool>;

public sealed class IsCallOfOwnBodyQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<IsCallOfOwnBodyQuery, bool>
{
    public async ValueTask<bool> Handle(IsCallOfOwnBodyQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !(user.IsInRole(Roles.Official) || user.IsInRole(Roles.Observer)))
        {
            return false;
        }

        var id = new CallId(query.CallId);
        var bodyId = new StateBodyId(body);
        return await db.Calls.AsNoTracking().AnyAsync(c => c.Id == id && c.StateBodyId == bodyId, cancellationToken);
    }
}
