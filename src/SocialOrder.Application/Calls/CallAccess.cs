using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls;

/// <summary>An official reaches only the calls of their own state body; anyone else's call does not exist for them.</summary>
internal static class OfficialCalls
{
    public static async Task<Call?> FindOwnAsync(this IAppDbContext db, ICurrentUser user, Guid callId, CancellationToken cancellationToken, bool track = true)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var id = new CallId(callId);
        var bodyId = new StateBodyId(body);
        var calls = track ? db.Calls : db.Calls.AsNoTracking();
        return await calls.SingleOrDefaultAsync(c => c.Id == id && c.StateBodyId == bodyId, cancellationToken);
    }
}
