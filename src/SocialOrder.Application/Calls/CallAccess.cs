using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls;

/// <summary>An official reaches only the calls of their own state body; anyone else's call does not exist for them (404).</summary>
internal static class CallAccess
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

    /// <summary>The call (read-only), if the current user is an official of its state body; otherwise null.</summary>
    public static Task<Call?> FindOwnCallAsync(this IAppDbContext db, ICurrentUser user, Guid callId, CancellationToken cancellationToken) =>
        db.FindOwnAsync(user, callId, cancellationToken, track: false);
}
