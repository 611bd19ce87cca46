using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.AddDissent;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.GetBidFeedback;
using SocialOrder.Application.Awards.GetCallResults;
using SocialOrder.Application.Awards.GetProtocolPdf;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.ReconcileBid;
using SocialOrder.Application.Evaluation.ReopenSheet;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Email;
using SocialOrder.Testing;
using static SocialOrder.Application.IntegrationTests.EvaluationWorld;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>
/// Issue 6's rules, each attacked through the use cases: the commission's decision (quorum, budget, the secretary's
/// justified changes, the lock), the protocol, the published results and each applicant's feedback.
/// </summary>
public sealed class AwardRulesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string Skipped = "Смета проекта дублирует расходы действующей государственной программы";

    private readonly EvaluationWorld _world = new(app);

    private sealed record Commission(ClaimsPrincipal Chair, ClaimsPrincipal Secretary, ClaimsPrincipal Member, IReadOnlyList<MemberInput> Members)
    {
        public IReadOnlyList<Guid> Ids => [.. Members.Select(m => m.UserId)];
    }

    private async Task<Commission> CommissionAsync()
    {
        var chair = await _world.OfficialAccountAsync("Председатель");
        var secretary = await _world.OfficialAccountAsync("Секретарь");
        var member = await _world.OfficialAccountAsync("Член комиссии");
        return new(chair.Principal, secretary.Principal, member.Principal,
            [new(chair.Id, CommissionRole.Chair), new(secretary.Id, CommissionRole.Secretary), new(member.Id, CommissionRole.Member)]);
    }

    /// <summary>Bid i scored (9−i, 9−i, 5−i) by both its experts: totals 91.11, 80.00, 68.89, ...</summary>
    private static (int A, int B, int C) Descending(int i) => (9 - i, 9 - i, 5 - i);

    /// <summary>
    /// A scored call (by default three bids of 2 000 000 ₸ on a budget of 5 000 000 ₸: two awarded, one reserve) and its
    /// commission, the chair being the call's official.
    /// </summary>
    private async Task<(CallScenario Call, Commission Commission)> ScoredAsync(CallSpec? spec = null, Func<int, (int A, int B, int C)>? points = null)
    {
        var commission = await CommissionAsync();
        spec ??= new CallSpec { Bids = 3, Budget = 5_000_000m };
        await _world.FreshPoolAsync(spec.ExpertsPerBid);
        var call = await _world.CallAsync(spec, commission.Chair);
        await _world.ScoreAsync(call, points ?? Descending);
        return (call, commission);
    }

    /// <summary>A scored call with the decision prepared and, when <paramref name="present"/> says so, the attendance recorded.</summary>
    private async Task<(CallScenario Call, Commission Commission)> PreparedAsync(CallSpec? spec = null, Func<int, (int A, int B, int C)>? points = null, int present = 3)
    {
        var (call, commission) = await ScoredAsync(spec, points);
        var prepared = await app.SendAsync(new PrepareDecisionCommand(call.Id, commission.Members, 2m / 3m), commission.Chair);
        Assert.True(prepared.IsSuccess, Codes(prepared));
        if (present > 0)
        {
            var attended = await app.SendAsync(new RecordAttendanceCommand(call.Id, [.. commission.Ids.Take(present)]), commission.Chair);
            Assert.True(attended.IsSuccess, Codes(attended));
        }

        return (call, commission);
    }

    private async Task ConfirmAsync(CallScenario call, Commission commission)
    {
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(call.Id), commission.Chair);
        Assert.True(confirmed.IsSuccess, Codes(confirmed));
    }

    private Task<AwardDecision?> DecisionAsync(CallScenario call) =>
        _world.DbAsync(db => db.AwardDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == call.Call.Id));

    private Task<Call> StoredCallAsync(CallScenario call) => _world.DbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Call.Id));

    private static string DecisionState(AwardDecision? d) => d is null ? "none" : Snapshot(new
    {
        d.Status, d.Version, d.Members, d.QuorumFraction, d.Lines, d.Dissents, d.ProtocolNumber, d.DecisionSha256, d.LockedAt, d.LockedBy,
        d.ProtocolKkFileId, d.ProtocolRuFileId, d.ProtocolKkSha256, d.ProtocolRuSha256,
    });

    /// <summary>The results e-mails queued for a call, to anyone.</summary>
    private Task<List<OutgoingEmail>> ResultsMailsAsync(CallScenario call)
    {
        var subject = $"итоги конкурса {call.Call.ReferenceNumber}";
        return _world.DbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(e => e.Subject.Contains(subject)).ToListAsync());
    }

    /// <summary>The decision is still a draft: no lock, no protocol, the call not awarded, nothing published, nobody told.</summary>
    private async Task AssertNothingDecidedAsync(CallScenario call)
    {
        var decision = await DecisionAsync(call);
        Assert.Equal((DecisionStatus.Draft, (string?)null, (Guid?)null), (decision!.Status, decision.ProtocolNumber, decision.ProtocolRuFileId));
        Assert.Equal((CallStatus.Published, (DateTimeOffset?)null), ((await StoredCallAsync(call)).Status, (await StoredCallAsync(call)).AwardedAt));
        Assert.Null(await app.SendAsync(new GetCallResultsQuery(call.Id)));
        Assert.Empty(await ResultsMailsAsync(call));
    }

    // ---- Quorum and budget ----

    [Fact]
    public async Task Confirming_WithoutQuorum_IsRefused_NothingChanges_AndIsAudited()
    {
        var (call, commission) = await PreparedAsync(present: 0);
        var nobodyThere = await app.SendAsync(new ConfirmDecisionCommand(call.Id), commission.Chair);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(call.Id, [commission.Ids[0]]), commission.Chair)).IsSuccess);
        var before = DecisionState(await DecisionAsync(call));

        var oneOfThree = await app.SendAsync(new ConfirmDecisionCommand(call.Id), commission.Chair);

        Assert.Equal(ResultStatus.RuleBroken, nobodyThere.Status);
        Assert.Contains(nobodyThere.Errors, e => e.Code == "Rule.DecisionNeedsQuorum");
        Assert.Equal(ResultStatus.RuleBroken, oneOfThree.Status);
        Assert.Equal("Rule.DecisionNeedsQuorum", Assert.Single(oneOfThree.Errors).Code);
        Assert.Equal(before, DecisionState(await DecisionAsync(call)));
        await AssertNothingDecidedAsync(call);
        await _world.AssertAuditedAsync("ConfirmDecision", commission.Chair, call.Id, "RuleBroken", "Rule.DecisionNeedsQuorum");

        // Two of three is a quorum at two thirds.
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(call.Id, [.. commission.Ids.Take(2)]), commission.Chair)).IsSuccess);
        await ConfirmAsync(call, commission);
    }

    [Fact]
    public async Task AChange_TakingTheTotalAboveTheBudget_IsRefused_AndNothingChanges()
    {
        var (call, commission) = await PreparedAsync();
        var proposed = await DecisionAsync(call);
        Assert.Equal(
            new[] { AwardOutcome.Awarded, AwardOutcome.Awarded, AwardOutcome.Reserve },
            call.Bids.Select(b => proposed!.Lines.Single(l => l.BidId.Value == b).Outcome));
        Assert.Equal(4_000_000m, proposed!.Total);
        var before = DecisionState(proposed);

        // The secretary moves the reserve bid up to Awarded at its full request: 6 000 000 ₸ on a budget of 5 000 000 ₸.
        var overBudget = await app.SendAsync(
            new ChangeDecisionLineCommand(call.Id, call.Bids[2], 2_000_000m, AwardOutcome.Awarded, "Комиссия считает проект приоритетным для региона"), commission.Secretary);

        Assert.Equal(ResultStatus.RuleBroken, overBudget.Status);
        Assert.Equal("Rule.TotalAboveBudget", Assert.Single(overBudget.Errors).Code);
        Assert.Equal(before, DecisionState(await DecisionAsync(call)));
        await AssertNothingDecidedAsync(call);
        await _world.AssertAuditedAsync("ChangeDecisionLine", commission.Secretary, call.Bids[2], "RuleBroken", "Rule.TotalAboveBudget");

        // Funded at what is left, the total equals the budget: that is allowed, and the decision confirms.
        Assert.True((await app.SendAsync(
            new ChangeDecisionLineCommand(call.Id, call.Bids[2], 1_000_000m, AwardOutcome.Awarded, "Комиссия финансирует проект в пределах остатка бюджета"), commission.Secretary)).IsSuccess);
        await ConfirmAsync(call, commission);
        Assert.Equal(5_000_000m, (await DecisionAsync(call))!.Total);
    }

    // ---- The secretary's changes ----

    [Fact]
    public async Task ChangingALine_AboveTheRequest_WithoutJustification_OrByANonSecretary_IsRefused_AndTheLineIsUnchanged()
    {
        var (call, commission) = await PreparedAsync();
        var winner = call.Bids[0];
        var before = DecisionState(await DecisionAsync(call));
        const string why = "Транспортные расходы завышены по сравнению с рынком";
        ChangeDecisionLineCommand Change(decimal amount, string? justification, Guid? bid = null) => new(call.Id, bid ?? winner, amount, AwardOutcome.Awarded, justification);

        var aboveRequest = await app.SendAsync(Change(2_000_001m, why), commission.Secretary);
        var negative = await app.SendAsync(Change(-1m, why), commission.Secretary);
        var unjustified = await app.SendAsync(Change(1_800_000m, null), commission.Secretary);
        var blank = await app.SendAsync(Change(1_800_000m, "      "), commission.Secretary);
        var tooShort = await app.SendAsync(Change(1_800_000m, "Дорого"), commission.Secretary);
        var skippedSilently = await app.SendAsync(new ChangeDecisionLineCommand(call.Id, winner, 0m, AwardOutcome.NotAwarded, null), commission.Secretary);
        var byChair = await app.SendAsync(Change(1_800_000m, why), commission.Chair);
        var byMember = await app.SendAsync(Change(1_800_000m, why), commission.Member);
        var byAnotherOfficial = await app.SendAsync(Change(1_800_000m, why), await _world.OfficialAsync());
        var byStranger = await app.SendAsync(Change(1_800_000m, why), Stranger());
        var unknownBid = await app.SendAsync(Change(1_800_000m, why, Guid.NewGuid()), commission.Secretary);

        Assert.Equal((ResultStatus.RuleBroken, "Rule.AmountAboveRequest"), (aboveRequest.Status, Assert.Single(aboveRequest.Errors).Code));
        Assert.Equal((ResultStatus.Invalid, "Rule.AmountAboveRequest", "Amount"), (negative.Status, negative.Errors[0].Code, negative.Errors[0].Field));
        Assert.All(new[] { unjustified, blank, tooShort, skippedSilently }, r => Assert.Equal((ResultStatus.RuleBroken, "Rule.ChangeNeedsJustification"), (r.Status, r.Errors[0].Code)));
        Assert.All(new[] { byChair, byMember, byAnotherOfficial }, r => Assert.Equal((ResultStatus.RuleBroken, "Rule.OnlySecretaryChanges"), (r.Status, r.Errors[0].Code)));
        Assert.Equal(ResultStatus.NotFound, byStranger.Status);
        Assert.False(unknownBid.IsSuccess);
        Assert.Equal(before, DecisionState(await DecisionAsync(call)));
        await _world.AssertAuditedAsync("ChangeDecisionLine", commission.Secretary, winner, "RuleBroken", "Rule.AmountAboveRequest");
        await _world.AssertAuditedAsync("ChangeDecisionLine", commission.Secretary, winner, "RuleBroken", "Rule.ChangeNeedsJustification");
        await _world.AssertAuditedAsync("ChangeDecisionLine", commission.Chair, winner, "RuleBroken", "Rule.OnlySecretaryChanges");

        var changed = await app.SendAsync(Change(1_800_000m, why), commission.Secretary);
        Assert.True(changed.IsSuccess, Codes(changed));
        var line = (await DecisionAsync(call))!.Lines.Single(l => l.BidId.Value == winner);
        Assert.Equal((1_800_000m, why, true), (line.Amount, line.Justification, line.Changed));
    }

    [Fact]
    public async Task ADissent_IsRecordedOnlyByAMember_OrByTheSecretaryInTheirName_AndNeedsText()
    {
        var (call, commission) = await PreparedAsync();
        var before = DecisionState(await DecisionAsync(call));
        var outsider = await _world.OfficialAccountAsync();

        var byOutsider = await app.SendAsync(new AddDissentCommand(call.Id, outsider.Id, "Не согласен с распределением средств"), outsider.Principal);
        var forAnother = await app.SendAsync(new AddDissentCommand(call.Id, commission.Ids[2], "Не согласен с распределением средств"), commission.Chair);
        var empty = await app.SendAsync(new AddDissentCommand(call.Id, commission.Ids[2], string.Empty), commission.Member);
        var tooShort = await app.SendAsync(new AddDissentCommand(call.Id, commission.Ids[2], "Против"), commission.Member);

        Assert.Equal("Rule.DissentByMember", byOutsider.Errors[0].Code);
        Assert.Equal("Rule.OnlySecretaryChanges", forAnother.Errors[0].Code);
        Assert.Equal(("Rule.DissentNeedsText", "Text"), (empty.Errors[0].Code, empty.Errors[0].Field));
        Assert.Equal("Rule.DissentNeedsText", tooShort.Errors[0].Code);
        Assert.Equal(before, DecisionState(await DecisionAsync(call)));

        Assert.True((await app.SendAsync(new AddDissentCommand(call.Id, commission.Ids[2], "Резервный список должен быть длиннее"), commission.Secretary)).IsSuccess);
        Assert.Equal(commission.Ids[2], Assert.Single((await DecisionAsync(call))!.Dissents).MemberId);
    }

    // ---- The lock ----

    [Fact]
    public async Task ASecondConfirmation_OfALockedDecision_IsRefused_AndNothingChanges()
    {
        var (call, commission) = await PreparedAsync();
        await ConfirmAsync(call, commission);
        var locked = DecisionState(await DecisionAsync(call));
        var awardedAt = (await StoredCallAsync(call)).AwardedAt;
        var mails = (await ResultsMailsAsync(call)).Count;

        var again = await app.SendAsync(new ConfirmDecisionCommand(call.Id), commission.Chair);
        var bySecretary = await app.SendAsync(new ConfirmDecisionCommand(call.Id), commission.Secretary);

        Assert.Equal((ResultStatus.RuleBroken, "Rule.DecisionLocked"), (again.Status, Assert.Single(again.Errors).Code));
        Assert.Equal("Rule.DecisionLocked", bySecretary.Errors[0].Code);
        Assert.Equal(locked, DecisionState(await DecisionAsync(call)));
        Assert.Equal(awardedAt, (await StoredCallAsync(call)).AwardedAt);
        Assert.Equal(mails, (await ResultsMailsAsync(call)).Count);
        await _world.AssertAuditedAsync("ConfirmDecision", commission.Chair, call.Id, "RuleBroken", "Rule.DecisionLocked");
    }

    [Fact]
    public async Task AfterTheLock_Attendance_Lines_Dissents_TheCommission_AndTheSheets_NeverChange()
    {
        var (call, commission) = await PreparedAsync();
        await ConfirmAsync(call, commission);
        var locked = DecisionState(await DecisionAsync(call));
        var sheets = Snapshot((await _world.AssignmentsAsync(call.Id)).Select(SheetState));

        var attendance = await app.SendAsync(new RecordAttendanceCommand(call.Id, [commission.Ids[0]]), commission.Chair);
        var line = await app.SendAsync(new ChangeDecisionLineCommand(call.Id, call.Bids[0], 1_500_000m, AwardOutcome.Awarded, "Сокращение после подписания протокола"), commission.Secretary);
        var dissent = await app.SendAsync(new AddDissentCommand(call.Id, commission.Ids[2], "Запоздалое особое мнение члена комиссии"), commission.Member);
        var commissionAgain = await app.SendAsync(new PrepareDecisionCommand(call.Id, commission.Members, 1m), commission.Chair);
        var reopen = await app.SendAsync(new ReopenSheetCommand((await _world.AssignmentsAsync(call.Id))[0].Id, "Пересмотр оценки после решения комиссии"), commission.Chair);

        Assert.All(new Result[] { attendance, line, dissent, commissionAgain }, r => Assert.Equal((ResultStatus.RuleBroken, "Rule.DecisionLocked"), (r.Status, r.Errors[0].Code)));
        Assert.Equal((ResultStatus.Conflict, "Rule.CallAlreadyAwarded"), (reopen.Status, reopen.Errors[0].Code));
        Assert.Equal(locked, DecisionState(await DecisionAsync(call)));
        Assert.Equal(sheets, Snapshot((await _world.AssignmentsAsync(call.Id)).Select(SheetState)));
        await _world.AssertAuditedAsync("RecordAttendance", commission.Chair, call.Id, "RuleBroken", "Rule.DecisionLocked");
        await _world.AssertAuditedAsync("ChangeDecisionLine", commission.Secretary, call.Bids[0], "RuleBroken", "Rule.DecisionLocked");
        await _world.AssertAuditedAsync("AddDissent", commission.Member, call.Id, "RuleBroken", "Rule.DecisionLocked");
    }

    [Fact]
    public async Task TheDraftProtocol_IsNotGivenToAnOfficialOfAnotherBody_NorToThePublic()
    {
        var (call, commission) = await PreparedAsync();
        var stranger = Stranger();

        var strangerKk = await app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Kk, Draft: true), stranger);
        var strangerRu = await app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Ru, Draft: true), stranger);
        var anonymousDraft = await app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Ru, Draft: true));
        var anonymous = await app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Ru));
        var applicant = await app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Ru, Draft: true), Applicant(call.Founders[0]));
        var own = await app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Ru, Draft: true), commission.Member);

        Assert.Null(strangerKk);
        Assert.Null(strangerRu);
        Assert.Null(anonymousDraft);
        Assert.Null(anonymous);
        Assert.Null(applicant);
        Assert.NotNull(own);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(own.Content, 0, 4));
    }

    // ---- When a decision may be prepared and confirmed ----

    [Fact]
    public async Task PreparingADecision_WhileSheetsAreOutstanding_OrEligibilityIsUnchecked_IsRefused()
    {
        var commission = await CommissionAsync();
        await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec { Bids = 2 }, commission.Chair);
        var staffed = await _world.StaffAsync(call);
        foreach (var a in staffed)
        {
            await _world.AcceptAsync(a);
        }

        foreach (var a in staffed.Skip(1))
        {
            await _world.SubmitAsync(a, 7, 7, 3);
        }

        var unassigned = await _world.CallAsync(new CallSpec(), commission.Chair);
        var uncheckedCall = await _world.CallAsync(new CallSpec { Bids = 2, Eligible = [true, null] }, commission.Chair);
        await _world.ScoreAsync(uncheckedCall, Descending);

        var pending = await app.SendAsync(new PrepareDecisionCommand(call.Id, commission.Members, 2m / 3m), commission.Chair);
        var nobodyAssigned = await app.SendAsync(new PrepareDecisionCommand(unassigned.Id, commission.Members, 2m / 3m), commission.Chair);
        var notChecked = await app.SendAsync(new PrepareDecisionCommand(uncheckedCall.Id, commission.Members, 2m / 3m), commission.Chair);

        Assert.Equal((ResultStatus.RuleBroken, "Award.SheetsOutstanding"), (pending.Status, Assert.Single(pending.Errors).Code));
        Assert.Equal("Award.SheetsOutstanding", Assert.Single(nobodyAssigned.Errors).Code);
        Assert.Equal("Award.EligibilityUnchecked", Assert.Single(notChecked.Errors).Code);
        Assert.Null(await DecisionAsync(call));
        Assert.Null(await DecisionAsync(unassigned));
        Assert.Null(await DecisionAsync(uncheckedCall));
        await _world.AssertAuditedAsync("PrepareDecision", commission.Chair, call.Id, "RuleBroken", "Award.SheetsOutstanding");
    }

    [Fact]
    public async Task PreparingADecision_WhileADivergenceIsUnresolved_IsRefused()
    {
        var commission = await CommissionAsync();
        await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec(), commission.Chair);
        var staffed = await _world.StaffAsync(call);
        foreach (var a in staffed)
        {
            await _world.AcceptAsync(a);
        }

        await _world.SubmitAsync(staffed[0], 10, 10, 5);
        await _world.SubmitAsync(staffed[1], 0, 0, 0);

        var divergent = await app.SendAsync(new PrepareDecisionCommand(call.Id, commission.Members, 2m / 3m), commission.Chair);

        Assert.Equal((ResultStatus.RuleBroken, "Award.DivergenceUnresolved"), (divergent.Status, Assert.Single(divergent.Errors).Code));
        Assert.Null(await DecisionAsync(call));
        Assert.True((await app.SendAsync(new ReconcileBidCommand(call.Bids[0], "Комиссия приняла среднее значение после обсуждения"), commission.Chair)).IsSuccess);
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(call.Id, commission.Members, 2m / 3m), commission.Chair)).IsSuccess);
    }

    [Fact]
    public async Task Confirming_WhileAReopenedSheetIsOutstanding_IsRefused_NotAServerError()
    {
        var (call, commission) = await PreparedAsync();
        var reopened = await app.SendAsync(new ReopenSheetCommand((await _world.AssignmentsAsync(call.Id))[0].Id, "Эксперт сообщил об ошибке в критерии A"), commission.Chair);
        Assert.True(reopened.IsSuccess, Codes(reopened));

        Result? confirm = null;
        var thrown = await Record.ExceptionAsync(async () => confirm = await app.SendAsync(new ConfirmDecisionCommand(call.Id), commission.Chair));

        await AssertNothingDecidedAsync(call);
        Assert.True(thrown is null, $"Confirming with a sheet outstanding threw instead of refusing: {thrown}");
        Assert.Equal(ResultStatus.RuleBroken, confirm!.Status);
        Assert.Contains(confirm.Errors, e => e.Code == "Award.SheetsOutstanding");
    }

    [Fact]
    public async Task TheDraftProtocol_AfterASheetWasReopened_IsNotAServerError()
    {
        var (call, commission) = await PreparedAsync();
        Assert.True((await app.SendAsync(new ReopenSheetCommand((await _world.AssignmentsAsync(call.Id))[0].Id, "Эксперт сообщил об ошибке в критерии A"), commission.Chair)).IsSuccess);

        var thrown = await Record.ExceptionAsync(() => app.SendAsync(new GetProtocolPdfQuery(call.Id, ProtocolLanguage.Ru, Draft: true), commission.Chair));

        Assert.True(thrown is null, $"Downloading the draft protocol with a sheet outstanding threw: {thrown}");
    }

    // ---- What the confirmation publishes ----

    [Fact]
    public async Task Confirming_AwardsTheCall_EmailsEveryApplicant_PublishesTheWinners_AndStoresTheProtocolWithItsHash()
    {
        var applicants = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 4; i++)
        {
            applicants.Add(await _world.AccountAsync(AccountType.Applicant));
        }

        var (call, commission) = await PreparedAsync(new CallSpec { Bids = 4, Budget = 5_000_000m, Eligible = [true, true, true, false], Founders = [.. applicants.Select(a => a.Id)] });
        var now = app.Clock.AdvanceToWholeSecond();
        await ConfirmAsync(call, commission);

        var stored = await StoredCallAsync(call);
        Assert.Equal((CallStatus.Awarded, now), (stored.Status, stored.AwardedAt!.Value));
        foreach (var (_, email) in applicants)
        {
            Assert.Single(await _world.MailsAsync(email), m => m.Subject.Contains(call.Call.ReferenceNumber, StringComparison.Ordinal));
        }

        var decision = (await DecisionAsync(call))!;
        Assert.Equal(DecisionStatus.Locked, decision.Status);
        Assert.Equal(decision.DecisionSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(decision.CanonicalJson()))));

        var results = await app.SendAsync(new GetCallResultsQuery(call.Id));
        Assert.NotNull(results);
        Assert.Equal((decision.ProtocolNumber, decision.DecisionSha256, 5_000_000m, 4_000_000m), (results.ProtocolNumber, results.DecisionSha256, results.Budget, results.TotalAwarded));
        Assert.Equal(call.Receipts.Take(3), results.Rows.Select(r => r.ReceiptNumber));
        Assert.Equal(new[] { 91.11m, 80.00m, 68.89m }, results.Rows.Select(r => r.Total));
        Assert.Equal(new[] { AwardOutcome.Awarded, AwardOutcome.Awarded, AwardOutcome.Reserve }, results.Rows.Select(r => r.Outcome));
        Assert.Equal(new[] { 2_000_000m, 2_000_000m, 0m }, results.Rows.Select(r => r.Awarded));

        foreach (var (language, hash) in new[] { (ProtocolLanguage.Kk, decision.ProtocolKkSha256), (ProtocolLanguage.Ru, decision.ProtocolRuSha256) })
        {
            var first = await app.SendAsync(new GetProtocolPdfQuery(call.Id, language));
            var second = await app.SendAsync(new GetProtocolPdfQuery(call.Id, language));
            Assert.NotNull(first);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(first.Content)));
            Assert.Equal(first.Content, second!.Content);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(first.Content, 0, 4));
        }

        Assert.Equal((decision.ProtocolKkSha256, decision.ProtocolRuSha256), (results.ProtocolKkSha256, results.ProtocolRuSha256));
        Assert.NotEqual(decision.ProtocolKkSha256, decision.ProtocolRuSha256);
    }

    // ---- Feedback to applicants ----

    [Fact]
    public async Task AnApplicant_SeesFeedbackOnlyForTheirOwnBid_WithMeansTotalRank_AndAnonymousJustifications()
    {
        var (call, commission) = await PreparedAsync();
        var mine = Applicant(call.Founders[0]);
        var draftTime = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0]), mine);
        Assert.True(
            (await app.SendAsync(new ChangeDecisionLineCommand(call.Id, call.Bids[1], 0m, AwardOutcome.NotAwarded, Skipped), commission.Secretary)).IsSuccess);
        await ConfirmAsync(call, commission);

        Assert.NotNull(draftTime);
        Assert.Equal((false, (BidAggregate?)null, (int?)null), (draftTime.Published, draftTime.Aggregate, draftTime.Rank));
        Assert.Empty(draftTime.Sheets);

        var own = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0]), mine);
        Assert.NotNull(own);
        Assert.Equal((true, AwardOutcome.Awarded, 2_000_000m, (string?)null), (own.Published, own.Outcome!.Value, own.Awarded, own.OutcomeReason));
        Assert.Equal((1, 3, 91.11m), (own.Rank!.Value, own.Ranked, own.Aggregate!.Total));
        Assert.Equal(new[] { 9m, 9m, 5m }, own.Aggregate.Means.Select(m => m.Mean));
        Assert.Equal(2, own.Sheets.Count);
        Assert.All(own.Sheets, s => Assert.Equal(Sheet(9, 9, 5).Select(x => x.Justification), s.Scores.Select(x => x.Justification)));

        var experts = (await _world.AssignmentsAsync(call.Id)).Select(a => a.ExpertId).Distinct().ToList();
        var names = await _world.DbAsync(db => db.ExpertProfiles.AsNoTracking().Where(p => experts.Contains(p.UserId)).Select(p => p.FullName).ToListAsync());
        var sheets = Snapshot(own.Sheets);
        Assert.All(experts, id => Assert.DoesNotContain(id.ToString(), sheets, StringComparison.OrdinalIgnoreCase));
        Assert.All(experts, id => Assert.DoesNotContain(ExpertEmail(id), Snapshot(own), StringComparison.OrdinalIgnoreCase));
        Assert.All(names, name => Assert.DoesNotContain(name, Snapshot(own), StringComparison.Ordinal));

        Assert.Null(await app.SendAsync(new GetBidFeedbackQuery(call.Bids[1]), mine));
        Assert.Null(await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0]), Applicant(call.Founders[1])));
        Assert.Null(await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0]), Expert(experts[0])));
        Assert.Null(await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0]), commission.Chair));
        Assert.Null(await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0])));

        var skipped = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[1]), Applicant(call.Founders[1]));
        var reserve = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[2]), Applicant(call.Founders[2]));
        Assert.Equal((AwardOutcome.NotAwarded, 0m, Skipped, 2), (skipped!.Outcome!.Value, skipped.Awarded, skipped.OutcomeReason, skipped.Rank!.Value));
        Assert.Equal((AwardOutcome.Reserve, "Feedback.Reserve"), (reserve!.Outcome!.Value, reserve.OutcomeReason));
    }

    [Fact]
    public async Task TheFeedback_GivesTheReason_WhenTheBidWasIneligible_OrBelowTheMinimum()
    {
        // A needs a mean of 5, C a mean of 3; the pass mark is 50.
        var criteria = EvaluationWorld.Criteria;
        var (call, commission) = await ScoredAsync(
            new CallSpec { Bids = 4, MinimumTotal = 50m, Eligible = [true, true, false, true], Criteria = [criteria[0] with { MinPoints = 5 }, criteria[1], criteria[2] with { MinPoints = 3 }] },
            i => i switch { 0 => (9, 9, 5), 3 => (5, 0, 3), _ => (2, 2, 1) });
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(call.Id, commission.Members, 2m / 3m), commission.Chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(call.Id, commission.Ids), commission.Chair)).IsSuccess);
        var before = DecisionState(await DecisionAsync(call));

        var unfundable = await app.SendAsync(
            new ChangeDecisionLineCommand(call.Id, call.Bids[1], 2_000_000m, AwardOutcome.Awarded, "Комиссия хочет поддержать этот проект"), commission.Secretary);
        Assert.Equal("Rule.UnfundableNotAwarded", unfundable.Errors[0].Code);
        Assert.Equal(before, DecisionState(await DecisionAsync(call)));
        await ConfirmAsync(call, commission);

        var low = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[1]), Applicant(call.Founders[1]));
        var ineligible = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[2]), Applicant(call.Founders[2]));
        var lowTotal = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[3]), Applicant(call.Founders[3]));
        var winner = await app.SendAsync(new GetBidFeedbackQuery(call.Bids[0]), Applicant(call.Founders[0]));

        // Below two criteria's minimums and the pass mark: each criterion named with its minimum and the bid's mean, then the total.
        Assert.Equal((AwardOutcome.NotAwarded, "Feedback.BelowCriterionMinimum", true, 20m), (low!.Outcome!.Value, low.OutcomeReason, low.Aggregate!.BelowOverallMinimum, low.Aggregate.Total));
        Assert.Equal(
            new[] { ("A", "Актуальность", 5, 2m), ("C", "Обоснованность бюджета", 3, 1m) },
            low.Shortfall!.Criteria.Select(s => (s.Code, s.Name.Ru, s.Minimum, s.Mean)));
        Assert.Equal(new TotalShortfall(50m, 20m), low.Shortfall.Total);

        // Above every criterion's minimum but below the pass mark: only the total.
        Assert.Equal((AwardOutcome.NotAwarded, "Feedback.BelowOverallMinimum", 34.44m), (lowTotal!.Outcome!.Value, lowTotal.OutcomeReason, lowTotal.Aggregate!.Total));
        Assert.Empty(lowTotal.Shortfall!.Criteria);
        Assert.Equal(new TotalShortfall(50m, 34.44m), lowTotal.Shortfall.Total);

        Assert.Null(winner!.Shortfall);
        Assert.Equal((true, "Feedback.Ineligible", false, IneligibleReason), (ineligible!.Published, ineligible.OutcomeReason, ineligible.Eligibility!.Eligible, ineligible.Eligibility.Reason));
        Assert.Null(ineligible.Shortfall);
        Assert.Null(ineligible.Aggregate);
        Assert.Null(ineligible.Rank);
        Assert.Empty(ineligible.Sheets);
    }
}
