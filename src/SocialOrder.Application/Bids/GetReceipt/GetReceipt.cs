using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids.GetReceipt;

/// <summary>A submission receipt, for members of the organization only.</summary>
public sealed record GetReceiptQuery(Guid SubmissionId) : IQuery<ReceiptView?>;

public sealed class GetReceiptQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetReceiptQuery, ReceiptView?>
{
    public async ValueTask<ReceiptView?> Handle(GetReceiptQuery query, CancellationToken cancellationToken) =>
        await ReceiptReader.ReadAsync(db, user, query.SubmissionId, cancellationToken);
}
