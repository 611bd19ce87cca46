using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Auditing.GetAuditEvents;
using SocialOrder.Application.Calls.Amend;
using SocialOrder.Application.Calls.AnswerQuestion;
using SocialOrder.Application.Calls.AskQuestion;
using SocialOrder.Application.Calls.Cancel;
using SocialOrder.Application.Calls.Drafts;
using SocialOrder.Application.Calls.GetCallQuestions;
using SocialOrder.Application.Calls.GetManagedCall;
using SocialOrder.Application.Calls.GetMyCalls;
using SocialOrder.Application.Calls.Publish;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed class CallsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private Guid BodyId(string bin)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.AsNoTracking().Single(b => b.Bin == bin).Id.Value;
    }

    private ClaimsPrincipal Ministry => PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", BodyId(DemoDataSeeder.MinistryBin), Roles.Official);

    private ClaimsPrincipal Akimat => PortalFactory.Principal(Guid.NewGuid(), "official.almaty@socialorder.kz", BodyId(DemoDataSeeder.AkimatBin), Roles.Official);

    private async Task<Guid> PublishedCallAsync()
    {
        var created = await app.SendAsync(CallCommandBuilder.Complete(app.Clock.GetUtcNow()), Ministry);
        Assert.True(created.IsSuccess, string.Join(", ", created.Errors.Select(e => e.Code)));
        var published = await app.SendAsync(new PublishCallCommand(created.Value), Ministry);
        Assert.True(published.IsSuccess, string.Join(", ", published.Errors.Select(e => e.Code)));
        return created.Value;
    }

    private async Task<Call> LoadAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var callId = new CallId(id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
    }

    [Fact]
    public async Task SaveDraft_GeneratesUniqueYearlyReferenceNumbers()
    {
        var first = await app.SendAsync(CallCommandBuilder.Complete(app.Clock.GetUtcNow()), Ministry);
        var second = await app.SendAsync(CallCommandBuilder.Complete(app.Clock.GetUtcNow()) with { Instrument = Instrument.StateSocialOrder }, Ministry);

        var a = await LoadAsync(first.Value);
        var b = await LoadAsync(second.Value);
        Assert.Matches(@"^SG-\d{4}-\d{4}$", a.ReferenceNumber);
        Assert.Matches(@"^SSO-\d{4}-\d{4}$", b.ReferenceNumber);
        Assert.Equal(CallStatus.Draft, a.Status);
        Assert.Equal(6, a.Criteria.Count);
    }

    [Fact]
    public async Task SaveDraft_Incomplete_IsSavedAndPublishListsWhatIsMissing()
    {
        var incomplete = CallCommandBuilder.Complete(app.Clock.GetUtcNow()) with { TitleKk = null, Criteria = [], PriorityAreaId = null };
        var saved = await app.SendAsync(incomplete, Ministry);
        Assert.True(saved.IsSuccess);

        var publish = await app.SendAsync(new PublishCallCommand(saved.Value), Ministry);

        Assert.Equal(ResultStatus.RuleBroken, publish.Status);
        Assert.Contains(publish.Errors, e => e.Code == "Call.TextMissingKk" && e.Field == "TitleKk");
        Assert.Contains(publish.Errors, e => e.Code == "Call.NoCriteria");
        Assert.Contains(publish.Errors, e => e.Code == "Call.PriorityAreaMissing");
        Assert.Equal(CallStatus.Draft, (await LoadAsync(saved.Value)).Status);
    }

    [Theory]
    [InlineData("budget-zero")]
    [InlineData("budget-negative")]
    [InlineData("max-above-budget")]
    [InlineData("window-reversed")]
    [InlineData("weight-zero")]
    [InlineData("min-above-max")]
    [InlineData("yearly-not-adding-up")]
    [InlineData("huge-description")]
    [InlineData("script-in-title")]
    public async Task SaveDraft_BadInput_IsRefusedBesideTheField(string bad)
    {
        var ok = CallCommandBuilder.Complete(app.Clock.GetUtcNow());
        var criteria = ok.Criteria.ToList();
        var (command, field, code) = bad switch
        {
            "budget-zero" => (ok with { Budget = 0 }, "Budget", "Call.BudgetNotPositive"),
            "budget-negative" => (ok with { Budget = -5 }, "Budget", "Call.BudgetNotPositive"),
            "max-above-budget" => (ok with { MaxPerProject = 20_000_000m }, "MaxPerProject", "Call.MaxPerProjectAboveBudget"),
            "window-reversed" => (ok with { ClosesAt = ok.OpensAt!.Value.AddDays(-1) }, "ClosesAt", "Call.WindowClosesBeforeOpens"),
            "weight-zero" => (ok with { Criteria = [criteria[0] with { Weight = 0 }, .. criteria.Skip(1)] }, "Criteria[0].Weight", "Call.CriterionWeightNotPositive"),
            "min-above-max" => (ok with { Criteria = [criteria[0] with { MinPoints = 11 }, .. criteria.Skip(1)] }, "Criteria[0].MinPoints", "Call.CriterionMinAboveMax"),
            "yearly-not-adding-up" => (ok with { Term = CallTerm.Long, DurationMonths = 36, YearlyBudgets = [1m, 2m, 3m] }, "YearlyBudgets", "Call.YearlyBudgetsDoNotAddUp"),
            "huge-description" => (ok with { DescriptionRu = new string('а', 2 * 1024 * 1024) }, "DescriptionRu", "Validation.MaximumLengthValidator"),
            _ => (ok with { TitleRu = "<script>alert(1)</script>" }, "TitleRu", "Validation.NoMarkup"),
        };

        var result = await app.SendAsync(command, Ministry);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == field && e.Code == code);
    }

    [Fact]
    public async Task Publish_WithWindowAlreadyClosed_IsRefused()
    {
        var now = app.Clock.GetUtcNow();
        var saved = await app.SendAsync(CallCommandBuilder.Complete(now) with { OpensAt = now.AddDays(-10), ClosesAt = now.AddMinutes(-1) }, Ministry);

        var publish = await app.SendAsync(new PublishCallCommand(saved.Value), Ministry);

        Assert.Contains(publish.Errors, e => e.Code == "Call.WindowInPast" && e.Field == "ClosesAt");
    }

    [Fact]
    public async Task OfficialOfAnotherBody_CannotSeeEditPublishOrAmend_AndTheAttemptIsLogged()
    {
        var created = await app.SendAsync(CallCommandBuilder.Complete(app.Clock.GetUtcNow()), Ministry);

        var edit = await app.SendAsync(CallCommandBuilder.Complete(app.Clock.GetUtcNow(), created.Value) with { TitleRu = "Перехваченный конкурс" }, Akimat);
        var publish = await app.SendAsync(new PublishCallCommand(created.Value), Akimat);
        var view = await app.SendAsync(new GetManagedCallQuery(created.Value), Akimat);

        Assert.Equal(ResultStatus.NotFound, edit.Status);
        Assert.Equal(ResultStatus.NotFound, publish.Status);
        Assert.Null(view);
        var stored = await LoadAsync(created.Value);
        Assert.Equal(("Поддержка гражданских инициатив молодёжи", CallStatus.Draft), (stored.Title.Ru, stored.Status));
        var audit = await app.SendAsync(new GetAuditEventsQuery("SaveCallDraft", "official.almaty@socialorder.kz", "NotFound", 1));
        Assert.Contains(audit.Items, e => e.EntityId == created.Value.ToString());
    }

    [Fact]
    public async Task Amend_LateInTheWindow_ExtendsTheDeadlineToFiveDays_AndIsRecorded()
    {
        var id = await PublishedCallAsync();
        var call = await LoadAsync(id);
        app.Clock.SetUtcNow(call.ClosesAt!.Value.AddDays(-2));
        var amended = await app.SendAsync(Amendment(call, budget: 12_000_000m, reason: "Бюджет увеличен решением комиссии"), Ministry);

        Assert.True(amended.IsSuccess, string.Join(", ", amended.Errors.Select(e => e.Code)));
        var after = await LoadAsync(id);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(5), after.ClosesAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(12_000_000m, after.Budget);
        var amendment = Assert.Single(after.Amendments);
        Assert.Equal("Бюджет увеличен решением комиссии", amendment.Reason);
        Assert.Equal(call.ClosesAt, amendment.PreviousClosesAt);
    }

    [Fact]
    public async Task Amend_WithoutReasonOrShorteningDeadline_IsRefusedAndNothingChanges()
    {
        var id = await PublishedCallAsync();
        var call = await LoadAsync(id);

        var noReason = await app.SendAsync(Amendment(call, budget: 12_000_000m, reason: ""), Ministry);
        var shorter = await app.SendAsync(Amendment(call, closesAt: call.ClosesAt!.Value.AddDays(-1), reason: "Сокращаем срок приёма заявок"), Ministry);

        Assert.Contains(noReason.Errors, e => e.Field == "Reason");
        Assert.Contains(shorter.Errors, e => e.Code == "Rule.DeadlineCanOnlyBeExtended");
        var after = await LoadAsync(id);
        Assert.Equal((call.Budget, call.ClosesAt), (after.Budget, after.ClosesAt));
        Assert.Empty(after.Amendments);
    }

    [Fact]
    public async Task StatusFollowsTheClock_AtTheExactClosingInstant()
    {
        var id = await PublishedCallAsync();
        var call = await LoadAsync(id);
        app.Clock.SetUtcNow(call.ClosesAt!.Value.AddTicks(-10));
        var before = await app.SendAsync(new GetManagedCallQuery(id), Ministry);
        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var at = await app.SendAsync(new GetManagedCallQuery(id), Ministry);

        Assert.Equal(CallPhase.Open, before!.Phase);
        Assert.Equal(CallPhase.Closed, at!.Phase);
    }

    [Fact]
    public async Task Questions_AskedByApplicant_AnsweredByOwnBodyOnly_AndRefusedAfterDeadline()
    {
        var id = await PublishedCallAsync();
        var applicant = PortalFactory.Principal(Guid.NewGuid(), "applicant@socialorder.kz", Roles.Applicant);

        var asked = await app.SendAsync(new AskQuestionCommand(id, "Можно ли включить в бюджет аренду помещения?"), applicant);
        Assert.True(asked.IsSuccess);
        var foreign = await app.SendAsync(new AnswerQuestionCommand(asked.Value, "Чужой ответ"), Akimat);
        Assert.Equal(ResultStatus.NotFound, foreign.Status);
        Assert.Empty(await app.SendAsync(new GetCallQuestionsQuery(id, AnsweredOnly: true)));

        var answered = await app.SendAsync(new AnswerQuestionCommand(asked.Value, "Да, в пределах 20% бюджета."), Ministry);
        Assert.True(answered.IsSuccess);
        var published = Assert.Single(await app.SendAsync(new GetCallQuestionsQuery(id, AnsweredOnly: true)));
        Assert.Equal("Да, в пределах 20% бюджета.", published.Answer);

        var call = await LoadAsync(id);
        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var late = await app.SendAsync(new AskQuestionCommand(id, "А после срока можно?"), applicant);
        Assert.Equal("Rule.QuestionsOnlyBeforeDeadline", Assert.Single(late.Errors).Code);
    }

    [Fact]
    public async Task Cancel_WithReason_CancelsAndAShortReasonIsRefused()
    {
        var id = await PublishedCallAsync();

        var tooShort = await app.SendAsync(new CancelCallCommand(id, "нет"), Ministry);
        var cancelled = await app.SendAsync(new CancelCallCommand(id, "Финансирование перенесено на следующий год"), Ministry);

        Assert.Contains(tooShort.Errors, e => e.Field == "Reason");
        Assert.True(cancelled.IsSuccess);
        var call = await LoadAsync(id);
        Assert.Equal(CallStatus.Cancelled, call.Status);
        Assert.Equal("Финансирование перенесено на следующий год", call.CancellationReason);
    }

    [Fact]
    public async Task GetMyCalls_ListsOnlyOwnBody()
    {
        await PublishedCallAsync();

        var mine = await app.SendAsync(new GetMyCallsQuery(1), Ministry);
        var theirs = await app.SendAsync(new GetMyCallsQuery(1), Akimat);

        Assert.NotEmpty(mine.Items);
        Assert.DoesNotContain(theirs.Items, c => mine.Items.Any(m => m.Id == c.Id));
    }

    private static AmendCallCommand Amendment(Call call, decimal? budget = null, DateTimeOffset? closesAt = null, string reason = "Уточнение условий конкурса") => new(
        call.Id.Value,
        call.Summary.Kk,
        call.Summary.Ru,
        call.Description.Kk,
        call.Description.Ru,
        call.Eligibility.Kk,
        call.Eligibility.Ru,
        budget ?? call.Budget,
        call.MaxPerProject,
        [],
        closesAt ?? call.ClosesAt,
        call.RequiredDocuments.Select(d => new DocumentInput(d.Name.Kk, d.Name.Ru, d.IsMandatory, d.AllowedTypes)).ToList(),
        reason);
}
