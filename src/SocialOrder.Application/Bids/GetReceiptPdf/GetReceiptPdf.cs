using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.GetReceipt;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Verification;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Bids.GetReceiptPdf;

/// <summary>The receipt as a PDF (Kazakh and Russian), for members of the organization only.</summary>
public sealed record GetReceiptPdfQuery(Guid SubmissionId) : IQuery<DownloadedFile?>;

public sealed class GetReceiptPdfQueryHandler(IAppDbContext db, ICurrentUser user, IReceiptRenderer renderer, IPortalLinks links)
    : IQueryHandler<GetReceiptPdfQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetReceiptPdfQuery query, CancellationToken cancellationToken)
    {
        var view = await ReceiptReader.ReadAsync(db, user, query.SubmissionId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var files = await db.BidSubmissions.AsNoTracking().Where(s => s.Id == query.SubmissionId).Select(s => s.Files).SingleAsync(cancellationToken);
        var pdf = renderer.Render(new ReceiptDocument(
            view.ReceiptNumber, view.SubmittedAt, view.CallReference, view.CallTitle.Kk, view.CallTitle.Ru, view.OrganizationName.Kk, view.OrganizationName.Ru,
            view.OrganizationBin, view.BidTitle, view.Version, view.RequestedAmount, view.ContentSha256,
            files.Select(f => (f.FileName, f.Size, f.Sha256)).ToList(),
            links.Verify(view.ContentSha256)));

        // The receipt is rendered when asked for (the same data, the same bytes), so it is registered as issued here.
        var bidId = new BidId(view.BidId);
        var callId = await db.Bids.AsNoTracking().Where(b => b.Id == bidId).Select(b => b.CallId).SingleAsync(cancellationToken);
        await IssuedDocuments.RecordAsync(
            db,
            IssuedDocument.Issue(IssuedDocumentKind.BidReceipt, null, Convert.ToHexStringLower(SHA256.HashData(pdf)), view.ContentSha256, view.SubmittedAt, callId, view.ReceiptNumber),
            cancellationToken);
        return new DownloadedFile($"{view.ReceiptNumber}.pdf", "application/pdf", pdf);
    }
}
