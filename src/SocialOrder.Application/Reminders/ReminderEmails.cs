using System.Globalization;
using System.Net;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements.Monitoring;

namespace SocialOrder.Application.Reminders;

/// <summary>Reminder e-mails in the recipient's language: kk, en, or ru (the default, also for an account that chose none).</summary>
internal static class ReminderEmails
{
    public static EmailMessage For(DueReminder r, string to, string culture, string link)
    {
        ArgumentNullException.ThrowIfNull(r);
        var date = r.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var amount = r.Amount?.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal) ?? string.Empty;
        var (subject, text) = (r.Kind, culture) switch
        {
            (ReminderKind.ReportDueSoon, "kk") => ("есеп мерзімі 7 күннен кейін", $"№{r.Item} есепті {date} дейін тапсыру керек."),
            (ReminderKind.ReportDueSoon, "en") => ("a report is due in 7 days", $"Report No. {r.Item} is due on {date}."),
            (ReminderKind.ReportDueSoon, _) => ("срок отчёта через 7 дней", $"Отчёт № {r.Item} нужно сдать до {date}."),
            (ReminderKind.ReportDueToday, "kk") => ("есеп бүгін тапсырылуы тиіс", $"№{r.Item} есептің мерзімі бүгін, {date}."),
            (ReminderKind.ReportDueToday, "en") => ("a report is due today", $"Report No. {r.Item} is due today, {date}."),
            (ReminderKind.ReportDueToday, _) => ("срок отчёта сегодня", $"Срок сдачи отчёта № {r.Item} — сегодня, {date}."),
            (ReminderKind.ReportOverdue, "kk") => ("есеп мерзімі өтті", $"№{r.Item} есептің мерзімі {date} өтіп кетті."),
            (ReminderKind.ReportOverdue, "en") => ("a report is overdue", $"Report No. {r.Item} was due on {date} and is overdue."),
            (ReminderKind.ReportOverdue, _) => ("отчёт просрочен", $"Срок сдачи отчёта № {r.Item} ({date}) истёк."),
            (ReminderKind.TranchePaid, "kk") => ("транш төленді", $"№{r.Item} транш төленді: {amount} ₸, {date}."),
            (ReminderKind.TranchePaid, "en") => ("a tranche was paid", $"Tranche No. {r.Item} was paid: {amount} KZT on {date}."),
            (ReminderKind.TranchePaid, _) => ("транш выплачен", $"Транш № {r.Item} выплачен: {amount} ₸, {date}."),
            (ReminderKind.CorrectiveActionDue, "kk") => ("түзету шарасының мерзімі жақындады", $"Түзету шарасының мерзімі {date}: {r.What}"),
            (ReminderKind.CorrectiveActionDue, "en") => ("a corrective action is due", $"A corrective action is due on {date}: {r.What}"),
            (_, _) => ("срок корректирующей меры", $"Срок корректирующей меры — {date}: {r.What}"),
        };
        return new EmailMessage(
            to,
            $"SocialOrder: {r.Number} — {subject}",
            $"<p><strong>{Encode(r.Number)} «{Encode(r.ProjectTitle)}»</strong></p><p>{Encode(text)}</p><p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
