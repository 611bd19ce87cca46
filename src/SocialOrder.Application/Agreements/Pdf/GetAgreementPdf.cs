using Mediator;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Agreements.Pdf;

/// <summary>The issued agreement's stored PDF, exactly as issued, for whoever may read the agreement; otherwise nothing (404).</summary>
public sealed record GetAgreementPdfQuery(Guid AgreementId, ProtocolLanguage Language) : IQuery<DownloadedFile?>;

public sealed class GetAgreementPdfQueryHandler(IAppDbContext db, ICurrentUser user, IFileStore files) : IQueryHandler<GetAgreementPdfQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetAgreementPdfQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.AgreementId, cancellationToken) is not { } found)
        {
            return null;
        }

        var id = query.Language == ProtocolLanguage.Kk ? found.Agreement.PdfKkFileId : found.Agreement.PdfRuFileId;
        return id is { } fileId && await files.ReadAsync(fileId, cancellationToken) is { } file
            ? new DownloadedFile(file.Info.FileName, "application/pdf", file.Content)
            : null;
    }
}
