using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Calls.GetManagedCall;

public sealed record ManagedCall(
    Call Call, CallPhase Phase, IReadOnlyList<PublishProblem> PublishProblems, IReadOnlyList<PublishProblem>? PublishWarnings = null, StandardLink? Standard = null);

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
        var linked = await db.LinkedAsync(call, cancellationToken);
        if (call.Status != CallStatus.Draft)
        {
            return new ManagedCall(call, call.PhaseAt(now), [], [], CallStandards.Link(linked));
        }

        var requirement = await db.RequirementAsync(call, linked, cancellationToken);
        return new ManagedCall(call, call.PhaseAt(now), call.PublishProblems(now, requirement), call.PublishWarnings(linked), CallStandards.Link(linked));
    }
}
