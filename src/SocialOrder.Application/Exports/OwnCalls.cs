using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Exports;

/// <summary>The exports' one access rule: an official, and (for a call's lists) a call of the official's own state body.</summary>
internal static class OwnCalls
{
    public static StateBodyId? BodyOf(ICurrentUser user) =>
        user.StateBodyId is { } body && user.IsInRole(Roles.Official) ? new StateBodyId(body) : null;

    public static async Task<Call?> FindAsync(IAppDbContext db, ICurrentUser user, Guid callId, CancellationToken cancellationToken)
    {
        if (BodyOf(user) is not { } bodyId)
        {
            return null;
        }

        var id = new CallId(callId);
        return await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.StateBodyId == bodyId, cancellationToken);
    }
}
