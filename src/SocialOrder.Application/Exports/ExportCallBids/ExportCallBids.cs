using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Exports.ExportCallBids;

public sealed record CallBidExportRow(
    string ReceiptNumber, string Bin, LocalizedText Organization, DateTimeOffset SubmittedAt, int Version, decimal RequestedAmount, string ContentSha256, bool? Eligible, string? EligibilityReason);

/// <summary>
/// The submitted bids of a call of the official's body, with the version that counts, as on the call's page: only once
/// the deadline has passed (null before it, and for anyone else's call: the page answers 404).
/// </summary>
public sealed record ExportCallBidsQuery(Guid CallId) : IQuery<IAsyncEnumerable<CallBidExportRow>?>;

public sealed class ExportCallBidsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<ExportCallBidsQuery, IAsyncEnumerable<CallBidExportRow>?>
{
    public async ValueTask<IAsyncEnumerable<CallBidExportRow>?> Handle(ExportCallBidsQuery query, CancellationToken cancellationToken)
    {
        var call = await OwnCalls.FindAsync(db, user, query.CallId, cancellationToken);
        if (call is null || call.ClosesAt is not { } closes || time.GetUtcNow() < closes)
        {
            return null;
        }

        return Rows(call.Id, cancellationToken);
    }

    private async IAsyncEnumerable<CallBidExportRow> Rows(CallId callId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (from b in db.Bids.AsNoTracking()
                    join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                    join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                    where b.CallId == callId && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
                    orderby s.SubmittedAt, s.ReceiptNumber
                    select new { o.Bin, o.Name, s.ReceiptNumber, s.SubmittedAt, s.Version, s.RequestedAmount, s.ContentSha256, b.Eligibility })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new CallBidExportRow(
                r.ReceiptNumber, r.Bin.Value, r.Name, r.SubmittedAt, r.Version, r.RequestedAmount, r.ContentSha256, r.Eligibility?.Eligible, r.Eligibility?.Reason);
        }
    }
}
