using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Bids.StartBid;

/// <summary>"Apply": one bid per organization per call; a second attempt opens the existing one.</summary>
public sealed record StartBidCommand(Guid CallId, Guid OrganizationId) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId.ToString());
}

public sealed class StartBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<StartBidCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(StartBidCommand c, CancellationToken cancellationToken)
    {
        var organizationId = new OrganizationId(c.OrganizationId);
        if (!await db.IsMemberAsync(user, organizationId, cancellationToken))
        {
            return Result<Guid>.NotFound();
        }

        var callId = new CallId(c.CallId);
        var existing = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.OrganizationId == organizationId).Select(b => (Guid?)b.Id.Value).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == callId && x.Status != CallStatus.Draft, cancellationToken);
        if (call is null)
        {
            return Result<Guid>.NotFound();
        }

        var bid = Bid.Start(call, organizationId, user.Id!.Value, time.GetUtcNow());
        db.Bids.Add(bid);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            var raced = await db.Bids.AsNoTracking().Where(b => b.CallId == callId && b.OrganizationId == organizationId).Select(b => (Guid?)b.Id.Value).SingleOrDefaultAsync(cancellationToken);
            if (raced is { } racedId)
            {
                return racedId;
            }

            throw;
        }

        return bid.Id.Value;
    }
}
