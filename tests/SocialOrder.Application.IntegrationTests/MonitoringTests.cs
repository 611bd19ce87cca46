using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Agreements.Terminate;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Monitoring.AddVisitPhoto;
using SocialOrder.Application.Monitoring.AddVisitRemark;
using SocialOrder.Application.Monitoring.AnswerCorrectiveAction;
using SocialOrder.Application.Monitoring.GetVisitPhoto;
using SocialOrder.Application.Monitoring.GetVisits;
using SocialOrder.Application.Monitoring.RecordVisit;
using SocialOrder.Application.Monitoring.ReviewCorrectiveAction;
using SocialOrder.Domain.Agreements.Monitoring;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Monitoring visits and corrective actions through the use cases and PostgreSQL, with every refusal (issue 10, ADR 25).</summary>
public sealed class MonitoringTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];

    private readonly MonitoringWorld _world = new(app);

    private RecordVisitCommand Visit(Guid agreementId, Guid? observer = null, int dueInDays = 14) => new(
        agreementId, _world.Today, "Алматы, ул. Абая 10", "Сейтқали А., Ахметов Д.", "Тренинги и журнал участников по плану", observer,
        [new FindingInput("Журнал участников не ведётся", "Завести журнал участников", _world.Today.AddDays(dueInDays)), new FindingInput("Тренинги идут по плану", null, null)]);

    [Fact]
    public async Task AVisitWithACorrectiveAction_EmailsTheMembers_ShowsInThePortfolio_AndIsAnsweredAndClosed_AllAudited()
    {
        var p = await _world.AcceptedAsync();
        var (member, memberEmail) = await _world.MemberAsync(p.Agreement);
        var observer = await _world.ObserverAsync(p.BodyId);
        var observerId = Guid.Parse(observer.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

        var recorded = await app.SendAsync(Visit(p.Agreement.Id.Value, observerId), p.Official);
        Assert.True(recorded.IsSuccess, string.Join(",", recorded.Errors.Select(e => e.Code)));
        var visitId = recorded.Value;

        var mails = await _world.MailsToAsync(memberEmail);
        Assert.Contains(mails, m => m.Subject.Contains(p.Agreement.Number, StringComparison.Ordinal) && m.HtmlBody.Contains("Завести журнал участников", StringComparison.Ordinal));
        var portfolio = await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: p.CallId)), p.Official);
        Assert.Equal(ProjectAttention.CorrectiveActionOpen, portfolio.Value.Rows.Items.Single(r => r.Id == p.Agreement.Id.Value).Attention);
        var filtered = await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: p.CallId, Attention: ProjectAttention.CorrectiveActionOpen)), p.Official);
        Assert.Equal([p.Agreement.Id.Value], filtered.Value.Rows.Items.Select(r => r.Id));

        // The organization sees the open action on its project; the invited observer adds a remark, the official a photo.
        var seen = await app.SendAsync(new GetVisitsQuery(p.Agreement.Id.Value), member);
        Assert.True(seen.Value.CanAnswer);
        Assert.Equal(1, seen.Value.OpenActions);
        Assert.True((await app.SendAsync(new AddVisitRemarkCommand(p.Agreement.Id.Value, visitId, "Участники подтвердили тренинги"), observer)).IsSuccess);
        var photo = await app.SendAsync(new AddVisitPhotoCommand(p.Agreement.Id.Value, visitId, "тренинг.png", Png), p.Official);
        Assert.True(photo.IsSuccess, string.Join(",", photo.Errors.Select(e => e.Code)));
        var pdfAsPhoto = await app.SendAsync(new AddVisitPhotoCommand(p.Agreement.Id.Value, visitId, "отчёт.png", "%PDF-1.4\n%%EOF"u8.ToArray()), p.Official);
        Assert.Equal("Bid.FileTypeRefused", pdfAsPhoto.Errors[0].Code);
        var visits = await app.SendAsync(new GetVisitsQuery(p.Agreement.Id.Value), p.Official);
        var fileId = visits.Value.Visits.Single().Photos.Single().FileId;
        Assert.NotNull(await app.SendAsync(new GetVisitPhotoQuery(p.Agreement.Id.Value, visitId, fileId), member));
        Assert.Null(await app.SendAsync(new GetVisitPhotoQuery(p.Agreement.Id.Value, visitId, fileId), PortalFactory.Principal(Guid.NewGuid(), "x@ngo.kz", Roles.Applicant)));

        Assert.True((await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "Журнал заведён, копия приложена"), member)).IsSuccess);
        Assert.True((await app.SendAsync(new ReviewCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, false, "Нет подписи руководителя"), p.Official)).IsSuccess);
        Assert.True((await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "Подписан руководителем"), p.NgoAdmin)).IsSuccess);
        Assert.True((await app.SendAsync(new ReviewCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, true, null), p.Official)).IsSuccess);

        var after = await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: p.CallId)), p.Official);
        Assert.Equal(ProjectAttention.OnTrack, after.Value.Rows.Items.Single(r => r.Id == p.Agreement.Id.Value).Attention);
        var closed = await app.SendAsync(new GetVisitsQuery(p.Agreement.Id.Value), p.Official);
        Assert.Equal(CorrectiveActionStatus.Closed, closed.Value.Visits.Single().Findings[0].Action!.Status);
        Assert.Single(closed.Value.Visits.Single().Remarks);

        var audited = await _world.Db(db => db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityId == p.Agreement.Id.Value.ToString() || e.EntityId == visitId.ToString()) && e.Outcome == "Succeeded")
            .Select(e => e.Action).ToListAsync());
        Assert.Contains("RecordVisit", audited);
        Assert.Contains("AddVisitRemark", audited);
        Assert.Contains("AddVisitPhoto", audited);
        Assert.Equal(2, audited.Count(a => a == "AnswerCorrectiveAction"));
        Assert.Equal(2, audited.Count(a => a == "ReviewCorrectiveAction"));
    }

    [Fact]
    public async Task AnotherBody_AnotherOrganization_AndAnUninvitedObserver_AreRefused()
    {
        var p = await _world.AcceptedAsync(payAdvance: false);
        var other = await _world.AcceptedAsync(payAdvance: false);
        var visitId = (await app.SendAsync(Visit(p.Agreement.Id.Value), p.Official)).Value;
        var stranger = MonitoringWorld.Official(Guid.NewGuid(), Guid.NewGuid());
        var strangerObserver = PortalFactory.Principal(Guid.NewGuid(), "observer.other@gov.kz", Guid.NewGuid(), Roles.Observer);
        var ownObserver = await _world.ObserverAsync(p.BodyId);
        var otherBodysObserver = await _world.ObserverAsync((await _world.Db(db => db.StateBodies.AsNoTracking().FirstAsync(b => b.Bin == Infrastructure.Persistence.DemoDataSeeder.AkimatBin))).Id.Value);
        var otherObserverId = Guid.Parse(otherBodysObserver.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(Visit(p.Agreement.Id.Value), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new ReviewCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, true, null), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AddVisitPhotoCommand(p.Agreement.Id.Value, visitId, "a.png", Png), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetVisitsQuery(p.Agreement.Id.Value), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AddVisitRemarkCommand(p.Agreement.Id.Value, visitId, "Чужое"), strangerObserver)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "Чужая организация"), other.NgoAdmin)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetVisitsQuery(p.Agreement.Id.Value), other.NgoAdmin)).Status);

        // A visit id under another agreement id of the same body is not found either (the pair must match).
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new ReviewCorrectiveActionCommand(other.Agreement.Id.Value, visitId, 1, true, null), other.Official)).Status);

        var uninvited = await app.SendAsync(new AddVisitRemarkCommand(p.Agreement.Id.Value, visitId, "Меня не приглашали"), ownObserver);
        Assert.Equal("Monitoring.OnlyInvitedObserver", uninvited.Errors[0].Code);
        var foreignObserver = await app.SendAsync(Visit(p.Agreement.Id.Value, otherObserverId), p.Official);
        Assert.Equal("Monitoring.UnknownObserver", foreignObserver.Errors[0].Code);
        var visit = await _world.Db(db => db.MonitoringVisits.AsNoTracking().SingleAsync(v => v.Id == new MonitoringVisitId(visitId)));
        Assert.Equal(CorrectiveActionStatus.Open, visit.Findings[0].Action!.Status);
        Assert.Empty(visit.Remarks);
    }

    [Fact]
    public async Task ATerminatedAgreement_TakesNoVisitAndNoAnswer_AClosedActionNoAnswer_AndADoublePostSavesOnce()
    {
        var p = await _world.AcceptedAsync(payAdvance: false);
        var visitId = (await app.SendAsync(Visit(p.Agreement.Id.Value), p.Official)).Value;

        // Two answers posted at once: one is saved, the other finds it answered or loses on the version.
        var both = await Task.WhenAll(
            app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "Первый ответ"), p.NgoAdmin),
            app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "Второй ответ"), p.NgoAdmin));
        Assert.Single(both, r => r.IsSuccess);
        Assert.Contains(both, r => r.Errors.Any(e => e.Code == "Monitoring.ActionAlreadyAnswered"));
        var again = await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "Третий ответ"), p.NgoAdmin);
        Assert.Equal("Monitoring.ActionAlreadyAnswered", again.Errors[0].Code);

        Assert.True((await app.SendAsync(new ReviewCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, true, null), p.Official)).IsSuccess);
        var afterClose = await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 1, "После закрытия"), p.NgoAdmin);
        Assert.Equal("Monitoring.ActionClosed", afterClose.Errors[0].Code);
        var noAction = await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, visitId, 2, "Вывод без меры"), p.NgoAdmin);
        Assert.Equal(ResultStatus.NotFound, noAction.Status);

        var second = (await app.SendAsync(Visit(p.Agreement.Id.Value), p.Official)).Value;
        Assert.True((await app.SendAsync(new TerminateAgreementCommand(p.Agreement.Id.Value, "Организация нарушила условия договора"), p.Official)).IsSuccess);
        var onTerminated = await app.SendAsync(Visit(p.Agreement.Id.Value), p.Official);
        var answerOnTerminated = await app.SendAsync(new AnswerCorrectiveActionCommand(p.Agreement.Id.Value, second, 1, "Ответ после расторжения"), p.NgoAdmin);

        Assert.Equal("Agreement.Terminated", onTerminated.Errors[0].Code);
        Assert.Equal("Agreement.Terminated", answerOnTerminated.Errors[0].Code);
        Assert.Equal(2, await _world.Db(db => db.MonitoringVisits.CountAsync(v => v.AgreementId == p.Agreement.Id)));
        var refusals = await _world.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == p.Agreement.Id.Value.ToString() && e.Action == "RecordVisit" && e.Outcome != "Succeeded").CountAsync());
        Assert.Equal(1, refusals);
    }

    [Fact]
    public async Task AVisitDatedInTheFuture_OrADueDateBeforeTheVisit_IsRefused()
    {
        var p = await _world.AcceptedAsync(payAdvance: false);

        var future = await app.SendAsync(Visit(p.Agreement.Id.Value) with { VisitedOn = _world.Today.AddDays(1) }, p.Official);
        var dueBefore = await app.SendAsync(Visit(p.Agreement.Id.Value, dueInDays: -1), p.Official);

        Assert.Equal("Monitoring.VisitInFuture", future.Errors[0].Code);
        Assert.Equal("Monitoring.DueAfterVisit", dueBefore.Errors[0].Code);
    }
}
