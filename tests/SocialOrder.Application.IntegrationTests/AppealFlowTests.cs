using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Appeals.AnswerAppeal;
using SocialOrder.Application.Appeals.FileAppeal;
using SocialOrder.Application.Appeals.GetCallAppeals;
using SocialOrder.Application.Appeals.GetPublicAppeals;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.GetProtocolPdf;
using SocialOrder.Application.Awards.GetProtocolVersions;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.IntegrationTests.Files;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using UglyToad.PdfPig;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>The portal with its default appeal window of five working days (ADR 28).</summary>
public sealed class AppealPortalFactory : PortalFactory
{
    protected override int AppealWorkingDays => 5;
}

/// <summary>Complaints after the results (ADR 28) through the use cases and PostgreSQL, with every refusal the issue names.</summary>
public sealed class AppealFlowTests(AppealPortalFactory app) : IClassFixture<AppealPortalFactory>
{
    private const string Reasons = "Эксперты не учли письма поддержки от акимата, приложенные к заявке.";
    private const string Rejection = "Письма поддержки учтены экспертами по критерию K2, доводы не подтвердились.";
    private const string Upholding = "Комиссия не проверила кворум при голосовании: решение пересматривается.";
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    private sealed record Awarded(Guid CallId, Guid BodyId, ClaimsPrincipal Chair, ClaimsPrincipal Secretary, IReadOnlyList<Guid> BidIds);

