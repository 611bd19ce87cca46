using System.Globalization;
using System.Net;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Monitoring;

/// <summary>E-mails about monitoring to the organization's members, each in the member's own language (ru when none was chosen).</summary>
internal static class MonitoringEmails
{
    public static EmailMessage CorrectiveActionRequired(string to, string culture, string number, string projectTitle, IReadOnlyList<(string Required, DateOnly DueOn)> actions, string link)
    {
        var (subject, intro, due) = culture switch
        {
            "kk" => ($"SocialOrder: {number} шарты бойынша түзету шарасы қажет", "Мониторинг сапары түзету шараларын талап етеді. Порталда жауап беріңіз:", "мерзімі"),
            "en" => ($"SocialOrder: corrective action required under agreement {number}", "A monitoring visit requires corrective action. Please answer on the portal:", "due"),
            _ => ($"SocialOrder: по договору {number} требуются корректирующие меры", "По итогам мониторингового визита требуются корректирующие меры. Ответьте на портале:", "срок"),
        };
        var items = string.Concat(actions.Select(a => $"<li>{Encode(a.Required)} ({due} {a.DueOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)})</li>"));
        return new EmailMessage(to, subject, $"<p><strong>{Encode(number)} «{Encode(projectTitle)}»</strong></p><p>{intro}</p><ul>{items}</ul><p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
