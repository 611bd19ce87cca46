using System.Net;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Agreements;

/// <summary>
/// E-mails about an agreement to the organization's members, in Kazakh and Russian together as the results notice is:
/// accounts carry no language of their own yet.
/// </summary>
internal static class AgreementEmails
{
    public static EmailMessage Terminated(string to, string number, string projectTitle, string reason, string link) => new(
        to,
        $"SocialOrder: договор {number} расторгнут / шарт бұзылды",
        $"<p><strong>{Encode(number)} «{Encode(projectTitle)}»</strong></p>" +
        $"<p>Шарт мемлекеттік органның шешімімен бұзылды. Төленбеген транштар жойылды.</p>" +
        $"<p>Договор расторгнут решением государственного органа. Невыплаченные транши отменены.</p>" +
        $"<p>Себебі / Причина: {Encode(reason)}</p>" +
        $"<p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
