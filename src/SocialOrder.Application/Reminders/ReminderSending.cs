using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Application.Reminders;

/// <summary>One reminder that is due: its once-only key (kind, agreement, item) and what its e-mail says.</summary>
public sealed record DueReminder(
    ReminderKind Kind, AgreementId AgreementId, string Item, OrganizationId OrganizationId, string Number, string ProjectTitle, DateOnly Date,
    string? What = null, decimal? Amount = null);

/// <summary>
/// Which reminders are due today and putting them in the outbox, each with its <see cref="SentReminder"/> row. The caller
/// saves both in one transaction (the reminder job under an advisory lock; the unique key is the backstop), so a reminder
/// is sent once, whichever node runs and however often.
/// </summary>
public static class ReminderSending
{
    /// <summary>How many days before its due date an unanswered corrective action is reminded of.</summary>
    public const int ActionReminderDays = 3;

    public const int ReportReminderDays = 7;

    public static async Task<IReadOnlyList<DueReminder>> DueAsync(IAppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = new List<DueReminder>();
        var horizon = today.AddDays(ReportReminderDays);
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Accepted && a.Term.Start <= horizon)
            .Select(a => new { a.Id, a.Number, a.ProjectTitle, a.OrganizationId, a.Reports })
            .ToListAsync(cancellationToken);
        foreach (var a in agreements)
        {
            foreach (var r in a.Reports.Where(r => !r.IsAccepted))
            {
                var days = r.DueOn.DayNumber - today.DayNumber;
                ReminderKind? kind = days switch
                {
                    > ReportReminderDays => null,
                    > 0 => ReminderKind.ReportDueSoon,
                    0 => ReminderKind.ReportDueToday,
                    _ => ReminderKind.ReportOverdue,
                };
                if (kind is { } k)
                {
                    due.Add(new DueReminder(k, a.Id, r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), a.OrganizationId, a.Number, a.ProjectTitle, r.DueOn));
                }
            }
        }

        var actionHorizon = today.AddDays(ActionReminderDays);
        var visits = await (from v in db.MonitoringVisits.AsNoTracking()
                            join a in db.Agreements.AsNoTracking() on v.AgreementId equals a.Id
                            where v.OpenActions > 0 && v.NextActionDueOn <= actionHorizon
                                  && (a.Status == AgreementStatus.Issued || a.Status == AgreementStatus.Accepted)
                            select new { v.Id, v.AgreementId, v.Findings, a.Number, a.ProjectTitle, a.OrganizationId })
            .ToListAsync(cancellationToken);
        foreach (var v in visits)
        {
            foreach (var f in v.Findings.Where(f => f.Action is { Status: CorrectiveActionStatus.Open } x && x.DueOn <= actionHorizon))
            {
                due.Add(new DueReminder(
                    ReminderKind.CorrectiveActionDue, v.AgreementId, $"{v.Id.Value:N}/{f.Number}", v.OrganizationId, v.Number, v.ProjectTitle, f.Action!.DueOn, f.Action.Required));
            }
        }

        return due;
    }

    /// <summary>Queues the e-mails of every due reminder not yet sent and records it as sent; returns how many were new. The caller saves.</summary>
    public static async Task<int> QueueNewAsync(
        IAppDbContext db, IEmailQueue emails, IPortalLinks links, IReadOnlyList<DueReminder> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(d => d.AgreementId).Distinct().ToList();
        var sent = (await db.SentReminders.AsNoTracking().Where(s => ids.Contains(s.AgreementId)).Select(s => new { s.Kind, s.AgreementId, s.Item }).ToListAsync(cancellationToken))
            .Select(s => (s.Kind, s.AgreementId, s.Item)).ToHashSet();
        var members = new Dictionary<OrganizationId, List<(string Email, string Culture)>>();
        var count = 0;
        foreach (var r in due.Where(d => !sent.Contains((d.Kind, d.AgreementId, d.Item))))
        {
            if (!members.TryGetValue(r.OrganizationId, out var people))
            {
                people = await MembersAsync(db, r.OrganizationId, cancellationToken);
                members[r.OrganizationId] = people;
            }

            Queue(db, emails, links, r, people, now);
            sent.Add((r.Kind, r.AgreementId, r.Item));
            count++;
        }

        return count;
    }

    public static void Queue(IAppDbContext db, IEmailQueue emails, IPortalLinks links, DueReminder r, IReadOnlyList<(string Email, string Culture)> people, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(people);
        db.SentReminders.Add(SentReminder.Of(r.Kind, r.AgreementId, r.Item, now));
        var link = links.MyProject(r.AgreementId.Value);
        foreach (var (email, culture) in people)
        {
            emails.Enqueue(ReminderEmails.For(r, email, culture, link));
        }
    }

    public static async Task<List<(string Email, string Culture)>> MembersAsync(IAppDbContext db, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var memberIds = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .SelectMany(o => o.Members).Select(m => m.UserId).ToListAsync(cancellationToken);
        var people = await db.QueryUsers(null).Where(u => memberIds.Contains(u.Id)).Select(u => new { u.Email, u.PreferredCulture }).ToListAsync(cancellationToken);
        return [.. people.Select(p => (p.Email, p.PreferredCulture))];
    }
}
