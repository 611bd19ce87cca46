using System.Net;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Reports;

/// <summary>E-mails about a report to the organization's members, in Kazakh and Russian together (as the agreement's e-mails).</summary>
internal static class ReportEmails
{
    public static EmailMessage Returned(string to, string agreementNumber, int report, string link) => new(
        to,
        $"SocialOrder: отчёт № {report} по договору {agreementNumber} возвращён / есеп қайтарылды",
        $"<p><strong>{Encode(agreementNumber)} · № {report}</strong></p>" +
        "<p>Есеп ескертулермен қайтарылды: түзетіп, қайта жіберіңіз.</p>" +
        "<p>Отчёт возвращён с замечаниями: исправьте его и отправьте снова.</p>" +
        $"<p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>");

    public static EmailMessage Accepted(string to, string agreementNumber, int report, string link) => new(
        to,
        $"SocialOrder: отчёт № {report} по договору {agreementNumber} принят / есеп қабылданды",
        $"<p><strong>{Encode(agreementNumber)} · № {report}</strong></p>" +
        "<p>Есеп қабылданды. Осы есепті күткен транш төлеуге дайын.</p>" +
        "<p>Отчёт принят. Транш, ожидавший этот отчёт, подлежит выплате.</p>" +
        $"<p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>");

    public static async Task<IReadOnlyList<string>> MemberAddressesAsync(IAppDbContext db, Domain.Organizations.OrganizationId organizationId, CancellationToken cancellationToken)
    {
        var memberIds = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Organizations.Where(o => o.Id == organizationId).SelectMany(o => o.Members).Select(m => m.UserId), cancellationToken);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).Select(u => u.Email), cancellationToken);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