    private static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);

    private async Task<Awarded> AwardedCallAsync(int bids = 3)
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var n = Interlocked.Increment(ref _people);
            var created = await app.SendAsync(new CreateStaffAccountCommand($"appeal.member{n}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {n}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = Official(ids[0], seeded.OfficialStateBodyId);
        var secretary = Official(ids[1], seeded.OfficialStateBodyId);
        var members = new List<MemberInput> { new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member) };
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));
        return new Awarded(seeded.CallId, seeded.OfficialStateBodyId, chair, secretary, seeded.BidIds);
    }

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The founder of the organization that owns the bid, as an applicant.</summary>
    private async Task<ClaimsPrincipal> BidderAsync(Guid bidId)
    {
        var founder = await Db(db => (from b in db.Bids where b.Id == new BidId(bidId)
                                      join o in db.Organizations on b.OrganizationId equals o.Id
                                      from m in o.Members
                                      select m.UserId).FirstAsync());
        return PortalFactory.Principal(founder, $"{founder:N}@ngo.itest", Roles.Applicant);
    }

    /// <summary>A real account joined to the bid's organization (it receives e-mails), as an applicant.</summary>
    private async Task<(ClaimsPrincipal Principal, string Email)> MemberAsync(Guid bidId)
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"appeal.ngo{n}.{Guid.NewGuid():N}@example.kz";
        var created = await app.SendAsync(new RegisterAccountCommand(email, "a long enough passphrase", "a long enough passphrase", $"Сотрудник {n}", AccountType.Applicant, "ru"));
        Assert.True(created.IsSuccess);
        await Db(async db =>
        {
            var organizationId = await db.Bids.Where(b => b.Id == new BidId(bidId)).Select(b => b.OrganizationId).SingleAsync();
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
            var invitation = organization.Invite(organization.Members[0].UserId, email, app.Clock.GetUtcNow());
            organization.AcceptInvitation(invitation.Token, created.Value, email, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        return (PortalFactory.Principal(created.Value, email, Roles.Applicant), email);
    }

    private Task<AwardDecision> DecisionAsync(Guid callId) => Db(db => db.AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == new CallId(callId)));

    private Task<Result<Guid>> FileAsync(Guid bidId, ClaimsPrincipal who, params AppealUpload[] documents) => app.SendAsync(new FileAppealCommand(bidId, Reasons, documents), who);

    private static string Codes(Result r) => string.Join(",", r.Errors.Select(e => e.Code));

    [Fact]
    public async Task File_WithinTheWindow_Once_ThenAfterTheWindow_IsRefused()
    {
        var call = await AwardedCallAsync();
        var bidder = await BidderAsync(call.BidIds[0]);

        var filed = await FileAsync(call.BidIds[0], bidder, new AppealUpload("доводы.pdf", FileSamples.Pdf()));
        var again = await FileAsync(call.BidIds[0], bidder);
        Assert.True(filed.IsSuccess, Codes(filed));
        Assert.Equal("Appeal.AlreadyFiled", again.Errors[0].Code);

        var appeal = await Db(db => db.Appeals.AsNoTracking().SingleAsync(a => a.Id == new AppealId(filed.Value)));
        Assert.Equal(1, appeal.ProtocolVersion);
        Assert.Single(appeal.Documents);
        Assert.Equal(64, appeal.Documents[0].Sha256.Length);

        // A script disguised as a PDF is refused beside the documents field, and nothing is filed.
        var other = await BidderAsync(call.BidIds[1]);
        var disguised = await FileAsync(call.BidIds[1], other, new AppealUpload("письмо.pdf", "#!/bin/sh\nrm -rf /\n"u8.ToArray()));
        Assert.Equal("Documents", disguised.Errors[0].Field);

        app.Clock.Advance(TimeSpan.FromDays(10));
        var late = await FileAsync(call.BidIds[1], other);
        Assert.Equal("Appeal.WindowClosed", late.Errors[0].Code);
        Assert.Equal(1, await Db(db => db.Appeals.CountAsync(a => a.CallId == new CallId(call.CallId))));

        var trail = await Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "FileAppeal" && e.EntityId == call.BidIds[0].ToString()).Select(e => e.Outcome).ToListAsync());
        Assert.Contains("Succeeded", trail);
    }

    [Fact]
    public async Task File_ByAnOrganizationThatDidNotBid_IsNotFound_AndAnswerByAnotherBody_IsNotFound()
    {
        var call = await AwardedCallAsync();
        var stranger = PortalFactory.Principal(Guid.NewGuid(), "stranger@ngo.itest", Roles.Applicant);
        Assert.Equal(ResultStatus.NotFound, (await FileAsync(call.BidIds[0], stranger)).Status);

        var filed = await FileAsync(call.BidIds[0], await BidderAsync(call.BidIds[0]));
        Assert.True(filed.IsSuccess, Codes(filed));
        var otherBody = Official(Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AnswerAppealCommand(call.CallId, filed.Value, false, Rejection), otherBody)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetCallAppealsQuery(call.CallId), otherBody)).Status);

        // The right body, but the complaint named under another call: not found either.
        var second = await AwardedCallAsync(bids: 2);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new AnswerAppealCommand(second.CallId, filed.Value, false, Rejection), second.Chair)).Status);
    }

    [Fact]
    public async Task Answer_IsGivenOnce_IsPublic_AndAgreementsWaitForTheWindowAndTheAnswers()
    {
        var call = await AwardedCallAsync();
        var agreement = (await Db(db => db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(call.CallId)).ToListAsync()))[0];
        var early = await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Chair);
        Assert.Equal("Appeal.AgreementWaitsForWindow", early.Errors[0].Code);

        var (member, memberEmail) = await MemberAsync(call.BidIds[0]);
        var filed = await FileAsync(call.BidIds[0], member);
        Assert.True(filed.IsSuccess, Codes(filed));
        app.Clock.Advance(TimeSpan.FromDays(10));
        var unanswered = await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Chair);
        Assert.Equal("Appeal.AgreementWaitsForAnswers", unanswered.Errors[0].Code);

        var answered = await app.SendAsync(new AnswerAppealCommand(call.CallId, filed.Value, false, Rejection), call.Chair);
        var twice = await app.SendAsync(new AnswerAppealCommand(call.CallId, filed.Value, true, Upholding), call.Secretary);
        Assert.True(answered.IsSuccess, Codes(answered));
        Assert.Equal("Appeal.AlreadyAnswered", twice.Errors[0].Code);
        Assert.Equal(DecisionStatus.Locked, (await DecisionAsync(call.CallId)).Status);

        var published = Assert.Single(await app.SendAsync(new GetPublicAppealsQuery(call.CallId)));
        Assert.Equal(AppealStatus.Rejected, published.Status);
        Assert.Equal(Rejection, published.Answer);

        var issued = await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Chair);
        Assert.True(issued.IsSuccess, Codes(issued));

        // The organization hears of the answer; the body's officials heard of the filing.
        await app.DeliverEmailsAsync();
        Assert.Contains(app.Outbox(), m => m.To == memberEmail && m.Subject.Contains("ответ на жалобу", StringComparison.Ordinal));
        Assert.Contains(app.Outbox(), m => m.To.EndsWith("@gov.kz", StringComparison.Ordinal) && m.Subject.Contains("жалоба по конкурсу", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upheld_ReopensTheDecision_AndLockingAgainIssuesProtocolVersion2_KeepingVersion1()
    {
        var call = await AwardedCallAsync();
        var v1 = await DecisionAsync(call.CallId);
        var v1Ru = await app.SendAsync(new GetProtocolPdfQuery(call.CallId, ProtocolLanguage.Ru));
        Assert.NotNull(v1Ru);

        var filed = await FileAsync(call.BidIds[0], await BidderAsync(call.BidIds[0]));
        Assert.True(filed.IsSuccess, Codes(filed));
        var upheld = await app.SendAsync(new AnswerAppealCommand(call.CallId, filed.Value, true, Upholding), call.Chair);
        Assert.True(upheld.IsSuccess, Codes(upheld));

        var reopened = await DecisionAsync(call.CallId);
        Assert.Equal(DecisionStatus.Draft, reopened.Status);
        var earlier = Assert.Single(reopened.EarlierProtocols);
        Assert.Equal((1, v1.ProtocolNumber, v1.DecisionSha256, v1.ProtocolRuSha256), (earlier.Version, earlier.Number, earlier.DecisionSha256, earlier.RuSha256));
        Assert.Equal(Upholding, Assert.Single(reopened.Reopenings).Reason);
        Assert.Empty(await Db(db => db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(call.CallId)).ToListAsync()));
        Assert.Contains("Succeeded", await Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "ReopenDecision" && e.EntityId == call.CallId.ToString()).Select(e => e.Outcome).ToListAsync()));

        // While reopened, the last protocol issued stays public.
        Assert.Equal(v1Ru.Content, (await app.SendAsync(new GetProtocolPdfQuery(call.CallId, ProtocolLanguage.Ru)))!.Content);

        // The commission changes the draft (a bid's amount) and locks it again.
        var line = reopened.Lines.OrderBy(l => l.Rank).First(l => l.Outcome == AwardOutcome.Awarded);
        var changed = await app.SendAsync(new ChangeDecisionLineCommand(call.CallId, line.BidId.Value, line.Amount - 50_000m, AwardOutcome.Awarded, "Пересмотр по жалобе: смета уточнена"), call.Secretary);
        Assert.True(changed.IsSuccess, Codes(changed));
        var relocked = await app.SendAsync(new ConfirmDecisionCommand(call.CallId), call.Chair);
        Assert.True(relocked.IsSuccess, Codes(relocked));

        var v2 = await DecisionAsync(call.CallId);
        Assert.Equal((DecisionStatus.Locked, 2, v1.ProtocolNumber), (v2.Status, v2.ProtocolVersion, v2.ProtocolNumber));
        Assert.NotEqual(v1.DecisionSha256, v2.DecisionSha256);
        Assert.NotEqual(v1.ProtocolRuFileId, v2.ProtocolRuFileId);

        var kept = await app.SendAsync(new GetProtocolPdfQuery(call.CallId, ProtocolLanguage.Ru, Version: 1));
        var current = await app.SendAsync(new GetProtocolPdfQuery(call.CallId, ProtocolLanguage.Ru));
        Assert.Equal(v1Ru.Content, kept!.Content);
        Assert.Equal(v2.ProtocolRuSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(current!.Content)));
        using (var pdf = PdfDocument.Open(current.Content))
        {
            var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Версия 2", words, StringComparison.Ordinal);
        }

        Assert.Equal(1, Assert.Single(await app.SendAsync(new GetProtocolVersionsQuery(call.CallId))).Version);
        var bid = await Db(db => db.Bids.AsNoTracking().SingleAsync(b => b.Id == line.BidId));
        Assert.Equal(line.Amount - 50_000m, bid.AwardedAmount);
        var redrafted = await Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.BidId == line.BidId));
        Assert.Equal(line.Amount - 50_000m, redrafted.TotalAmount);

        // A new window opens on version 2: the same organization may complain once more, about the new protocol.
        var onV2 = await FileAsync(call.BidIds[0], await BidderAsync(call.BidIds[0]));
        Assert.True(onV2.IsSuccess, Codes(onV2));
        Assert.Equal(2, (await Db(db => db.Appeals.AsNoTracking().SingleAsync(a => a.Id == new AppealId(onV2.Value)))).ProtocolVersion);
    }
}
