using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Verification;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Reports.GetReportReceiptPdf;

/// <summary>
/// The receipt of a submitted version as a PDF in Kazakh or Russian, with the report's content, for whoever may read the
/// report. Rendered when asked (the same version, the same bytes) and registered as issued, so /Verify recognises it.
/// </summary>
public sealed record GetReportReceiptPdfQuery(Guid ReportId, int Version, ProtocolLanguage Language) : IQuery<DownloadedFile?>;

public sealed class GetReportReceiptPdfQueryHandler(IAppDbContext db, ICurrentUser user, IReportRenderer renderer, IPortalLinks links)
    : IQueryHandler<GetReportReceiptPdfQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetReportReceiptPdfQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.ReportId, cancellationToken) is not { } found
            || found.Report.Versions.SingleOrDefault(v => v.Number == query.Version) is not { } version)
        {
            return null;
        }

        var r = found.Report;
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == r.AgreementId).Select(a => new { a.Parties, a.ProjectTitle }).SingleAsync(cancellationToken);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == r.CallId).Select(c => c.ReferenceNumber).SingleAsync(cancellationToken);
        var pdf = renderer.Render(
            new ReportReceiptDocument(
                version.ReceiptNumber, version.SubmittedAt, r.AgreementNumber, call, agreement.Parties.OrganizationName, agreement.Parties.OrganizationBin,
                agreement.ProjectTitle, r.Number, r.Kind, r.DueOn, version.Number, version.Content, version.Sha256, links.Verify(version.Sha256)),
            query.Language);
        var language = query.Language == ProtocolLanguage.Kk ? "kk" : "ru";
        await IssuedDocuments.RecordAsync(
            db,
            IssuedDocument.Issue(IssuedDocumentKind.ReportReceipt, language, Convert.ToHexStringLower(SHA256.HashData(pdf)), version.Sha256, version.SubmittedAt, r.CallId, version.ReceiptNumber),
            cancellationToken);
        return new DownloadedFile($"{version.ReceiptNumber}-{language}.pdf", "application/pdf", pdf);
    }
}
