using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Verification;

/// <summary>The register of issued PDFs, for documents rendered when they are asked for (a receipt) rather than stored.</summary>
public static class IssuedDocuments
{
    /// <summary>
    /// Registers the bytes just issued unless the same bytes are registered already; two simultaneous downloads of one
    /// receipt both leave exactly one row (the unique index refuses the second, which is then forgotten).
    /// </summary>
    public static async Task RecordAsync(IAppDbContext db, IssuedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        if (await db.IssuedDocuments.AnyAsync(d => d.FileSha256 == document.FileSha256, cancellationToken))
        {
            return;
        }

        db.IssuedDocuments.Add(document);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            db.IssuedDocuments.Entry(document).State = EntityState.Detached;
        }
    }
}
