using System.Net;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Calls.Subscriptions;

/// <summary>Subscription e-mails in the subscriber's language; every one carries the unsubscribe link.</summary>
internal static class SubscriptionEmails
{
    public static EmailMessage Confirmation(string to, string culture, LocalizedText? region, LocalizedText? area, string confirmLink, string unsubscribeLink)
    {
        var (subject, intro, action, ignore) = culture switch
        {
            "kk" => (
                "SocialOrder: жаңа конкурстар туралы хабарламаға жазылуды растаңыз",
                "Сіз (немесе басқа біреу) осы мекенжайды жаңа конкурстар туралы хабарламаларға жаздыңыз:",
                "Жазылуды растау үшін сілтемені ашып, батырманы басыңыз:",
                "Егер сіз жазылмаған болсаңыз, бұл хатты елемеңіз: растамасаңыз, хат келмейді."),
            "en" => (
                "SocialOrder: confirm your subscription to new calls",
                "You (or someone else) subscribed this address to notices of new calls:",
                "To confirm, open the link and press the button:",
                "If you did not subscribe, ignore this e-mail: nothing will be sent unless you confirm."),
            _ => (
                "SocialOrder: подтвердите подписку на новые конкурсы",
                "Вы (или кто-то другой) подписали этот адрес на уведомления о новых конкурсах:",
                "Чтобы подтвердить подписку, откройте ссылку и нажмите кнопку:",
                "Если вы не подписывались, просто проигнорируйте это письмо: без подтверждения писем не будет."),
        };
        var body =
            $"<p>{Encode(intro)}</p><p><strong>{Encode(Criteria(culture, region, area))}</strong></p>" +
            $"<p>{Encode(action)}</p>{Link(confirmLink)}<p>{Encode(ignore)}</p>" + Footer(culture, unsubscribeLink);
        return new EmailMessage(to, subject, body);
    }

    public static EmailMessage NewCall(
        string to, string culture, string referenceNumber, LocalizedText title, LocalizedText stateBody,
        decimal budget, DateTimeOffset? closesAt, string callLink, string unsubscribeLink)
    {
        var (subject, intro, budgetLabel, deadlineLabel, bodyLabel) = culture switch
        {
            "kk" => ("SocialOrder: жаңа конкурс", "Сіздің жазылымыңызға сәйкес жаңа конкурс жарияланды:", "Бюджет", "Өтінімдер қабылдаудың соңғы мерзімі (Қазақстан уақыты)", "Мемлекеттік орган"),
            "en" => ("SocialOrder: new call", "A new call matching your subscription has been published:", "Budget", "Applications close (Kazakhstan time)", "State body"),
            _ => ("SocialOrder: новый конкурс", "Опубликован новый конкурс по вашей подписке:", "Бюджет", "Приём заявок до (время Казахстана)", "Государственный орган"),
        };
        var name = title.For(culture);
        var deadline = closesAt is { } c ? KazakhstanTime.ToLocal(c).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var body =
            $"<p>{Encode(intro)}</p><p><strong>{Encode(referenceNumber)} · {Encode(name)}</strong></p>" +
            $"<p>{Encode(bodyLabel)}: {Encode(stateBody.For(culture))}<br>{Encode(budgetLabel)}: {Encode(Money.Kzt(budget).ToString())}<br>" +
            $"{Encode(deadlineLabel)}: {Encode(deadline)}</p>{Link(callLink)}" + Footer(culture, unsubscribeLink);
        return new EmailMessage(to, $"{subject}: {referenceNumber}", body);
    }

    private static string Criteria(string culture, LocalizedText? region, LocalizedText? area)
    {
        var (regionLabel, areaLabel, any) = culture switch
        {
            "kk" => ("Өңір", "Басым бағыт", "кез келген"),
            "en" => ("Region", "Priority area", "any"),
            _ => ("Регион", "Приоритетное направление", "любое"),
        };
        return $"{regionLabel}: {region?.For(culture) ?? any}; {areaLabel}: {area?.For(culture) ?? any}";
    }

    private static string Footer(string culture, string unsubscribeLink)
    {
        var text = culture switch
        {
            "kk" => "Хабарламалардан бас тарту:",
            "en" => "To stop these e-mails, unsubscribe:",
            _ => "Отказаться от уведомлений:",
        };
        return $"<hr><p><small>{Encode(text)} <a href=\"{Encode(unsubscribeLink)}\">{Encode(unsubscribeLink)}</a></small></p>";
    }

    private static string Link(string link) => $"<p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
