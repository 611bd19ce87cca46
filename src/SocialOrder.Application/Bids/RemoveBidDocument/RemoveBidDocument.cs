using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.RemoveBidDocument;

public sealed record RemoveBidDocumentCommand(Guid BidId, int DocumentIndex) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class RemoveBidDocumentCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<RemoveBidDocumentCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveBidDocumentCommand c, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, c.BidId, cancellationToken);
        if (bid is null)
        {
            return Result.NotFound();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(x => x.Id == bid.CallId, cancellationToken);
        bid.Detach(call, c.DocumentIndex, user.Id!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
