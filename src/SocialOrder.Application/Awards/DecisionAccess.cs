using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Calls;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Awards;

internal static class DecisionAccess
{
    public static async Task<AwardDecision?> FindOwnDraftAsync(IAppDbContext db, ICurrentUser user, Guid callId, CancellationToken cancellationToken)
    {
        if (await db.FindOwnCallAsync(user, callId, cancellationToken) is null)
        {
            return null;
        }

        var id = new CallId(callId);
        return await db.AwardDecisions.SingleOrDefaultAsync(d => d.CallId == id, cancellationToken);
    }
}
