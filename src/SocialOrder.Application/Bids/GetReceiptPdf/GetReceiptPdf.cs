using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.GetReceipt;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

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
            links.BidReceipt(view.SubmissionId)));
        return new DownloadedFile($"{view.ReceiptNumber}.pdf", "application/pdf", pdf);
    }
}
