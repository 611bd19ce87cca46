using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Calls.AnswerQuestion;
using SocialOrder.Application.Calls.AskQuestion;
using SocialOrder.Application.Calls.GetCallQuestions;
using SocialOrder.Application.Calls.PublicCall;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Calls;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed class CallQuestionTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly System.Security.Claims.ClaimsPrincipal Applicant =
        PortalFactory.Principal(Guid.NewGuid(), "applicant@example.kz", Roles.Applicant);

    [Fact]
    public async Task AskQuestion_UpToTheLastTickBeforeTheDeadline_IsAccepted_AndAtTheDeadlineRefused()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var closes = now.AddHours(3);
        var call = await new PublicCallBuilder(app).Titled("Сұрақ мерзімі", "Срок вопросов").Window(now.AddDays(-1), closes).SaveAsync();

        app.Clock.SetUtcNow(closes - TimeSpan.FromTicks(1));
        var inTime = await app.SendAsync(new AskQuestionCommand(call.Id.Value, "Можно ли подать заявку от филиала?"), Applicant);
        app.Clock.SetUtcNow(closes);
        var late = await app.SendAsync(new AskQuestionCommand(call.Id.Value, "А после срока?"), Applicant);

        Assert.True(inTime.IsSuccess);
        Assert.Equal(ResultStatus.RuleBroken, late.Status);
        Assert.Equal("Rule.QuestionsOnlyBeforeDeadline", Assert.Single(late.Errors).Code);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["Можно ли подать заявку от филиала?"], await db.Clarifications.Where(q => q.CallId == call.Id).Select(q => q.Question).ToListAsync());
    }

    [Fact]
    public async Task AskQuestion_OnADraft_IsNotFound()
    {
        var draft = await new PublicCallBuilder(app).Titled("Жоба сұрағы", "Вопрос к черновику").Draft().SaveAsync();

        var result = await app.SendAsync(new AskQuestionCommand(draft.Id.Value, "Когда опубликуют?"), Applicant);

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task GetPublicCall_ByIdOrReference_GivesTheMethodologyScaleAndReadableAmendments()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var closes = now.AddDays(30);
        var call = await new PublicCallBuilder(app)
            .Titled("Өзгертілген конкурс", "Изменённый конкурс")
            .Window(now.AddDays(-1), closes)
            .Amended(new CallAmendment(null, null, null, 12_000_000m, null, null, closes.AddDays(7), null), "Өтініш берушілердің сұрауы бойынша")
            .SaveAsync();

        var byId = await app.SendAsync(new GetPublicCallQuery(call.Id.Value));
        var byReference = await app.SendAsync(new GetPublicCallQuery(null, call.ReferenceNumber.ToLowerInvariant()));

        Assert.True(byId.IsSuccess);
        Assert.Equal(call.Id.Value, byReference.Value.Id);
        var view = byId.Value;
        Assert.Equal(1000m, view.MaxWeightedTotal);
        Assert.Equal(100m, view.Criteria.Sum(c => c.ShareOf100));
        Assert.Equal(25m, view.Criteria.Single(c => c.Code == "REL").ShareOf100);
        var amendment = Assert.Single(view.Amendments);
        Assert.Equal(
            [new AmendmentChangeView("Budget", 10_000_000m, 12_000_000m), new AmendmentChangeView("ClosesAt", FromDate: closes, ToDate: closes.AddDays(7))],
            amendment.Changes);
        Assert.Equal(CallPhase.Open, view.Phase);
    }

    [Fact]
    public async Task GetPublicCall_ForADraftOrAnUnknownReference_IsNotFound()
    {
        var draft = await new PublicCallBuilder(app).Titled("Жарияланбаған", "Неопубликованный").Draft().SaveAsync();

        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetPublicCallQuery(draft.Id.Value))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetPublicCallQuery(null, draft.ReferenceNumber))).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetPublicCallQuery(null, "SSO-1999-0001"))).Status);
    }

    [Fact]
    public async Task AnswerQuestion_Rewritten_KeepsTheEarlierAnswer_ShowsEdited_AndAuditsBoth()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var call = await new PublicCallBuilder(app).Titled("Жауап", "Ответ").Window(now.AddDays(-1), now.AddDays(5)).SaveAsync();
        var official = PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", call.StateBodyId.Value, Roles.Official);
        Assert.True((await app.SendAsync(new AskQuestionCommand(call.Id.Value, "Можно ли подать заявку от филиала?"), Applicant)).IsSuccess);
        var questionId = (await app.SendAsync(new GetCallQuestionsQuery(call.Id.Value, AnsweredOnly: false))).Single().Id;

        Assert.True((await app.SendAsync(new AnswerQuestionCommand(questionId, "Да, можно."), official)).IsSuccess);
        var first = (await app.SendAsync(new GetCallQuestionsQuery(call.Id.Value, AnsweredOnly: true))).Single();
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await app.SendAsync(new AnswerQuestionCommand(questionId, "Нет: только головная организация."), official)).IsSuccess);
        var second = (await app.SendAsync(new GetCallQuestionsQuery(call.Id.Value, AnsweredOnly: true))).Single();

        Assert.False(first.Edited);
        Assert.True(second.Edited);
        Assert.Equal("Нет: только головная организация.", second.Answer);
        Assert.Equal(first.AnsweredAt, second.FirstAnsweredAt);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Clarifications.AsNoTracking().SingleAsync(q => q.Id == new ClarificationId(questionId));
        var earlier = Assert.Single(stored.EarlierAnswers);
        Assert.Equal("Да, можно.", earlier.Text);
        Assert.Equal(first.AnsweredAt, earlier.AnsweredAt);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "AnswerQuestion" && e.Outcome == "Succeeded" && e.EntityId == questionId.ToString()));
    }
}
