using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Agreements.RecordPayment;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>An awarded call with an accepted agreement whose advance is paid, its people, for the monitoring and reminder tests.</summary>
internal sealed class MonitoringWorld(PortalFactory app)
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    public sealed record Project(Guid CallId, Guid BodyId, ClaimsPrincipal Official, Agreement Agreement, ClaimsPrincipal NgoAdmin);

    public DateOnly Today => DateOnly.FromDateTime(KazakhstanTime.ToLocal(app.Clock.GetUtcNow()).Date);

    public static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);

    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Agreement> AgreementAsync(Guid id) => Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(id)));

    /// <summary>A locked decision funding two bids; the first agreement issued, accepted and (optionally) its advance paid.</summary>
    public async Task<Project> AcceptedAsync(bool payAdvance = true)
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, 3, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var n = Interlocked.Increment(ref _people);
            var created = await app.SendAsync(new CreateStaffAccountCommand($"mon.member{n}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {n}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = Official(ids[0], seeded.OfficialStateBodyId);
        var secretary = Official(ids[1], seeded.OfficialStateBodyId);
        var members = new List<MemberInput> { new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member) };
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        var decision = await Db(db => db.AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == new CallId(seeded.CallId)));
        var last = decision.Lines.OrderBy(l => l.Rank).Last();
        Assert.True((await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, last.BidId.Value, 0m, AwardOutcome.NotAwarded, "Комиссия не поддержала проект"), secretary)).IsSuccess);
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));

        var agreement = await Db(db => db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(seeded.CallId)).OrderBy(a => a.Number).FirstAsync());
        Assert.True((await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), chair)).IsSuccess);
        var founder = await Db(db => db.Organizations.AsNoTracking().Where(o => o.Id == agreement.OrganizationId).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync());
        var admin = PortalFactory.Principal(founder, $"{founder:N}@ngo.itest", Roles.Applicant);
        Assert.True((await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), admin)).IsSuccess);
        if (payAdvance)
        {
            var paid = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, 1, Today, agreement.Tranches[0].Amount, "PO-1"), chair);
            Assert.True(paid.IsSuccess, string.Join(",", paid.Errors.Select(e => e.Code)));
        }

        return new Project(seeded.CallId, seeded.OfficialStateBodyId, chair, await AgreementAsync(agreement.Id.Value), admin);
    }

    /// <summary>A real account joined to the agreement's organization as a plain member (it receives e-mails in its language).</summary>
    public async Task<(ClaimsPrincipal Principal, string Email)> MemberAsync(Agreement agreement, string culture = "ru")
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"mon.ngo{n}.{Guid.NewGuid():N}@example.kz";
        var created = await app.SendAsync(new RegisterAccountCommand(email, "a long enough passphrase", "a long enough passphrase", $"Сотрудник {n}", AccountType.Applicant, culture));
        Assert.True(created.IsSuccess);
        await Db(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == agreement.OrganizationId);
            var founder = organization.Members[0].UserId;
            var invitation = organization.Invite(founder, email, app.Clock.GetUtcNow());
            organization.AcceptInvitation(invitation.Token, created.Value, email, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        return (PortalFactory.Principal(created.Value, email, Roles.Applicant), email);
    }

    public async Task<ClaimsPrincipal> ObserverAsync(Guid body)
    {
        var n = Interlocked.Increment(ref _people);
        var created = await app.SendAsync(new CreateStaffAccountCommand($"mon.observer{n}.{Guid.NewGuid():N}@gov.kz", $"Наблюдатель {n}", Roles.Observer, body, "ru"), Admin);
        Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
        return PortalFactory.Principal(created.Value, $"observer{n}@gov.kz", body, Roles.Observer);
    }

    public Task<List<Infrastructure.Email.OutgoingEmail>> MailsToAsync(string email) =>
        Db(db => db.Set<Infrastructure.Email.OutgoingEmail>().AsNoTracking().Where(e => e.To == email).OrderBy(e => e.Id).ToListAsync());
}
