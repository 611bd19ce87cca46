using Microsoft.EntityFrameworkCore;

namespace SocialOrder.Application.Common.Interfaces;

public static class AppDbContextSaving
{
    /// <summary>
    /// A unique index or a concurrency token refused the save (a double click, two people at once): nothing was
    /// written, and the caller answers with a conflict instead of an error page.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
