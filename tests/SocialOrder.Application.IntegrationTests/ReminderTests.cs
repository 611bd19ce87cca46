using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Agreements.RecordPayment;
using SocialOrder.Application.Monitoring.RecordVisit;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Infrastructure.Reminders;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Reminders are sent once: two runs, and two job instances (two nodes) at once, queue each e-mail once (ADR 25).</summary>
public sealed class ReminderTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private readonly MonitoringWorld _world = new(app);

    private ReminderJob Node() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new ReminderOptions()), app.Clock, NullLogger<ReminderJob>.Instance);

    [Fact]
    public async Task EachReminder_IsQueuedOnce_InTheRecipientsLanguage_WhateverHowManyRunsAndNodes()
    {
        var p = await _world.AcceptedAsync(payAdvance: false);
        var (_, kk) = await _world.MemberAsync(p.Agreement, "kk");
        var (_, ru) = await _world.MemberAsync(p.Agreement, "ru");
        var paid = await app.SendAsync(new RecordTranchePaymentCommand(p.Agreement.Id.Value, 1, _world.Today, p.Agreement.Tranches[0].Amount, "PO-1"), p.Official);
        Assert.True(paid.IsSuccess, string.Join(",", paid.Errors.Select(e => e.Code)));

        // Five days before the first report is due; a visit's corrective action is due in two days.
        var report = p.Agreement.Reports[0];
        app.Clock.Advance(TimeSpan.FromDays(report.DueOn.DayNumber - _world.Today.DayNumber - 5));
        var visit = await app.SendAsync(
            new RecordVisitCommand(p.Agreement.Id.Value, _world.Today, "Астана", "", "Журнал участников", null, [new FindingInput("Нет журнала", "Завести журнал", _world.Today.AddDays(2))]),
            p.Official);
        Assert.True(visit.IsSuccess, string.Join(",", visit.Errors.Select(e => e.Code)));

        await Task.WhenAll(Node().RunOnceAsync(CancellationToken.None), Node().RunOnceAsync(CancellationToken.None));
        await Node().RunOnceAsync(CancellationToken.None);
        await Node().RunOnceAsync(CancellationToken.None);

        var kkMails = await _world.MailsToAsync(kk);
        var ruMails = await _world.MailsToAsync(ru);
        Assert.Single(kkMails, m => m.Subject.Contains("есеп мерзімі 7 күннен кейін", StringComparison.Ordinal));
        Assert.Single(kkMails, m => m.Subject.Contains("транш төленді", StringComparison.Ordinal));
        Assert.Single(kkMails, m => m.Subject.Contains("түзету шарасының мерзімі жақындады", StringComparison.Ordinal));
        Assert.Single(ruMails, m => m.Subject.Contains("срок отчёта через 7 дней", StringComparison.Ordinal));
        Assert.Single(ruMails, m => m.Subject.Contains("транш выплачен", StringComparison.Ordinal));
        Assert.Single(ruMails, m => m.Subject.Contains("срок корректирующей меры", StringComparison.Ordinal));
        var sent = await _world.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.SentReminders.Where(s => s.AgreementId == p.Agreement.Id)));
        Assert.Equal(3, sent.Count);
        Assert.Contains(sent, s => s.Kind == ReminderKind.ReportDueSoon && s.Item == report.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
