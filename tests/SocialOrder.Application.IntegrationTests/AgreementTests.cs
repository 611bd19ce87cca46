using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Draft;
using SocialOrder.Application.Agreements.Get;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Agreements.MyProjects;
using SocialOrder.Application.Agreements.Pdf;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Agreements.RecordPayment;
using SocialOrder.Application.Agreements.Schedule;
using SocialOrder.Application.Agreements.Terminate;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using UglyToad.PdfPig;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Agreements after the award through the use cases and PostgreSQL, with every refusal the issue names.</summary>
public sealed class AgreementTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    private sealed record Awarded(Guid CallId, Guid BodyId, ClaimsPrincipal Official, ClaimsPrincipal Secretary, Guid UnfundedBid, IReadOnlyList<Guid> FundedBids);

    private static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);

    /// <summary>A scored call whose commission funds every bid but the last (refused by the secretary), optionally locked.</summary>
    private async Task<Awarded> AwardedCallAsync(int bids = 3, bool lockIt = true)
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var n = Interlocked.Increment(ref _people);
            var created = await app.SendAsync(new CreateStaffAccountCommand($"agr.member{n}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {n}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
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
        var refused = await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, last.BidId.Value, 0m, AwardOutcome.NotAwarded, "Комиссия не поддержала проект"), secretary);
        Assert.True(refused.IsSuccess, string.Join(",", refused.Errors.Select(e => e.Code)));
        if (lockIt)
        {
            var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
            Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));
        }

        var funded = decision.Lines.Where(l => l.BidId != last.BidId).Select(l => l.BidId.Value).ToList();
        return new Awarded(seeded.CallId, seeded.OfficialStateBodyId, chair, secretary, last.BidId.Value, funded);
    }

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<List<Agreement>> AgreementsAsync(Guid callId) => Db(db => db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(callId)).OrderBy(a => a.Number).ToListAsync());

    private Task<Agreement> AgreementAsync(Guid id) => Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(id)));

    /// <summary>The organization's founder (its administrator) as an applicant principal.</summary>
    private async Task<ClaimsPrincipal> NgoAdministratorAsync(Agreement agreement)
    {
        var founder = await Db(db => db.Organizations.AsNoTracking().Where(o => o.Id == agreement.OrganizationId).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync());
        return PortalFactory.Principal(founder, $"{founder:N}@ngo.itest", Roles.Applicant);
    }

    /// <summary>A real account joined to the organization as a plain member (it receives e-mails).</summary>
    private async Task<(ClaimsPrincipal Principal, string Email)> NgoMemberAsync(Agreement agreement)
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"agr.ngo{n}.{Guid.NewGuid():N}@example.kz";
        var created = await app.SendAsync(new RegisterAccountCommand(email, "a long enough passphrase", "a long enough passphrase", $"Сотрудник {n}", AccountType.Applicant, "ru"));
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

    private DateOnly Today => DateOnly.FromDateTime(KazakhstanTime.ToLocal(app.Clock.GetUtcNow()).Date);

    private async Task<(Awarded Call, Agreement Agreement, ClaimsPrincipal NgoAdmin)> AcceptedAsync()
    {
        var call = await AwardedCallAsync();
        var agreement = (await AgreementsAsync(call.CallId))[0];
        Assert.True((await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Official)).IsSuccess);
        var admin = await NgoAdministratorAsync(agreement);
        var accepted = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), admin);
        Assert.True(accepted.IsSuccess, string.Join(",", accepted.Errors.Select(e => e.Code)));
        return (call, await AgreementAsync(agreement.Id.Value), admin);
    }

    [Fact]
    public async Task LockingTheDecision_DraftsOneAgreementPerFundedBid_AndTheDraftActionIsIdempotent()
    {
        var call = await AwardedCallAsync();

        var agreements = await AgreementsAsync(call.CallId);
        var again = await app.SendAsync(new DraftAgreementsCommand(call.CallId), call.Official);

        Assert.Equal(call.FundedBids.Order(), agreements.Select(a => a.BidId.Value).Order());
        Assert.DoesNotContain(agreements, a => a.BidId.Value == call.UnfundedBid);
        Assert.All(agreements, a => Assert.Equal(AgreementStatus.Draft, a.Status));
        Assert.All(agreements, a => Assert.Matches("^AGR-\\d{4}-\\d{4,}$", a.Number));
        var bids = await Db(db => db.Bids.AsNoTracking().Where(b => b.CallId == new CallId(call.CallId)).ToListAsync());
        Assert.All(agreements, a => Assert.Equal(bids.Single(b => b.Id == a.BidId).AwardedAmount, a.TotalAmount));
        Assert.All(agreements, a => Assert.Equal(a.TotalAmount, a.Tranches.Sum(t => t.Amount)));
        Assert.All(agreements, a => Assert.Equal(bids.Single(b => b.Id == a.BidId).Content.Title, a.ProjectTitle));
        Assert.True(again.IsSuccess);
        Assert.Equal(0, again.Value);
        Assert.Equal(agreements.Count, (await AgreementsAsync(call.CallId)).Count);
    }

    [Fact]
    public async Task DraftAgreements_BeforeTheDecisionIsLocked_IsRefused_AndAnotherBodyGetsNotFound()
    {
        var call = await AwardedCallAsync(bids: 2, lockIt: false);

        var early = await app.SendAsync(new DraftAgreementsCommand(call.CallId), call.Official);
        var stranger = await app.SendAsync(new DraftAgreementsCommand(call.CallId), Official(Guid.NewGuid(), Guid.NewGuid()));

        Assert.Equal("Agreement.DecisionNotLocked", early.Errors[0].Code);
        Assert.Equal(ResultStatus.NotFound, stranger.Status);
        Assert.Empty(await AgreementsAsync(call.CallId));
    }

    [Fact]
    public async Task AnotherBodysOfficial_GetsNotFound_ForEveryAgreementUseCase()
    {
        var call = await AwardedCallAsync(bids: 2);
        var agreement = (await AgreementsAsync(call.CallId))[0];
        var stranger = Official(Guid.NewGuid(), Guid.NewGuid());
        var observer = PortalFactory.Principal(Guid.NewGuid(), "observer.other@gov.kz", Guid.NewGuid(), Roles.Observer);
        var outsider = PortalFactory.Principal(Guid.NewGuid(), "outsider@ngo.kz", Roles.Applicant);

        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetAgreementQuery(agreement.Id.Value), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetAgreementQuery(agreement.Id.Value), observer)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetAgreementQuery(agreement.Id.Value), outsider)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new EditAgreementScheduleCommand(agreement.Id.Value, Inputs(agreement), ReportInputs(agreement)), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, 1, Today, 1m, "PO"), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new TerminateAgreementCommand(agreement.Id.Value, "Расторжение чужим органом"), stranger)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: call.CallId)), outsider)).Status);
        Assert.Empty((await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: call.CallId)), stranger)).Value.Rows.Items);
        Assert.Equal(AgreementStatus.Draft, (await AgreementAsync(agreement.Id.Value)).Status);

        // The organization does not see a draft; its own body's observer reads it.
        var ngo = await NgoAdministratorAsync(agreement);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetAgreementQuery(agreement.Id.Value), ngo)).Status);
        var ownObserver = PortalFactory.Principal(Guid.NewGuid(), "observer.own@gov.kz", call.BodyId, Roles.Observer);
        var read = await app.SendAsync(new GetAgreementQuery(agreement.Id.Value), ownObserver);
        Assert.True(read.IsSuccess);
        Assert.False(read.Value.CanIssue);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), ownObserver)).Status);
    }

    private static List<TrancheInput> Inputs(Agreement a) => [.. a.Tranches.Select(t => new TrancheInput(t.Kind, t.Year, t.PlannedOn, t.Amount, t.AfterReport))];

    private static List<ReportInput> ReportInputs(Agreement a) => [.. a.Reports.Select(r => new ReportInput(r.Kind, r.Year, r.DueOn))];

    [Fact]
    public async Task EditSchedule_ReportsEveryRowProblemBesideItsField_SavesAValidOne_AndIsRefusedAfterIssue()
    {
        var call = await AwardedCallAsync(bids: 2);
        var agreement = (await AgreementsAsync(call.CallId))[0];
        var tranches = Inputs(agreement);
        tranches[0] = tranches[0] with { Amount = tranches[0].Amount + 1m };
        tranches[1] = tranches[1] with { PlannedOn = agreement.Term.End.AddDays(1) };
        tranches[2] = tranches[2] with { Amount = null };

        var invalid = await app.SendAsync(new EditAgreementScheduleCommand(agreement.Id.Value, tranches, ReportInputs(agreement)), call.Official);
        Assert.Contains(invalid.Errors, e => e.Field == "Tranches[2].Amount");
        tranches[2] = tranches[2] with { Amount = Inputs(agreement)[2].Amount };
        var rule = await app.SendAsync(new EditAgreementScheduleCommand(agreement.Id.Value, tranches, ReportInputs(agreement)), call.Official);
        Assert.Contains(rule.Errors, e => e.Code == "Agreement.TranchesAboveYear" && e.Field == "Tranches");
        Assert.Contains(rule.Errors, e => e.Code == "Agreement.DateOutsideTerm" && e.Field == "Tranches[1].PlannedOn");
        Assert.Equal(agreement.Tranches, (await AgreementAsync(agreement.Id.Value)).Tranches);

        var valid = Inputs(agreement);
        valid[0] = valid[0] with { Amount = valid[0].Amount - 1000m };
        valid[2] = valid[2] with { Amount = valid[2].Amount + 1000m };
        Assert.True((await app.SendAsync(new EditAgreementScheduleCommand(agreement.Id.Value, valid, ReportInputs(agreement)), call.Official)).IsSuccess);
        Assert.Equal(agreement.Tranches[0].Amount - 1000m, (await AgreementAsync(agreement.Id.Value)).Tranches[0].Amount);

        Assert.True((await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Official)).IsSuccess);
        var late = await app.SendAsync(new EditAgreementScheduleCommand(agreement.Id.Value, Inputs(agreement), ReportInputs(agreement)), call.Official);
        var reissue = await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Official);
        Assert.Equal("Agreement.SchedulesOnlyInDraft", late.Errors[0].Code);
        Assert.Equal("Agreement.OnlyDraftIssued", reissue.Errors[0].Code);
    }

    [Fact]
    public async Task Accept_ByAPlainMember_OrAnotherOrganization_OrBeforeIssue_IsRefused()
    {
        var call = await AwardedCallAsync(bids: 3);
        var agreements = await AgreementsAsync(call.CallId);
        var agreement = agreements[0];
        var admin = await NgoAdministratorAsync(agreement);
        var otherAdmin = await NgoAdministratorAsync(agreements[1]);
        var (member, _) = await NgoMemberAsync(agreement);

        var beforeIssue = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), admin);
        Assert.True((await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), call.Official)).IsSuccess);
        var byMember = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), member);
        var byOther = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), otherAdmin);
        var byOfficial = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), call.Official);

        Assert.Equal(ResultStatus.NotFound, beforeIssue.Status);
        Assert.Equal("Agreement.OnlyAdministratorAccepts", byMember.Errors[0].Code);
        Assert.Equal(ResultStatus.NotFound, byOther.Status);
        Assert.Equal(ResultStatus.NotFound, byOfficial.Status);
        Assert.Equal(AgreementStatus.Issued, (await AgreementAsync(agreement.Id.Value)).Status);

        Assert.True((await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), admin)).IsSuccess);
        var twice = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), admin);
        Assert.Equal("Agreement.OnlyIssuedAccepted", twice.Errors[0].Code);
        var accepted = await AgreementAsync(agreement.Id.Value);
        Assert.Equal(AgreementStatus.Accepted, accepted.Status);
        Assert.Equal(admin.Identity!.Name, $"{accepted.AcceptedBy:N}@ngo.itest");

        // The member sees the project in "My projects" and on its page, the advance payable.
        var mine = await app.SendAsync(new GetMyProjectsQuery(), member);
        Assert.Equal(agreement.Id.Value, mine.Items.Single().Id);
        Assert.True(mine.Items.Single().TranchePayable);
        var page = await app.SendAsync(new GetAgreementQuery(agreement.Id.Value), member);
        Assert.True(page.Value.Tranches[0].Payable);
        Assert.False(page.Value.CanAccept);
    }

    [Fact]
    public async Task RecordPayment_BeforeItsCondition_AboveTheYear_Twice_AreRefused_TheAdvanceIsPaidOnce()
    {
        var (call, agreement, _) = await AcceptedAsync();
        var advance = agreement.Tranches[0];
        var interim = agreement.Tranches[1];

        var beforeReport = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, interim.Number, Today, interim.Amount, "ПП-2"), call.Official);
        var aboveYear = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, Today, agreement.YearAmounts[0].Amount + 1m, "ПП-1"), call.Official);
        var aboveTranche = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, Today, advance.Amount + 1m, "ПП-1"), call.Official);
        var noOrder = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, Today, advance.Amount, " "), call.Official);
        Assert.Equal("Agreement.TrancheNotPayable", beforeReport.Errors[0].Code);
        Assert.Equal("Agreement.PaymentAboveYear", aboveYear.Errors[0].Code);
        Assert.Equal("Agreement.PaymentAboveTranche", aboveTranche.Errors[0].Code);
        Assert.Equal("PaymentOrderNumber", noOrder.Errors[0].Field);

        // A double post: two requests at once and one after; exactly one payment is recorded.
        var posts = await Task.WhenAll(
            app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, Today, advance.Amount, "ПП-1"), call.Official),
            app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, Today, advance.Amount, "ПП-1"), call.Official));
        var again = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, Today, advance.Amount, "ПП-1"), call.Official);
        Assert.Single(posts, p => p.IsSuccess);
        Assert.Equal("Agreement.TrancheAlreadyPaid", again.Errors[0].Code);
        var paid = await AgreementAsync(agreement.Id.Value);
        Assert.Equal(advance.Amount, paid.PaidAmount);
        Assert.Equal("ПП-1", paid.Tranches[0].Payment!.PaymentOrderNumber);
        Assert.Null(paid.PayableSince);

        var audit = await app.SendAsync(new Auditing.GetAuditEvents.GetAuditEventsQuery("RecordTranchePayment", call.Official.Identity!.Name, null, 1));
        Assert.Contains(audit.Items, r => r.EntityId == agreement.Id.Value.ToString() && r.Outcome == "Succeeded");
        Assert.Contains(audit.Items, r => r.EntityId == agreement.Id.Value.ToString() && r.Outcome == "RuleBroken");
    }

    [Fact]
    public async Task AfterTheReportsFeatureAcceptsAReport_ItsTrancheIsPayable_AndPaidNeverExceedsTheAgreement()
    {
        var (call, agreement, _) = await AcceptedAsync();
        await Db(async db =>
        {
            var tracked = await db.Agreements.SingleAsync(a => a.Id == agreement.Id);
            tracked.MarkReportAccepted(agreement.Tranches[1].AfterReport!.Value, app.Clock.GetUtcNow(), Guid.NewGuid());
            return await db.SaveChangesAsync();
        });

        foreach (var t in agreement.Tranches.Take(2))
        {
            var paid = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, t.Number, Today, t.Amount, $"ПП-{t.Number}"), call.Official);
            Assert.True(paid.IsSuccess, string.Join(",", paid.Errors.Select(e => e.Code)));
        }

        var final = agreement.Tranches[2];
        var early = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, final.Number, Today, final.Amount, "ПП-3"), call.Official);
        Assert.Equal("Agreement.TrancheNotPayable", early.Errors[0].Code);
        var stored = await AgreementAsync(agreement.Id.Value);
        Assert.Equal(agreement.Tranches[0].Amount + agreement.Tranches[1].Amount, stored.PaidAmount);
        Assert.True(stored.PaidAmount <= stored.TotalAmount);
    }

    [Fact]
    public async Task Terminate_CancelsUnpaidTranches_EmailsTheOrganization_AndNothingIsPaidAfterwards()
    {
        var (call, agreement, _) = await AcceptedAsync();
        var (_, email) = await NgoMemberAsync(agreement);
        Assert.True((await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, 1, Today, agreement.Tranches[0].Amount, "ПП-1"), call.Official)).IsSuccess);

        var noReason = await app.SendAsync(new TerminateAgreementCommand(agreement.Id.Value, "нет"), call.Official);
        var terminated = await app.SendAsync(new TerminateAgreementCommand(agreement.Id.Value, "Организация прекратила деятельность"), call.Official);
        var payment = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, 2, Today, 1m, "ПП-2"), call.Official);

        Assert.Equal("Reason", noReason.Errors[0].Field);
        Assert.True(terminated.IsSuccess);
        Assert.Equal("Agreement.Terminated", payment.Errors[0].Code);
        var stored = await AgreementAsync(agreement.Id.Value);
        Assert.Equal(AgreementStatus.Terminated, stored.Status);
        Assert.Equal(TrancheStatus.Paid, stored.Tranches[0].Status);
        Assert.All(stored.Tranches.Skip(1), t => Assert.Equal(TrancheStatus.Cancelled, t.Status));
        var mails = await Db(db => db.Set<Infrastructure.Email.OutgoingEmail>().AsNoTracking().Where(e => e.To == email).ToListAsync());
        Assert.Contains(mails, m => m.Subject.Contains(agreement.Number, StringComparison.Ordinal) && m.HtmlBody.Contains("Организация прекратила деятельность", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Portfolio_SaysWhatNeedsAttention_MostUrgentFirst_AndFilters()
    {
        var (call, accepted, _) = await AcceptedAsync();
        var observer = PortalFactory.Principal(Guid.NewGuid(), "observer.portfolio@gov.kz", call.BodyId, Roles.Observer);

        var all = await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: call.CallId)), observer);
        var payable = await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: call.CallId, Attention: ProjectAttention.TranchePayable)), call.Official);
        var drafts = await app.SendAsync(new GetPortfolioQuery(new PortfolioFilter(CallId: call.CallId, Attention: ProjectAttention.AwaitingIssue)), call.Official);

        Assert.True(all.IsSuccess);
        Assert.Equal(call.FundedBids.Count, all.Value.Rows.TotalCount);
        Assert.Equal(accepted.Id.Value, all.Value.Rows.Items[0].Id);
        Assert.Equal(ProjectAttention.TranchePayable, all.Value.Rows.Items[0].Attention);
        Assert.All(all.Value.Rows.Items.Skip(1), r => Assert.Equal(ProjectAttention.AwaitingIssue, r.Attention));
        Assert.Equal(accepted.Id.Value, payable.Value.Rows.Items.Single().Id);
        Assert.Equal(call.FundedBids.Count - 1, drafts.Value.Rows.TotalCount);
        Assert.Equal((await AgreementsAsync(call.CallId)).Sum(a => a.TotalAmount), all.Value.Planned);
    }

    [Fact]
    public async Task IssuedAgreement_StoresItsPdfInKazakhAndRussian_WithNumberAndHash_AndRendersTheSameBytesAgain()
    {
        var call = await AwardedCallAsync(bids: 2);
        var draft = (await AgreementsAsync(call.CallId))[0];
        Assert.Null(await app.SendAsync(new GetAgreementPdfQuery(draft.Id.Value, ProtocolLanguage.Ru), call.Official));

        Assert.True((await app.SendAsync(new IssueAgreementCommand(draft.Id.Value), call.Official)).IsSuccess);
        var issued = await AgreementAsync(draft.Id.Value);
        var ru = await app.SendAsync(new GetAgreementPdfQuery(issued.Id.Value, ProtocolLanguage.Ru), call.Official);
        var kk = await app.SendAsync(new GetAgreementPdfQuery(issued.Id.Value, ProtocolLanguage.Kk), await NgoAdministratorAsync(issued));
        var stranger = await app.SendAsync(new GetAgreementPdfQuery(issued.Id.Value, ProtocolLanguage.Ru), Official(Guid.NewGuid(), Guid.NewGuid()));

        Assert.NotNull(ru);
        Assert.NotNull(kk);
        Assert.Null(stranger);
        Assert.Equal(issued.PdfRuSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ru.Content)));
        Assert.Equal(issued.PdfKkSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(kk.Content)));
        Assert.Equal(issued.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issued.CanonicalJson()))));
        // The link printed (and in the QR code) is the call's public results page, whichever address the portal had then.
        string url;
        using (var pdf = PdfDocument.Open(ru.Content))
        {
            var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains(issued.Number, words, StringComparison.Ordinal);
            Assert.Contains("Договор", words, StringComparison.Ordinal);
            Assert.Contains(issued.Parties.OrganizationBin, words, StringComparison.Ordinal);
            Assert.Contains(issued.Sha256!, words.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("после принятия отчёта", words, StringComparison.Ordinal);
            url = pdf.GetPage(1).GetWords().Select(w => w.Text).First(w => w.StartsWith("http", StringComparison.Ordinal));
        }

        using (var pdf = PdfDocument.Open(kk.Content))
        {
            var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Шарт", words, StringComparison.Ordinal);
            Assert.Contains(issued.Number, words, StringComparison.Ordinal);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IAgreementRenderer>();
        var callRow = await Db(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == issued.CallId));
        var decision = await Db(db => db.AwardDecisions.AsNoTracking().SingleAsync(d => d.Id == issued.DecisionId));
        var document = new AgreementDocument(
            issued.Number, issued.IssuedAt!.Value, issued.Parties, callRow.ReferenceNumber, callRow.Title, decision.ProtocolNumber, issued.ProjectTitle, issued.Term,
            issued.YearAmounts, issued.TotalAmount, issued.Tranches, issued.Reports, issued.Activities, issued.Indicators, issued.Sha256!, url, issued.BudgetLines);
        Assert.Equal(ru.Content, renderer.Render(document, ProtocolLanguage.Ru));
        Assert.Equal(kk.Content, renderer.Render(document, ProtocolLanguage.Kk));
    }
}
