using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards;

/// <summary>Standards are recorded by administrators; the public reads published and superseded versions, never drafts.</summary>
internal static class StandardAccess
{
    public static bool MayRecordStandards(this ICurrentUser user) => user.Id is not null && user.IsInRole(Roles.Administrator);

    public static IQueryable<ServiceStandard> Public(this IAppDbContext db) =>
        db.ServiceStandards.AsNoTracking().Where(s => s.Status == StandardStatus.Published || s.Status == StandardStatus.Superseded);

    public static LocalizedText Text(string? kk, string? ru, string? en) =>
        new((kk ?? string.Empty).Trim(), (ru ?? string.Empty).Trim(), string.IsNullOrWhiteSpace(en) ? null : en.Trim());
}
