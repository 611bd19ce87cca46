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

namespace SocialOrder.Application.Bids.WithdrawBid;

public sealed record WithdrawBidCommand(Guid BidId) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class WithdrawBidCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<WithdrawBidCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawBidCommand c, CancellationToken cancellationToken)
    {
        var owned = await db.FindOwnBidAsync(user, c.BidId, cancellationToken, track: false);
        if (owned is null)
        {
            return Result.NotFound();
        }

        await using (await db.BeginTransactionAsync(cancellationToken))
        {
            var call = await db.LockCallAsync(owned.CallId, cancellationToken);
            var bid = await db.LockBidAsync(owned.Id, cancellationToken);
            bid!.Withdraw(call!, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await db.CommitAsync(cancellationToken);
        }

        return Result.Success();
    }
}
