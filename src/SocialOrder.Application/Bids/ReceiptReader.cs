using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.GetReceipt;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Bids;

public sealed record ReceiptView(
    Guid SubmissionId, Guid BidId, string ReceiptNumber, int Version, DateTimeOffset SubmittedAt, string ContentSha256, decimal RequestedAmount,
    string CallReference, LocalizedText CallTitle, LocalizedText OrganizationName, string OrganizationBin, string BidTitle, bool IsLatest);

/// <summary>A submission receipt as its organization's members see it; null for anyone else.</summary>
internal static class ReceiptReader
{
    internal static async Task<ReceiptView?> ReadAsync(IAppDbContext db, ICurrentUser user, Guid submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.BidSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return null;
        }

        var bid = await db.FindOwnBidAsync(user, submission.BidId.Value, cancellationToken, track: false);
        if (bid is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().Where(c => c.Id == bid.CallId).Select(c => new { c.ReferenceNumber, c.Title }).SingleAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => new { o.Name, o.Bin }).SingleAsync(cancellationToken);
        var content = System.Text.Json.JsonDocument.Parse(submission.ContentJson).RootElement;
        return new ReceiptView(
            submission.Id, bid.Id.Value, submission.ReceiptNumber, submission.Version, submission.SubmittedAt, submission.ContentSha256, submission.RequestedAmount,
            call.ReferenceNumber, call.Title, organization.Name, organization.Bin.Value, content.GetProperty("Title").GetString() ?? string.Empty,
            submission.Version == bid.SubmissionCount);
    }
}
