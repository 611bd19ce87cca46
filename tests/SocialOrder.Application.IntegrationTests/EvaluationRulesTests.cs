using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Accounts.DecideExpertCandidacy;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.AssignExpert;
using SocialOrder.Application.Evaluation.ConfirmAssignments;
using SocialOrder.Application.Evaluation.DeclareConflict;
using SocialOrder.Application.Evaluation.DeclineAssignment;
using SocialOrder.Application.Evaluation.GetAssignedBidFile;
using SocialOrder.Application.Evaluation.GetEvaluationDashboard;
using SocialOrder.Application.Evaluation.GetExpertPool;
using SocialOrder.Application.Evaluation.GetMyAssignments;
using SocialOrder.Application.Evaluation.GetMyExpertProfile;
using SocialOrder.Application.Evaluation.GetScoring;
using SocialOrder.Application.Evaluation.ProposeAssignments;
using SocialOrder.Application.Evaluation.ReconcileBid;
using SocialOrder.Application.Evaluation.ReopenSheet;
using SocialOrder.Application.Evaluation.SaveExpertProfile;
using SocialOrder.Application.Evaluation.SaveScoreDraft;
using SocialOrder.Application.Evaluation.SetAvailability;
using SocialOrder.Application.Evaluation.SubmitScoreSheet;
using SocialOrder.Application.Evaluation.SwapExpert;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Testing;
using static SocialOrder.Application.IntegrationTests.EvaluationWorld;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>
/// Issue 5's rules, each attacked through the use cases: the refusal's code (beside its field), nothing changed in the
/// database, and, for the bad-input list, the attempt in the audit trail.
/// </summary>
public sealed class EvaluationRulesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private readonly EvaluationWorld _world = new(app);

    private JustificationPolicy Policy
    {
        get
        {
            var options = app.Services.GetRequiredService<IOptions<CallOptions>>().Value;
            return new JustificationPolicy(options.MinimumJustification, options.JustificationAtExtremes);
        }
    }

    /// <summary>One bid scored by one expert, who has declared no conflict: a sheet ready to be filled in.</summary>
    private async Task<(CallScenario Call, ExpertAssignment Assignment, ClaimsPrincipal Expert)> OpenSheetAsync()
    {
        await _world.FreshPoolAsync(1);
        var call = await _world.CallAsync(new CallSpec { ExpertsPerBid = 1 });
        var a = Assert.Single(await _world.StaffAsync(call));
        await _world.AcceptAsync(a);
        return (call, await _world.AssignmentAsync(a.Id), Expert(a.ExpertId));
    }

    /// <summary>One bid, two experts, both having declared no conflict; a third expert left in the pool.</summary>
    private async Task<(CallScenario Call, ExpertAssignment First, ExpertAssignment Second, Guid Spare)> TwoExpertsAsync(CallSpec? spec = null, ClaimsPrincipal? official = null)
    {
        var pool = await _world.FreshPoolAsync(3);
        var call = await _world.CallAsync(spec ?? new CallSpec(), official);
        var staffed = await _world.StaffAsync(call);
        Assert.Equal(2, staffed.Count);
        foreach (var a in staffed)
        {
            await _world.AcceptAsync(a);
        }

        return (call, staffed[0], staffed[1], pool.Single(id => staffed.All(a => a.ExpertId != id)));
    }

    private static string Text(int length) => new('о', length);

    private static IReadOnlyList<CriterionScore> With(IReadOnlyList<CriterionScore> sheet, int index, int? points, string justification) =>
        [.. sheet.Select((s, i) => i == index ? s with { Points = points, Justification = justification } : s)];

    // ---- The score sheet: bad input ----

    [Fact]
    public async Task Points_AboveTheMaximumOrNegative_AreRefusedBesideTheField_NothingSaved_AndAudited()
    {
        var (_, a, expert) = await OpenSheetAsync();
        var before = SheetState(a);

        var aboveInDraft = await app.SendAsync(new SaveScoreDraftCommand(a.Id, Sheet(5, 5, 6), a.SheetRevision), expert);
        var aboveOnSubmit = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, Sheet(5, 11, 3)), expert);
        var negative = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, Sheet(-1, 5, 3)), expert);

        Assert.Equal(ResultStatus.Invalid, aboveInDraft.Status);
        var error = Assert.Single(aboveInDraft.Errors);
        Assert.Equal(("Sheet.PointsOutOfRange", "Scores[2].Points", 5), (error.Code, error.Field, (int)error.Args![0]));
        Assert.Equal(("Sheet.PointsOutOfRange", "Scores[1].Points"), (Assert.Single(aboveOnSubmit.Errors).Code, aboveOnSubmit.Errors[0].Field));
        Assert.Equal(("Sheet.PointsOutOfRange", "Scores[0].Points"), (Assert.Single(negative.Errors).Code, negative.Errors[0].Field));
        Assert.Equal(before, SheetState(await _world.AssignmentAsync(a.Id)));
        await _world.AssertAuditedAsync("SaveScoreDraft", expert, a.Id, "Invalid", "Scores[2].Points: Sheet.PointsOutOfRange");
        await _world.AssertAuditedAsync("SubmitScoreSheet", expert, a.Id, "Invalid", "Scores[0].Points: Sheet.PointsOutOfRange");
    }

    [Fact]
    public async Task Justification_TooShort_OrTooShortAtAnExtreme_IsRefusedBesideTheField_NothingSaved_AndAudited()
    {
        var (_, a, expert) = await OpenSheetAsync();
        var policy = Policy;
        var before = SheetState(a);
        var between = Text(policy.Minimum + 5);
        Assert.True(between.Length < policy.AtExtremes, "the test needs a justification long enough in the middle of the scale only");

        var tooShort = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, With(Sheet(5, 5, 3), 0, 5, Text(policy.Minimum - 1))), expert);
        var paddedWithSpaces = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, With(Sheet(5, 5, 3), 1, 5, new string(' ', 60) + "Хорошо" + new string(' ', 60))), expert);
        var shortAtMaximum = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, With(Sheet(5, 10, 3), 1, 10, between)), expert);
        var shortAtZero = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, With(Sheet(5, 5, 0), 2, 0, between)), expert);

        var e = Assert.Single(tooShort.Errors);
        Assert.Equal(("Sheet.JustificationTooShort", "Scores[0].Justification", policy.Minimum), (e.Code, e.Field, (int)e.Args![0]));
        Assert.Equal(("Sheet.JustificationTooShort", "Scores[1].Justification"), (Assert.Single(paddedWithSpaces.Errors).Code, paddedWithSpaces.Errors[0].Field));
        e = Assert.Single(shortAtMaximum.Errors);
        Assert.Equal(("Sheet.JustificationTooShortAtExtreme", "Scores[1].Justification", policy.AtExtremes), (e.Code, e.Field, (int)e.Args![0]));
        Assert.Equal(("Sheet.JustificationTooShortAtExtreme", "Scores[2].Justification"), (Assert.Single(shortAtZero.Errors).Code, shortAtZero.Errors[0].Field));
        Assert.All<Result>([tooShort, paddedWithSpaces, shortAtMaximum, shortAtZero], r => Assert.Equal(ResultStatus.Invalid, r.Status));
        Assert.Equal(before, SheetState(await _world.AssignmentAsync(a.Id)));
        await _world.AssertAuditedAsync("SubmitScoreSheet", expert, a.Id, "Invalid", "Scores[0].Justification: Sheet.JustificationTooShort");
        await _world.AssertAuditedAsync("SubmitScoreSheet", expert, a.Id, "Invalid", "Scores[2].Justification: Sheet.JustificationTooShortAtExtreme");

        // The same lengths pass where they are enough: the middle of the scale needs the minimum only.
        var fine = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, With(Sheet(5, 10, 0), 0, 5, between)), expert);
        Assert.True(fine.IsSuccess, Codes(fine));
    }

    [Fact]
    public async Task Submit_WithACriterionUnscored_IsRefused_AndTheSavedDraftIsKept()
    {
        var (_, a, expert) = await OpenSheetAsync();
        var partial = With(Sheet(6, 7, 3), 2, null, string.Empty);
        var draft = await app.SendAsync(new SaveScoreDraftCommand(a.Id, partial, a.SheetRevision), expert);
        Assert.True(draft.IsSuccess, Codes(draft));
        var saved = SheetState(await _world.AssignmentAsync(a.Id));

        var unscored = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, partial), expert);
        var left = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, [.. Sheet(6, 7, 3).Take(2)]), expert);

        Assert.Equal(ResultStatus.Invalid, unscored.Status);
        Assert.Contains(unscored.Errors, x => (x.Code, x.Field) == ("Sheet.PointsMissing", "Scores[2].Points"));
        Assert.Contains(left.Errors, x => (x.Code, x.Field) == ("Sheet.PointsMissing", "Scores[2].Points"));
        Assert.DoesNotContain(unscored.Errors, x => x.Field is "Scores[0].Points" or "Scores[1].Points");
        var after = await _world.AssignmentAsync(a.Id);
        Assert.Equal(saved, SheetState(after));
        Assert.Equal((SheetStatus.Draft, 6, 7, (int?)null), (after.SheetStatus, after.Scores[0].Points!.Value, after.Scores[1].Points!.Value, after.Scores[2].Points));
        await _world.AssertAuditedAsync("SubmitScoreSheet", expert, a.Id, "Invalid", "Scores[2].Points: Sheet.PointsMissing");
    }

    // ---- Who may open a bid ----

    [Fact]
    public async Task AnUnassignedExpert_OpeningABidById_GetsNotFound_ChangesNothing_AndIsAudited()
    {
        var pool = await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec { ExpertsPerBid = 1 });
        var a = Assert.Single(await _world.StaffAsync(call));
        await _world.AcceptAsync(a);
        var intruder = Expert(pool.Single(id => id != a.ExpertId));
        var before = SheetState(await _world.AssignmentAsync(a.Id));

        var opened = await app.SendAsync(new GetScoringQuery(a.Id), intruder);
        var file = await app.SendAsync(new GetAssignedBidFileQuery(a.Id, Guid.NewGuid()), intruder);
        var draft = await app.SendAsync(new SaveScoreDraftCommand(a.Id, Sheet(1, 1, 1), 0), intruder);
        var submit = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, Sheet(1, 1, 1)), intruder);
        var declare = await app.SendAsync(new DeclareConflictCommand(a.Id, true, "Хочу отвести этого эксперта от заявки"), intruder);

        Assert.Equal(ResultStatus.NotFound, opened.Status);
        Assert.Null(file);
        Assert.All<Result>([draft, submit, declare], r => Assert.Equal(ResultStatus.NotFound, r.Status));
        Assert.Equal(before, SheetState(await _world.AssignmentAsync(a.Id)));
        await _world.AssertAuditedAsync("GetScoringQuery", intruder, a.Id, "NotFound");
        await _world.AssertAuditedAsync("SaveScoreDraft", intruder, a.Id, "NotFound");

        // The assigned expert does open it.
        var own = await app.SendAsync(new GetScoringQuery(a.Id), Expert(a.ExpertId));
        Assert.True(own.IsSuccess, Codes(own));
        Assert.Equal("Жоба 1", own.Value.Content.Title);
    }

    [Fact]
    public async Task ABid_IsNotShown_BeforeTheProposalIsConfirmed_NorBeforeTheExpertDeclares()
    {
        await _world.FreshPoolAsync(1);
        var call = await _world.CallAsync(new CallSpec { ExpertsPerBid = 1 });
        Assert.True((await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official)).IsSuccess);
        var proposed = Assert.Single(await _world.AssignmentsAsync(call.Id));
        var expert = Expert(proposed.ExpertId);

        Assert.Empty(await app.SendAsync(new GetMyAssignmentsQuery(), expert));
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetScoringQuery(proposed.Id), expert)).Status);

        Assert.True((await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), call.Official)).IsSuccess);
        var before = SheetState(await _world.AssignmentAsync(proposed.Id));
        var row = Assert.Single(await app.SendAsync(new GetMyAssignmentsQuery(), expert));
        var opened = await app.SendAsync(new GetScoringQuery(proposed.Id), expert);
        var file = await app.SendAsync(new GetAssignedBidFileQuery(proposed.Id, Guid.NewGuid()), expert);
        var draft = await app.SendAsync(new SaveScoreDraftCommand(proposed.Id, Sheet(5, 5, 3), 0), expert);
        var submit = await app.SendAsync(new SubmitScoreSheetCommand(proposed.Id, Sheet(5, 5, 3)), expert);

        Assert.Equal((AssignmentStatus.Assigned, string.Empty, call.Receipts[0]), (row.Status, row.BidTitle, row.ReceiptNumber));
        Assert.Equal(ResultStatus.NotFound, opened.Status);
        Assert.Null(file);
        Assert.Equal(ResultStatus.NotFound, draft.Status);
        Assert.Equal(ResultStatus.NotFound, submit.Status);
        Assert.Equal(before, SheetState(await _world.AssignmentAsync(proposed.Id)));
        await _world.AssertAuditedAsync("GetScoringQuery", expert, proposed.Id, "NotFound");

        await _world.AcceptAsync(proposed);
        Assert.True((await app.SendAsync(new GetScoringQuery(proposed.Id), expert)).IsSuccess);
    }

    [Fact]
    public async Task AnOfficialOfAnotherStateBody_GetsNotFound_ForTheDashboardAndEveryEvaluationCommand_AndIsAudited()
    {
        var (call, a, _, spare) = await TwoExpertsAsync();
        await _world.SubmitAsync(a, 7, 7, 3);
        var stranger = Stranger();
        var before = Snapshot((await _world.AssignmentsAsync(call.Id)).Select(SheetState));

        var dashboard = await app.SendAsync(new GetEvaluationDashboardQuery(call.Id), stranger);
        var propose = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), stranger);
        var assign = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], spare, true), stranger);
        var confirm = await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), stranger);
        var reopen = await app.SendAsync(new ReopenSheetCommand(a.Id, "Проверка чужим ведомством"), stranger);
        var reconcile = await app.SendAsync(new ReconcileBidCommand(call.Bids[0], "Проверка чужим ведомством"), stranger);

        Assert.Equal(ResultStatus.NotFound, dashboard.Status);
        Assert.All<IResult>([propose, assign, confirm, reopen, reconcile], r => Assert.Equal(ResultStatus.NotFound, r.Status));
        Assert.Equal(before, Snapshot((await _world.AssignmentsAsync(call.Id)).Select(SheetState)));
        Assert.Null((await _world.BidAsync(call.Bids[0])).Reconciliation);
        await _world.AssertAuditedAsync("GetEvaluationDashboardQuery", stranger, call.Id, "NotFound");
        await _world.AssertAuditedAsync("ReopenSheet", stranger, a.Id, "NotFound");
    }

    // ---- Sealed sheets ----

    [Fact]
    public async Task ASealedSheet_EditedByACraftedPost_IsRefused_ScoresUnchanged_AndAudited()
    {
        var (_, a, expert) = await OpenSheetAsync();
        await _world.SubmitAsync(a, 7, 6, 3);
        var sealedSheet = await _world.AssignmentAsync(a.Id);
        var before = SheetState(sealedSheet);

        var draft = await app.SendAsync(new SaveScoreDraftCommand(a.Id, Sheet(1, 1, 1), sealedSheet.SheetRevision), expert);
        var resubmit = await app.SendAsync(new SubmitScoreSheetCommand(a.Id, Sheet(1, 1, 1)), expert);
        var outOfRange = await app.SendAsync(new SaveScoreDraftCommand(a.Id, Sheet(99, 1, 1), sealedSheet.SheetRevision), expert);

        Assert.Equal((ResultStatus.RuleBroken, "Rule.SheetSealed"), (draft.Status, Assert.Single(draft.Errors).Code));
        Assert.Equal((ResultStatus.RuleBroken, "Rule.SheetSealed"), (resubmit.Status, Assert.Single(resubmit.Errors).Code));
        Assert.False(outOfRange.IsSuccess);
        var after = await _world.AssignmentAsync(a.Id);
        Assert.Equal(before, SheetState(after));
        Assert.Equal(new[] { 7, 6, 3 }, after.Scores.Select(s => s.Points!.Value));
        await _world.AssertAuditedAsync("SaveScoreDraft", expert, a.Id, "RuleBroken", "Rule.SheetSealed");
        await _world.AssertAuditedAsync("SubmitScoreSheet", expert, a.Id, "RuleBroken", "Rule.SheetSealed");
    }

    [Fact]
    public async Task Reopening_NeedsAReason_KeepsTheEarlierVersionInHistory_AndEmailsTheExpert()
    {
        var (call, a, expert) = await OpenSheetAsync();
        await _world.SubmitAsync(a, 7, 6, 3);
        var before = SheetState(await _world.AssignmentAsync(a.Id));

        var empty = await app.SendAsync(new ReopenSheetCommand(a.Id, string.Empty), call.Official);
        var tooShort = await app.SendAsync(new ReopenSheetCommand(a.Id, "Ошибка"), call.Official);
        var byTheExpert = await app.SendAsync(new ReopenSheetCommand(a.Id, "Хочу исправить свою оценку по критерию B"), expert);

        Assert.Equal(("Rule.ReopenNeedsReason", "Reason"), (empty.Errors[0].Code, empty.Errors[0].Field));
        Assert.Equal(("Rule.ReopenNeedsReason", "Reason"), (Assert.Single(tooShort.Errors).Code, tooShort.Errors[0].Field));
        Assert.Equal(ResultStatus.NotFound, byTheExpert.Status);
        Assert.Equal(before, SheetState(await _world.AssignmentAsync(a.Id)));
        Assert.DoesNotContain(await _world.MailsAsync(ExpertEmail(a.ExpertId)), m => m.Subject.Contains("повторно", StringComparison.Ordinal));
        await _world.AssertAuditedAsync("ReopenSheet", call.Official, a.Id, "Invalid", "Reason: Rule.ReopenNeedsReason");

        const string reason = "Арифметическая ошибка в критерии B, подтверждена экспертом";
        var reopened = await app.SendAsync(new ReopenSheetCommand(a.Id, reason), call.Official);
        Assert.True(reopened.IsSuccess, Codes(reopened));
        var open = await _world.AssignmentAsync(a.Id);
        var kept = Assert.Single(open.History);
        Assert.Equal((SheetStatus.Draft, (DateTimeOffset?)null), (open.SheetStatus, open.SubmittedAt));
        Assert.Equal((1, reason, Guid.Parse(call.Official.FindFirst(ClaimTypes.NameIdentifier)!.Value)), (kept.Version, kept.Reason, kept.ReopenedBy));
        Assert.Equal(new[] { 7, 6, 3 }, kept.Scores.Select(s => s.Points!.Value));
        var mail = Assert.Single(await _world.MailsAsync(ExpertEmail(a.ExpertId)), m => m.Subject.Contains("повторно", StringComparison.Ordinal));
        Assert.Contains(reason, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Single((await app.SendAsync(new GetScoringQuery(a.Id), expert)).Value.History);

        // The expert corrects and seals it again: version 2, the first still kept.
        await _world.SubmitAsync(a, 7, 8, 3);
        var resealed = await _world.AssignmentAsync(a.Id);
        Assert.Equal((SheetStatus.Submitted, 2, 8), (resealed.SheetStatus, resealed.SheetVersion, resealed.Scores[1].Points!.Value));
        Assert.Equal(6, Assert.Single(resealed.History).Scores[1].Points);
    }

    [Fact]
    public async Task AStaleAutosave_IsAConflict_AndTheSavedDraftIsKept()
    {
        var (_, a, expert) = await OpenSheetAsync();
        var first = await app.SendAsync(new SaveScoreDraftCommand(a.Id, Sheet(5, 5, 3), a.SheetRevision), expert);
        Assert.True(first.IsSuccess, Codes(first));
        var saved = SheetState(await _world.AssignmentAsync(a.Id));

        // Another tab still holds the revision the first save started from.
        var stale = await app.SendAsync(new SaveScoreDraftCommand(a.Id, Sheet(1, 1, 1), a.SheetRevision), expert);

        Assert.Equal("Rule.SheetChangedElsewhere", Assert.Single(stale.Errors).Code);
        Assert.Equal(saved, SheetState(await _world.AssignmentAsync(a.Id)));
        await _world.AssertAuditedAsync("SaveScoreDraft", expert, a.Id, stale.Status.ToString(), "Rule.SheetChangedElsewhere");

        // The sheet editor stops autosaving and tells the expert only on 409 Conflict (sheet-editor.js, PortalController.AutosaveAnswer).
        Assert.Equal(ResultStatus.Conflict, stale.Status);
    }

    // ---- What each one sees ----

    [Fact]
    public async Task AnExpert_SeesNoOtherSheet_BeforeSubmitting_NorAfter_WhenTheCallLeavesTheOptionOff()
    {
        var (call, first, second, _) = await TwoExpertsAsync();
        Assert.False(call.Call.ExpertsSeeOtherSheets);
        await _world.SubmitAsync(first, 9, 9, 5);

        var beforeOwn = await app.SendAsync(new GetScoringQuery(second.Id), Expert(second.ExpertId));
        await _world.SubmitAsync(second, 3, 3, 1);
        var afterOwn = await app.SendAsync(new GetScoringQuery(second.Id), Expert(second.ExpertId));
        var firstAfterAll = await app.SendAsync(new GetScoringQuery(first.Id), Expert(first.ExpertId));

        Assert.Empty(beforeOwn.Value.OtherSheets);
        Assert.Empty(afterOwn.Value.OtherSheets);
        Assert.Empty(firstAfterAll.Value.OtherSheets);
        Assert.Equal(new[] { 3, 3, 1 }, afterOwn.Value.Scores.Select(s => s.Points!.Value));
    }

    [Fact]
    public async Task TheOptionToSeeOtherSheets_IsOffForACallCreatedThroughTheUseCase()
    {
        var official = await _world.OfficialAsync();
        var now = app.Clock.GetUtcNow();
        var created = await app.SendAsync(CallCommandBuilder.Complete(now), official);
        Assert.True(created.IsSuccess, Codes(created));
        var id = new CallId(created.Value);

        Assert.False(await _world.DbAsync(db => db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => c.ExpertsSeeOtherSheets).SingleAsync()));
    }

    [Fact]
    public async Task AnExpert_SeesOtherSheets_OnlyAfterSubmittingTheirOwn_WhenTheCallAllowsIt()
    {
        var (_, first, second, _) = await TwoExpertsAsync(new CallSpec { ExpertsSeeOtherSheets = true });
        await _world.SubmitAsync(first, 9, 9, 5);
        var draft = await app.SendAsync(new SaveScoreDraftCommand(second.Id, Sheet(4, 4, 2), 0), Expert(second.ExpertId));
        Assert.True(draft.IsSuccess, Codes(draft));

        var beforeOwn = await app.SendAsync(new GetScoringQuery(second.Id), Expert(second.ExpertId));
        await _world.SubmitAsync(second, 3, 3, 1);
        var afterOwn = await app.SendAsync(new GetScoringQuery(second.Id), Expert(second.ExpertId));

        Assert.Empty(beforeOwn.Value.OtherSheets);
        var other = Assert.Single(afterOwn.Value.OtherSheets);
        Assert.Equal(new[] { 9, 9, 5 }, other.Scores.Select(s => s.Points!.Value));
        Assert.Equal(91.11m, other.Total);
    }

    [Fact]
    public async Task Officials_SeeProgress_ButNoScoreOfABid_WhileOneOfItsSheetsIsPending()
    {
        await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec { Bids = 2 });
        var staffed = await _world.StaffAsync(call);
        foreach (var x in staffed)
        {
            await _world.AcceptAsync(x);
        }

        var onFirst = staffed.Where(x => x.BidId.Value == call.Bids[0]).ToList();
        await _world.SubmitAsync(onFirst[0], 8, 8, 4);

        var pending = (await _world.DashboardAsync(call)).Evaluation;
        var bid = pending.Bids.Single(b => b.BidId == call.Bids[0]);
        Assert.Equal((EvaluationState.InProgress, 1, (int?)null), (bid.State, bid.SubmittedSheets, bid.Rank));
        Assert.Null(bid.Aggregate);
        Assert.Equal(SheetStatus.Submitted, bid.Assignments.Single(l => l.AssignmentId == onFirst[0].Id).Sheet);
        Assert.Empty(pending.Ranking);

        await _world.SubmitAsync(onFirst[1], 6, 6, 2);
        var scored = (await _world.DashboardAsync(call)).Evaluation;
        Assert.NotNull(scored.Bids.Single(b => b.BidId == call.Bids[0]).Aggregate);
        Assert.Equal(new[] { call.Bids[0] }, scored.Ranking.Select(r => r.BidId));
        Assert.Null(scored.Bids.Single(b => b.BidId == call.Bids[1]).Aggregate);
    }

    [Fact]
    public async Task TheExpertStatistics_RevealNoScore_OfABidWhoseSheetsAreNotAllIn()
    {
        await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec());
        var staffed = await _world.StaffAsync(call);
        foreach (var x in staffed)
        {
            await _world.AcceptAsync(x);
        }

        await _world.SubmitAsync(staffed[0], 8, 8, 4);

        var evaluation = (await _world.DashboardAsync(call)).Evaluation;
        Assert.Null(Assert.Single(evaluation.Bids).Aggregate);
        var stats = evaluation.Experts.Single(s => s.ExpertId == staffed[0].ExpertId);
        Assert.Equal(1, stats.Submitted);

        // The only sheet of this expert is on a bid with a sheet pending: its total (80.00) must not show yet.
        Assert.True(stats.MeanTotal is null, $"The official sees the total {stats.MeanTotal} of a sheet while the bid's other sheet is pending");
    }

    // ---- Conflicts of interest ----

    [Fact]
    public async Task ADeclaredConflict_RecusesTheExpert_KeepsTheDeclaration_EmailsTheOfficial_AndRefusesScoring()
    {
        var official = await _world.OfficialAccountAsync();
        await _world.FreshPoolAsync(3);
        var call = await _world.CallAsync(new CallSpec(), official.Principal);
        var staffed = await _world.StaffAsync(call);
        var recusing = staffed[0];
        var expert = Expert(recusing.ExpertId);

        var noStatement = await app.SendAsync(new DeclareConflictCommand(recusing.Id, true, "  "), expert);
        Assert.Equal(("Rule.ConflictNeedsStatement", "Statement"), (noStatement.Errors[0].Code, noStatement.Errors[0].Field));
        Assert.Equal(AssignmentStatus.Assigned, (await _world.AssignmentAsync(recusing.Id)).Status);

        const string statement = "В 2025 году я консультировал эту организацию по её бюджету";
        var declared = await app.SendAsync(new DeclareConflictCommand(recusing.Id, true, statement), expert);
        Assert.True(declared.IsSuccess, Codes(declared));
        var recused = await _world.AssignmentAsync(recusing.Id);
        Assert.Equal(AssignmentStatus.Recused, recused.Status);
        Assert.Equal((true, statement), (recused.Declaration!.HasConflict, recused.Declaration.Statement));
        var mail = Assert.Single(await _world.MailsAsync(official.Email), m => m.Subject.Contains("конфликт", StringComparison.Ordinal));
        Assert.Contains(call.Receipts[0], mail.Subject, StringComparison.Ordinal);
        var line = (await _world.DashboardAsync(call)).Evaluation.Bids.Single().Assignments.Single(l => l.AssignmentId == recusing.Id);
        Assert.Equal((AssignmentStatus.Recused, statement), (line.Status, line.ConflictStatement));

        // The expert who declared the conflict can neither open nor score the bid, nor take the declaration back.
        var before = SheetState(recused);
        var opened = await app.SendAsync(new GetScoringQuery(recusing.Id), expert);
        var draft = await app.SendAsync(new SaveScoreDraftCommand(recusing.Id, Sheet(9, 9, 5), 0), expert);
        var submit = await app.SendAsync(new SubmitScoreSheetCommand(recusing.Id, Sheet(9, 9, 5)), expert);
        var takeBack = await app.SendAsync(new DeclareConflictCommand(recusing.Id, false, null), expert);
        Assert.Equal(ResultStatus.NotFound, opened.Status);
        Assert.Equal(ResultStatus.NotFound, draft.Status);
        Assert.Equal(ResultStatus.NotFound, submit.Status);
        Assert.Equal((ResultStatus.RuleBroken, "Rule.AssignmentAlreadyAnswered"), (takeBack.Status, takeBack.Errors[0].Code));
        Assert.Equal(before, SheetState(await _world.AssignmentAsync(recusing.Id)));
        await _world.AssertAuditedAsync("SubmitScoreSheet", expert, recusing.Id, "NotFound");
        await _world.AssertAuditedAsync("GetScoringQuery", expert, recusing.Id, "NotFound");
    }

    [Fact]
    public async Task AnExpertWhoDeclaredAConflict_IsNeverGivenABidOfThatOrganizationAgain_InThisCallOrAnother()
    {
        var pool = await _world.FreshPoolAsync(3);
        var first = await _world.CallAsync(new CallSpec());
        var staffed = await _world.StaffAsync(first);
        var recused = staffed[0];
        Assert.True((await app.SendAsync(new DeclareConflictCommand(recused.Id, true, "Я член наблюдательного совета этого фонда"), Expert(recused.ExpertId))).IsSuccess);

        var again = await app.SendAsync(new ProposeAssignmentsCommand(first.Id), first.Official);
        Assert.True(again.IsSuccess, Codes(again));
        Assert.Equal(1, again.Value.Proposed);
        var replacement = (await _world.AssignmentsAsync(first.Id)).Single(a => a.Status == AssignmentStatus.Proposed);
        Assert.Equal(pool.Single(id => staffed.All(s => s.ExpertId != id)), replacement.ExpertId);

        // A later call, the same organization bids again, three experts wanted: the pool can give only two.
        var second = await _world.CallAsync(new CallSpec { ExpertsPerBid = 3, SameOrganizationsAs = first });
        var proposal = await app.SendAsync(new ProposeAssignmentsCommand(second.Id), second.Official);
        Assert.True(proposal.IsSuccess, Codes(proposal));
        var assigned = await _world.AssignmentsAsync(second.Id);
        Assert.Equal(2, assigned.Count);
        Assert.DoesNotContain(assigned, a => a.ExpertId == recused.ExpertId);
        Assert.Equal(1, Assert.Single(proposal.Value.Shortages).Missing);

        var byHand = await app.SendAsync(new AssignExpertCommand(second.Id, second.Bids[0], recused.ExpertId, false), second.Official);
        var bySwap = await app.SendAsync(new SwapExpertCommand(assigned[0].Id, recused.ExpertId), second.Official);
        var sameCall = await app.SendAsync(new AssignExpertCommand(first.Id, first.Bids[0], recused.ExpertId, true), first.Official);
        Assert.Equal(("Assignment.ExpertConflicted", "ExpertId"), (byHand.Errors[0].Code, byHand.Errors[0].Field));
        Assert.Equal("Assignment.ExpertConflicted", bySwap.Errors[0].Code);
        Assert.Equal("Assignment.ExpertConflicted", sameCall.Errors[0].Code);
        Assert.Equal(Snapshot(assigned.Select(SheetState)), Snapshot((await _world.AssignmentsAsync(second.Id)).Select(SheetState)));
        await _world.AssertAuditedAsync("AssignExpert", second.Official, second.Bids[0], "Invalid", "ExpertId: Assignment.ExpertConflicted");
    }

    [Fact]
    public async Task AMemberOfTheBiddingOrganization_IsNeverGivenItsBid()
    {
        var pool = await _world.FreshPoolAsync(3);
        var member = pool[1];
        var call = await _world.CallAsync(new CallSpec { ExpertsPerBid = 3, Founders = [member] });

        var proposal = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        var byHand = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], member, false), call.Official);

        Assert.True(proposal.IsSuccess, Codes(proposal));
        Assert.Equal((2, 1), (proposal.Value.Proposed, Assert.Single(proposal.Value.Shortages).Missing));
        Assert.DoesNotContain(await _world.AssignmentsAsync(call.Id), a => a.ExpertId == member);
        Assert.Equal(("Assignment.ExpertConflicted", "ExpertId"), (byHand.Errors[0].Code, byHand.Errors[0].Field));
        Assert.Equal(2, (await _world.AssignmentsAsync(call.Id)).Count);
    }

    // ---- Assignment ----

    [Fact]
    public async Task Assignment_BeforeTheDeadline_IsRefused_NothingCreated_AndAudited()
    {
        var pool = await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec { StillOpen = true });

        var propose = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        var byHand = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], pool[0], false), call.Official);

        Assert.Equal((ResultStatus.RuleBroken, "Rule.ScoringAfterDeadline"), (propose.Status, Assert.Single(propose.Errors).Code));
        Assert.Equal((ResultStatus.RuleBroken, "Rule.ScoringAfterDeadline"), (byHand.Status, Assert.Single(byHand.Errors).Code));
        Assert.Empty(await _world.AssignmentsAsync(call.Id));
        await _world.AssertAuditedAsync("ProposeAssignments", call.Official, call.Id, "RuleBroken", "Rule.ScoringAfterDeadline");
        await _world.AssertAuditedAsync("AssignExpert", call.Official, call.Bids[0], "RuleBroken", "Rule.ScoringAfterDeadline");
    }

    [Fact]
    public async Task BidsNotCheckedOrIneligible_GoToNoExpert()
    {
        var pool = await _world.FreshPoolAsync(2);
        var call = await _world.CallAsync(new CallSpec { Bids = 3, ExpertsPerBid = 1, Eligible = [true, null, false] });

        var proposal = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        var notChecked = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[1], pool[0], false), call.Official);
        var ineligible = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[2], pool[0], false), call.Official);

        Assert.True(proposal.IsSuccess, Codes(proposal));
        Assert.Equal(call.Bids[0], Assert.Single(await _world.AssignmentsAsync(call.Id)).BidId.Value);
        Assert.Equal("Rule.OnlyEligibleBidsGoToExperts", notChecked.Errors[0].Code);
        Assert.Equal("Rule.OnlyEligibleBidsGoToExperts", ineligible.Errors[0].Code);
        Assert.Single(await _world.AssignmentsAsync(call.Id));
    }

    [Fact]
    public async Task Declining_FreesTheSlot_TellsTheOfficial_AndTheNextProposalFillsItWithSomeoneElse()
    {
        var official = await _world.OfficialAccountAsync();
        var pool = await _world.FreshPoolAsync(3);
        var call = await _world.CallAsync(new CallSpec(), official.Principal);
        var staffed = await _world.StaffAsync(call);
        var declining = staffed[0];
        var expert = Expert(declining.ExpertId);

        var declined = await app.SendAsync(new DeclineAssignmentCommand(declining.Id, "Командировка на весь срок оценки"), expert);
        Assert.True(declined.IsSuccess, Codes(declined));
        var after = await _world.AssignmentAsync(declining.Id);
        Assert.Equal((AssignmentStatus.Declined, "Командировка на весь срок оценки"), (after.Status, after.DeclineReason));
        Assert.Single(await _world.MailsAsync(official.Email), m => m.Subject.Contains("отказался", StringComparison.Ordinal));

        var twice = await app.SendAsync(new DeclineAssignmentCommand(declining.Id, null), expert);
        var thenAccept = await app.SendAsync(new DeclareConflictCommand(declining.Id, false, null), expert);
        Assert.Equal("Rule.AssignmentAlreadyAnswered", twice.Errors[0].Code);
        Assert.Equal("Rule.AssignmentAlreadyAnswered", thenAccept.Errors[0].Code);
        Assert.Equal(SheetState(after), SheetState(await _world.AssignmentAsync(declining.Id)));

        var again = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        Assert.True(again.IsSuccess, Codes(again));
        Assert.Equal(1, again.Value.Proposed);
        var replacement = (await _world.AssignmentsAsync(call.Id)).Single(a => a.Status == AssignmentStatus.Proposed);
        Assert.Equal(pool.Single(id => staffed.All(s => s.ExpertId != id)), replacement.ExpertId);
        Assert.Equal(2, (await _world.DashboardAsync(call)).Evaluation.Bids.Single().LiveAssignments);
    }

    [Fact]
    public async Task TheExpertsCapacity_IsRespected_ByTheProposalAndByHand()
    {
        var pool = await _world.FreshPoolAsync(4);
        foreach (var id in pool)
        {
            var set = await app.SendAsync(new SetAvailabilityCommand(1, []), Expert(id));
            Assert.True(set.IsSuccess, Codes(set));
        }

        var zero = await app.SendAsync(new SetAvailabilityCommand(0, []), Expert(pool[0]));
        var backwards = await app.SendAsync(new SetAvailabilityCommand(1, [new Unavailability(new DateOnly(2030, 5, 10), new DateOnly(2030, 5, 1), null)]), Expert(pool[0]));
        Assert.Equal(("Rule.ExpertCapacityRange", "MaxBidsPerCall"), (zero.Errors[0].Code, zero.Errors[0].Field));
        Assert.Equal("Rule.UnavailabilityEndsBeforeStart", backwards.Errors[0].Code);
        Assert.Equal(1, await _world.DbAsync(db => db.ExpertProfiles.AsNoTracking().Where(p => p.UserId == pool[0]).Select(p => p.MaxBidsPerCall).SingleAsync()));

        var call = await _world.CallAsync(new CallSpec { Bids = 3, ExpertsPerBid = 2 });
        var proposal = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        Assert.True(proposal.IsSuccess, Codes(proposal));
        var assigned = await _world.AssignmentsAsync(call.Id);
        Assert.Equal((4, 2), (proposal.Value.Proposed, proposal.Value.Shortages.Sum(s => s.Missing)));
        Assert.All(assigned.GroupBy(a => a.ExpertId), g => Assert.Single(g));

        var full = assigned[0];
        var lacking = call.Bids.First(b => assigned.Count(a => a.BidId.Value == b) < 2 && assigned.All(a => a.BidId.Value != b || a.ExpertId != full.ExpertId));
        var byHand = await app.SendAsync(new AssignExpertCommand(call.Id, lacking, full.ExpertId, false), call.Official);
        Assert.Equal(("Assignment.ExpertAtCapacity", "ExpertId"), (byHand.Errors[0].Code, byHand.Errors[0].Field));
        Assert.Equal(4, (await _world.AssignmentsAsync(call.Id)).Count);
    }

    [Fact]
    public async Task AnUnavailabilityPeriod_IsRespected_ByTheProposalAndByHand()
    {
        var pool = await _world.FreshPoolAsync(3);
        var today = EvaluationAccess.Today(app.Clock);
        var away = pool[0];
        var wasAway = pool[1];
        Assert.True((await app.SendAsync(new SetAvailabilityCommand(10, [new Unavailability(today.AddDays(3), today.AddDays(30), "Отпуск")]), Expert(away))).IsSuccess);
        Assert.True((await app.SendAsync(new SetAvailabilityCommand(10, [new Unavailability(today.AddDays(-20), today.AddDays(-1), "Был в отпуске")]), Expert(wasAway))).IsSuccess);

        var call = await _world.CallAsync(new CallSpec { ExpertsPerBid = 3 });
        var proposal = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        var byHand = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], away, false), call.Official);

        Assert.True(proposal.IsSuccess, Codes(proposal));
        Assert.Equal(1, Assert.Single(proposal.Value.Shortages).Missing);
        var assigned = await _world.AssignmentsAsync(call.Id);
        Assert.Equal(pool.Skip(1).Order(), assigned.Select(a => a.ExpertId).Order());
        Assert.Equal(("Assignment.ExpertUnavailable", "ExpertId"), (byHand.Errors[0].Code, byHand.Errors[0].Field));
        Assert.Equal(2, (await _world.AssignmentsAsync(call.Id)).Count);
    }

    [Fact]
    public async Task ProposingTwice_DoesNotDuplicate()
    {
        await _world.FreshPoolAsync(4);
        var call = await _world.CallAsync(new CallSpec { Bids = 2 });

        var first = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        var second = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        Assert.True((await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), call.Official)).IsSuccess);
        var third = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);

        Assert.Equal((4, 0, 0), (first.Value.Proposed, second.Value.Proposed, third.Value.Proposed));
        Assert.Empty(second.Value.Shortages);
        var assigned = await _world.AssignmentsAsync(call.Id);
        Assert.Equal(4, assigned.Count);
        Assert.Equal(4, assigned.Select(a => (a.BidId, a.ExpertId)).Distinct().Count());
        Assert.All(call.Bids, b => Assert.Equal(2, assigned.Count(a => a.BidId.Value == b)));
    }

    [Fact]
    public async Task ConfirmingTwice_IsAConflict_AndEachExpertGetsOneEmail()
    {
        var pool = await _world.FreshPoolAsync(3);
        var call = await _world.CallAsync(new CallSpec { Bids = 2 });
        Assert.Equal(4, (await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official)).Value.Proposed);

        var first = await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), call.Official);
        var second = await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), call.Official);

        Assert.Equal(4, first.Value);
        Assert.Equal((ResultStatus.Conflict, "Assignment.NothingToConfirm"), (second.Status, second.Errors[0].Code));
        var assigned = await _world.AssignmentsAsync(call.Id);
        Assert.All(assigned, a => Assert.Equal(AssignmentStatus.Assigned, a.Status));
        foreach (var expert in assigned.Select(a => a.ExpertId).Distinct())
        {
            Assert.Single(await _world.MailsAsync(ExpertEmail(expert)), m => m.Subject.Contains(call.Call.ReferenceNumber, StringComparison.Ordinal));
        }

        Assert.Equal(3, assigned.Select(a => a.ExpertId).Distinct().Count());
        await _world.AssertAuditedAsync("ConfirmAssignments", call.Official, call.Id, "Conflict", "Assignment.NothingToConfirm");
        _ = pool;
    }

    // ---- Aggregation and ranking ----

    /// <summary>One bid scored 100 by one expert and 0 by the other: a spread of 100 against a threshold of 30.</summary>
    private async Task<(CallScenario Call, Guid Spare)> DivergentAsync(int bids = 1)
    {
        var pool = await _world.FreshPoolAsync(3);
        var call = await _world.CallAsync(new CallSpec { Bids = bids });
        var staffed = await _world.StaffAsync(call);
        var onFirst = staffed.Where(a => a.BidId.Value == call.Bids[0]).Select(a => a.ExpertId).Order().ToList();
        foreach (var a in staffed)
        {
            await _world.AcceptAsync(a);
            var high = a.BidId.Value != call.Bids[0] || a.ExpertId == onFirst[0];
            await _world.SubmitAsync(a, high ? 10 : 0, high ? 10 : 0, high ? 5 : 0);
        }

        return (call, pool.FirstOrDefault(id => staffed.All(a => a.ExpertId != id)));
    }

    [Fact]
    public async Task ADivergentBid_IsNotRanked_UntilAnAdditionalExpertsSheetCounts()
    {
        var (call, spare) = await DivergentAsync();
        var divergent = Assert.Single((await _world.DashboardAsync(call)).Evaluation.Bids);
        Assert.Equal((EvaluationState.Divergent, true, 100m, (int?)null), (divergent.State, divergent.Aggregate!.Divergent, divergent.Aggregate.Spread, divergent.Rank));
        Assert.Empty((await _world.DashboardAsync(call)).Evaluation.Ranking);

        var again = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], divergent.Assignments[0].ExpertId, true), call.Official);
        Assert.Equal("Assignment.AlreadyOnBid", again.Errors[0].Code);
        Assert.True((await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], spare, true), call.Official)).IsSuccess);
        Assert.True((await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), call.Official)).IsSuccess);
        var additional = (await _world.AssignmentsAsync(call.Id)).Single(a => a.ExpertId == spare);
        Assert.True(additional.IsAdditional);
        Assert.Equal(EvaluationState.InProgress, Assert.Single((await _world.DashboardAsync(call)).Evaluation.Bids).State);

        await _world.AcceptAsync(additional);
        await _world.SubmitAsync(additional, 5, 5, 3);
        var evaluation = (await _world.DashboardAsync(call)).Evaluation;
        var resolved = Assert.Single(evaluation.Bids);
        Assert.Equal((EvaluationState.Scored, true, 1), (resolved.State, resolved.ResolvedByAdditionalExpert, resolved.Rank));
        Assert.Equal(3, resolved.Aggregate!.SheetTotals.Count);
        Assert.Equal(50.37m, resolved.Aggregate.Total);
        Assert.Equal(new[] { call.Bids[0] }, evaluation.Ranking.Select(r => r.BidId));
    }

    [Fact]
    public async Task ADivergentBid_IsRankedAfterAReconciliation_WhichNeedsAReason()
    {
        var (call, _) = await DivergentAsync(bids: 2);
        var before = await _world.BidAsync(call.Bids[0]);

        var empty = await app.SendAsync(new ReconcileBidCommand(call.Bids[0], string.Empty), call.Official);
        var tooShort = await app.SendAsync(new ReconcileBidCommand(call.Bids[0], "Согласны"), call.Official);
        var notDivergent = await app.SendAsync(new ReconcileBidCommand(call.Bids[1], "Эксперты обсудили расхождение и согласились"), call.Official);

        Assert.Equal(("Rule.ReconciliationNeedsReason", "Reason"), (empty.Errors[0].Code, empty.Errors[0].Field));
        Assert.Equal(("Rule.ReconciliationNeedsReason", "Reason"), (Assert.Single(tooShort.Errors).Code, tooShort.Errors[0].Field));
        Assert.Equal((ResultStatus.Conflict, "Rule.OnlyDivergentBidsReconcile"), (notDivergent.Status, notDivergent.Errors[0].Code));
        Assert.Null((await _world.BidAsync(call.Bids[0])).Reconciliation);
        Assert.Null((await _world.BidAsync(call.Bids[1])).Reconciliation);
        Assert.Equal(before.Revision, (await _world.BidAsync(call.Bids[0])).Revision);
        var stillDivergent = (await _world.DashboardAsync(call)).Evaluation;
        Assert.Equal(EvaluationState.Divergent, stillDivergent.Bids.Single(b => b.BidId == call.Bids[0]).State);
        Assert.Equal(new[] { call.Bids[1] }, stillDivergent.Ranking.Select(r => r.BidId));
        await _world.AssertAuditedAsync("ReconcileBid", call.Official, call.Bids[0], "Invalid", "Reason: Rule.ReconciliationNeedsReason");

        const string reason = "Комиссия рассмотрела оба листа: расхождение объясняется разным прочтением бюджета";
        var reconciled = await app.SendAsync(new ReconcileBidCommand(call.Bids[0], reason), call.Official);
        Assert.True(reconciled.IsSuccess, Codes(reconciled));
        var evaluation = (await _world.DashboardAsync(call)).Evaluation;
        var bid = evaluation.Bids.Single(b => b.BidId == call.Bids[0]);
        Assert.Equal((EvaluationState.Scored, reason), (bid.State, bid.Reconciliation!.Reason));
        Assert.Equal(new[] { call.Bids[1], call.Bids[0] }, evaluation.Ranking.Select(r => r.BidId));
        var twice = await app.SendAsync(new ReconcileBidCommand(call.Bids[0], reason), call.Official);
        Assert.Equal("Rule.OnlyDivergentBidsReconcile", twice.Errors[0].Code);
    }

    [Fact]
    public async Task TheRanking_BreaksEqualTotals_ByTheFirstCriterion_ThenByTheEarlierReceipt()
    {
        await _world.FreshPoolAsync(1);
        var call = await _world.CallAsync(new CallSpec { Bids = 3, ExpertsPerBid = 1, LaterIdsReceivedFirst = true });
        var byReceipt = call.Bids.OrderBy(b => call.ReceivedAt[call.Index(b)]).ToList();
        Assert.True(byReceipt[0].CompareTo(byReceipt[2]) > 0, "the earliest bid must have the larger id, so that the id order cannot pass for the receipt order");

        // 6·50 + 8·30 + 3·20 = 9·50 + 5·30 + 0·20 = 600 of 900: all three total 66.67.
        await _world.ScoreAsync(call, i => call.Bids[i] == byReceipt[1] ? (9, 5, 0) : (6, 8, 3));

        var ranking = (await _world.DashboardAsync(call)).Evaluation.Ranking;
        Assert.All(ranking, r => Assert.Equal(66.67m, r.Aggregate!.Total));
        Assert.Equal(new[] { byReceipt[1], byReceipt[0], byReceipt[2] }, ranking.Select(r => r.BidId));
        Assert.Equal(new[] { 1, 2, 3 }, ranking.Select(r => r.Rank!.Value));
    }

    // ---- The expert pool ----

    [Fact]
    public async Task TheExpertPool_FiltersByAreaRegionAndLanguage_AndShowsEachExpertsLoad()
    {
        var areas = (await _world.DbAsync(db => db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync())).Select(a => a.Value).Order().Take(2).ToList();
        var tag = $"Пул{Guid.NewGuid():N}"[..12];
        var kk = Assert.Single(await _world.ExpertsAsync(1, new ExpertSpec { Name = tag, Areas = [areas[0]], Regions = [3], Languages = ExpertLanguages.Kazakh }));
        var ru = Assert.Single(await _world.ExpertsAsync(1, new ExpertSpec { Name = tag, Areas = [areas[1]], Regions = [4], Languages = ExpertLanguages.Russian }));
        var both = Assert.Single(await _world.ExpertsAsync(1, new ExpertSpec { Name = tag, Areas = areas, Regions = [3, 4] }));
        var official = await _world.OfficialAsync();

        async Task<IReadOnlyList<Guid>> FindAsync(int? area = null, int? region = null, string? language = null, ClaimsPrincipal? who = null) =>
            [.. (await app.SendAsync(new GetExpertPoolQuery(area, region, language, tag, null), who ?? official))!.Items.Select(r => r.UserId).Order()];

        Assert.Equal(new[] { kk, ru, both }.Order(), await FindAsync());
        Assert.Equal(new[] { kk, both }.Order(), await FindAsync(area: areas[0]));
        Assert.Equal(new[] { ru, both }.Order(), await FindAsync(region: 4));
        Assert.Equal(new[] { kk, both }.Order(), await FindAsync(language: "kk"));
        Assert.Equal(new[] { ru, both }.Order(), await FindAsync(language: "ru"));
        Assert.Equal(new[] { both }, await FindAsync(area: areas[1], language: "kk"));
        Assert.Equal(new[] { kk, ru, both }.Order(), await FindAsync(who: EvaluationWorld.Admin));
        Assert.Null(await app.SendAsync(new GetExpertPoolQuery(null, null, null, tag, null), Expert(kk)));
        Assert.Null(await app.SendAsync(new GetExpertPoolQuery(null, null, null, tag, null), Applicant(Guid.NewGuid())));

        var call = await _world.CallAsync(new CallSpec(), official);
        var assigned = await app.SendAsync(new AssignExpertCommand(call.Id, call.Bids[0], both, false), official);
        Assert.True(assigned.IsSuccess, Codes(assigned));
        var rows = (await app.SendAsync(new GetExpertPoolQuery(null, null, null, tag, call.Id), official))!.Items;
        Assert.Equal((1, 1), (rows.Single(r => r.UserId == both).LoadInCall, rows.Single(r => r.UserId == both).OpenAssignments));
        Assert.Equal((0, 0), (rows.Single(r => r.UserId == kk).LoadInCall, rows.Single(r => r.UserId == kk).OpenAssignments));
    }

    [Fact]
    public async Task ApprovingACandidate_NeedsTheirProfile()
    {
        var (id, email) = await _world.AccountAsync(AccountType.ExpertCandidate);
        var candidate = PortalFactory.Principal(id, email);

        var early = await app.SendAsync(new DecideExpertCandidacyCommand(id, true), EvaluationWorld.Admin);
        Assert.Equal((ResultStatus.Conflict, "Expert.ProfileMissing"), (early.Status, early.Errors[0].Code));
        var view = await app.SendAsync(new GetMyExpertProfileQuery(), candidate);
        Assert.Equal(("Pending", (ExpertStatus?)null), (view!.Candidacy, view.Status));
        Assert.False(await _world.DbAsync(db => db.ExpertProfiles.AnyAsync(p => p.UserId == id)));
        await _world.AssertAuditedAsync("DecideExpertCandidacy", EvaluationWorld.Admin, id, "Conflict", "Expert.ProfileMissing");

        var areas = (await _world.DbAsync(db => db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync())).Select(a => a.Value).Take(2).ToList();
        var form = new ExpertProfileForm(areas, [1, 2], true, true, "Десять лет оценки социальных проектов", true, 5);
        var noAreas = await app.SendAsync(new SaveExpertProfileCommand(form with { PriorityAreaIds = [] }), candidate);
        var noConsent = await app.SendAsync(new SaveExpertProfileCommand(form with { Consent = false }), candidate);
        Assert.Equal(("Expert.AreasRequired", "PriorityAreaIds"), (noAreas.Errors[0].Code, noAreas.Errors[0].Field));
        Assert.Equal(("Rule.ExpertConsentRequired", "Consent"), (noConsent.Errors[0].Code, noConsent.Errors[0].Field));
        Assert.False(await _world.DbAsync(db => db.ExpertProfiles.AnyAsync(p => p.UserId == id)));

        Assert.True((await app.SendAsync(new SaveExpertProfileCommand(form), candidate)).IsSuccess);
        var pending = await app.SendAsync(new GetExpertPoolQuery(null, null, null, email, null), EvaluationWorld.Admin);
        Assert.Empty(pending!.Items);
        var byOfficial = await app.SendAsync(new DecideExpertCandidacyCommand(id, true), await _world.OfficialAsync());
        Assert.Equal(ResultStatus.Forbidden, byOfficial.Status);

        var approved = await app.SendAsync(new DecideExpertCandidacyCommand(id, true), EvaluationWorld.Admin);
        Assert.True(approved.IsSuccess, Codes(approved));
        Assert.Equal(ExpertStatus.Approved, await _world.DbAsync(db => db.ExpertProfiles.Where(p => p.UserId == id).Select(p => p.Status).SingleAsync()));
        Assert.Single((await app.SendAsync(new GetExpertPoolQuery(null, null, null, email, null), EvaluationWorld.Admin))!.Items);
        var twice = await app.SendAsync(new DecideExpertCandidacyCommand(id, false), EvaluationWorld.Admin);
        Assert.Equal("Account.CandidacyAlreadyDecided", twice.Errors[0].Code);
        Assert.Equal(ExpertStatus.Approved, await _world.DbAsync(db => db.ExpertProfiles.Where(p => p.UserId == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnExpertCandidate_CannotSaveAnExpertProfile()
    {
        var (id, email) = await _world.AccountAsync(AccountType.Applicant);
        var applicant = PortalFactory.Principal(id, email, Roles.Applicant);
        var nobody = PortalFactory.Principal(Guid.NewGuid(), $"nobody.{Guid.NewGuid():N}@example.kz", Roles.Expert);
        var areas = (await _world.DbAsync(db => db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync())).Select(a => a.Value).Take(1).ToList();
        var form = new ExpertProfileForm(areas, [1], true, false, "Опыт оценки проектов", true, 5);

        var byApplicant = await app.SendAsync(new SaveExpertProfileCommand(form), applicant);
        var byNobody = await app.SendAsync(new SaveExpertProfileCommand(form), nobody);
        var availability = await app.SendAsync(new SetAvailabilityCommand(3, []), applicant);

        Assert.Equal(ResultStatus.NotFound, byApplicant.Status);
        Assert.Equal(ResultStatus.NotFound, byNobody.Status);
        Assert.Equal(ResultStatus.NotFound, availability.Status);
        Assert.False(await _world.DbAsync(db => db.ExpertProfiles.AnyAsync(p => p.UserId == id)));
        await _world.AssertAuditedAsync("SaveExpertProfile", applicant, null, "NotFound");
    }
}
