using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Appeals;

/// <summary>A complaint filed reaches the officials of the call's body; an answer reaches the members of the organization.</summary>
internal static class AppealEmails
{
    public static async Task FiledAsync(IAppDbContext db, IEmailQueue emails, Call call, string appealsPage, CancellationToken cancellationToken)
    {
        var body = call.StateBodyId.Value;
        var addresses = await db.QueryUsers(Roles.Official).Where(u => u.StateBodyId == body).Select(u => u.Email).ToListAsync(cancellationToken);
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        foreach (var to in addresses)
        {
            emails.Enqueue(new EmailMessage(
                to, $"SocialOrder: жалоба по конкурсу {call.ReferenceNumber} / конкурс бойынша шағым",
                $"<p>{title}</p><p>Подана жалоба на процедуру конкурса; ответьте в установленный срок. Конкурс рәсіміне шағым берілді; белгіленген мерзімде жауап беріңіз.</p>" +
                $"<p><a href=\"{WebUtility.HtmlEncode(appealsPage)}\">{WebUtility.HtmlEncode(appealsPage)}</a></p>"));
        }
    }

    public static async Task AnsweredAsync(IAppDbContext db, IEmailQueue emails, Call call, OrganizationId organizationId, AppealStatus status, string myBids, CancellationToken cancellationToken)
    {
        var members = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).SelectMany(o => o.Members).Select(m => m.UserId).ToListAsync(cancellationToken);
        var addresses = await db.QueryUsers(null).Where(u => members.Contains(u.Id)).Select(u => u.Email).ToListAsync(cancellationToken);
        var title = WebUtility.HtmlEncode($"{call.ReferenceNumber} «{call.Title.Ru}» / «{call.Title.Kk}»");
        var verdict = status == AppealStatus.Upheld
            ? "Жалоба удовлетворена: комиссия пересмотрит решение. Шағым қанағаттандырылды: комиссия шешімді қайта қарайды."
            : "В удовлетворении жалобы отказано. Шағымды қанағаттандырудан бас тартылды.";
        foreach (var to in addresses)
        {
            emails.Enqueue(new EmailMessage(
                to, $"SocialOrder: ответ на жалобу по конкурсу {call.ReferenceNumber} / шағымға жауап",
                $"<p>{title}</p><p>{verdict}</p><p><a href=\"{WebUtility.HtmlEncode(myBids)}\">{WebUtility.HtmlEncode(myBids)}</a></p>"));
        }
    }
}
