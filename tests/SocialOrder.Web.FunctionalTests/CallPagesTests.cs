using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Calls;
using SocialOrder.Infrastructure.Email;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.FunctionalTests;

public sealed class CallPagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Catalogue_InKazakhWithARegionFilter_ListsTheKazakhTitlesOfThatRegionOnly()
    {
        await new PublicCallBuilder(app).Titled("Көкпар турнирін ұйымдастыру", "Организация турнира по кокпару").InRegion(19).SaveAsync();
        await new PublicCallBuilder(app).Titled("Көкпар мектебін ашу", "Открытие школы кокпара").InRegion(5).SaveAsync();
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync("kk");

        var (status, html) = await page.GetAsync("/Calls?region=19&search=" + Uri.EscapeDataString("көкпар"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"kk\">", html, StringComparison.Ordinal);
        Assert.Contains("Көкпар турнирін ұйымдастыру", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Көкпар мектебін ашу", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Организация турнира по кокпару", html, StringComparison.Ordinal);
        Assert.Contains("Алматы қаласы", html, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Catalogue.Found", "kk", "1"), html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"19\" selected=\"selected\">Алматы қаласы</option>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label\" for=\"region\">" + Resources.Text("Catalogue.Region", "kk") + "</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_ShowsBudgetDeadlineInKazakhstanTimeAndDaysLeft()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var closes = now.AddDays(12).AddHours(3);
        await new PublicCallBuilder(app).Titled("Мерзімкөрсеткіш", "Срокпоказатель").WithBudget(1_250_000m).Window(now.AddDays(-1), closes).SaveAsync();

        var (_, html) = await WebPage.Open(app).GetAsync("/Calls?search=" + Uri.EscapeDataString("срокпоказатель"));
        var text = WebUtility.HtmlDecode(html);

        Assert.Contains("1\u00A0250\u00A0000\u00A0₸", text, StringComparison.Ordinal);
        Assert.Contains(Formatting.KzTime(closes), text, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Catalogue.ClosesInDays.Many", "ru", "12"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_WithUnreadableOrInvertedBudgets_ShowsTheMessageBesideTheField()
    {
        var page = WebPage.Open(app);

        var (invertedStatus, inverted) = await page.GetAsync("/Calls?minBudget=10&maxBudget=5");
        var (_, unreadable) = await page.GetAsync("/Calls?minBudget=abc");

        Assert.Equal(HttpStatusCode.OK, invertedStatus);
        Assert.Equal(Resources.Text("Catalogue.BudgetRangeInverted"), WebPage.FieldError(inverted, "maxBudget"));
        Assert.Contains("aria-describedby=\"maxBudget-error\" aria-invalid=\"true\"", inverted, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Catalogue.FixFilters"), inverted, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"result-count\"", inverted, StringComparison.Ordinal);
        Assert.Equal(Resources.Text("Catalogue.ValueNotUnderstood"), WebPage.FieldError(unreadable, "minBudget"));
        Assert.DoesNotContain("is not valid", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPage_ShowsMethodologyAmendmentsAndOnlyAnsweredQuestions()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var closes = now.AddDays(30);
        var call = await new PublicCallBuilder(app)
            .Titled("Әдістеме беті", "Страница методики")
            .Window(now.AddDays(-1), closes)
            .Amended(new CallAmendment(null, null, null, 12_000_000m, null, null, closes.AddDays(7), null), "Өтініш берушілердің сұрауы бойынша")
            .WithQuestion("Можно ли арендовать зал?", "Да, если аренда связана с мероприятиями.")
            .WithQuestion("Вопрос без ответа?", null)
            .SaveAsync();

        var (status, html) = await WebPage.Open(app).GetAsync($"/Calls/{call.Id.Value}");
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Страница методики", text, StringComparison.Ordinal);
        Assert.Contains("Актуальность и потребности целевой группы", text, StringComparison.Ordinal);
        Assert.Contains("Обоснована ли проблема данными", text, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("CallPage.MaxWeightedTotal", "ru", "1000"), text, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("CallPage.AmendmentHeading", "ru", "1"), text, StringComparison.Ordinal);
        Assert.Contains("Өтініш берушілердің сұрауы бойынша", text, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("CallPage.Change.Budget", "ru", Formatting.Kzt(10_000_000m), Formatting.Kzt(12_000_000m)), text, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("CallPage.Change.ClosesAt", "ru", Formatting.KzTime(closes), Formatting.KzTime(closes.AddDays(7))), text, StringComparison.Ordinal);
        Assert.Contains("Можно ли арендовать зал?", text, StringComparison.Ordinal);
        Assert.Contains("Да, если аренда связана с мероприятиями.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Вопрос без ответа?", text, StringComparison.Ordinal);
        Assert.Contains("class=\"text-prewrap\" lang=\"ru\" data-testid=\"description\">Полное описание.\nВторая строка.</div>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPage_WhenCancelled_ShowsTheNoticeWithItsReason()
    {
        var call = await new PublicCallBuilder(app).Titled("Тоқтатылған", "Отменённый").Cancelled("Бюджет қысқарды / бюджет сокращён").SaveAsync();

        var (_, html) = await WebPage.Open(app).GetAsync($"/Calls/{call.Id.Value}");

        Assert.Contains("data-testid=\"cancellation\"", html, StringComparison.Ordinal);
        Assert.Contains("Бюджет қысқарды / бюджет сокращён", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Phase.Cancelled"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPage_ByReferenceNumber_ShowsTheCall()
    {
        var call = await new PublicCallBuilder(app).Titled("Сілтеме нөмірі", "Номер для ссылки").SaveAsync();

        var (status, html) = await WebPage.Open(app).GetAsync("/Calls/ref/" + call.ReferenceNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Номер для ссылки", html, StringComparison.Ordinal);
        Assert.Contains(call.ReferenceNumber, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPage_ForADraftOrAnUnknownCall_IsTheLocalized404()
    {
        var draft = await new PublicCallBuilder(app).Titled("Жасырын жоба", "Скрытый черновик").Draft().SaveAsync();
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync("kk");

        var (draftStatus, draftHtml) = await page.GetAsync($"/Calls/{draft.Id.Value}");
        var (byRefStatus, _) = await page.GetAsync("/Calls/ref/" + draft.ReferenceNumber);
        var (unknownStatus, unknownHtml) = await page.GetAsync($"/Calls/{Guid.NewGuid()}");
        var (_, catalogue) = await page.GetAsync("/Calls?search=" + Uri.EscapeDataString("жасырын"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (draftStatus, byRefStatus, unknownStatus));
        Assert.Contains(Resources.Text("Error.404.Title", "kk"), draftHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Жасырын жоба", draftHtml, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Error.404.Title", "kk"), unknownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Жасырын жоба", catalogue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_WhenATitleHoldsAScriptTag_ShowItAsText()
    {
        var call = await new PublicCallBuilder(app)
            .Titled("<script>alert('kk')</script> Қауіпсіздік", "<script>alert('ru')</script> Безопасность")
            .Summarised("<img src=x onerror=alert(1)> қысқаша", "<img src=x onerror=alert(1)> кратко")
            .SaveAsync();
        var page = WebPage.Open(app);

        var (_, catalogue) = await page.GetAsync("/Calls?search=" + Uri.EscapeDataString("безопасность"));
        var (_, details) = await page.GetAsync($"/Calls/{call.Id.Value}");

        Assert.Contains("&lt;script&gt;alert(", catalogue, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", catalogue, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", details, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskQuestion_AsApplicant_IsAcceptedBeforeTheDeadline_AndRefusedWithTheRuleAfterIt()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var closes = now.AddHours(1);
        var call = await new PublicCallBuilder(app).Titled("Сұрақ беті", "Страница вопросов").Window(now.AddDays(-1), closes).SaveAsync();
        var url = $"/Calls/{call.Id.Value}";
        var page = WebPage.Open(app);
        using (var signIn = await page.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var (_, before) = await page.GetAsync(url);
        using var accepted = await page.PostFormAsync(url, url + "/questions", new Dictionary<string, string> { ["Ask.Question"] = "Можно ли подать заявку консорциумом?" });
        app.Clock.SetUtcNow(closes);
        var (_, after) = await page.GetAsync(url);
        using var refused = await page.PostFormAsync(url, url + "/questions", new Dictionary<string, string> { ["Ask.Question"] = "А сейчас ещё можно?" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"ask-form\"", before, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label\" for=\"Ask_Question\">" + Resources.Text("CallPage.YourQuestion") + "</label>", before, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Ask_Question-hint Ask_Question-error\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith(url + "#questions", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ask-form\"", after, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Rule.QuestionsOnlyBeforeDeadline"), after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Resources.Text("Rule.QuestionsOnlyBeforeDeadline"), refusedHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"form-errors\"", refusedHtml, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["Можно ли подать заявку консорциумом?"], await db.Clarifications.Where(q => q.CallId == call.Id).Select(q => q.Question).ToListAsync());
    }

    [Fact]
    public async Task AskQuestion_Anonymously_IsSentToSignIn_AndAnEmptyQuestionIsRefusedBesideTheField()
    {
        var call = await new PublicCallBuilder(app).Titled("Анонимді сұрақ", "Анонимный вопрос").SaveAsync();
        var url = $"/Calls/{call.Id.Value}";
        var anonymous = WebPage.Open(app);
        var (_, anonymousHtml) = await anonymous.GetAsync(url);
        using var anonymousPost = await anonymous.PostFormAsync(url, url + "/questions", new Dictionary<string, string> { ["Ask.Question"] = "?" });
        var applicant = WebPage.Open(app);
        using (await applicant.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword))
        {
        }

        using var empty = await applicant.PostFormAsync(url, url + "/questions", new Dictionary<string, string> { ["Ask.Question"] = "  " });
        var emptyHtml = await empty.Content.ReadAsStringAsync();

        Assert.Contains(Resources.Text("CallPage.SignInToAsk"), anonymousHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ask-form\"", anonymousHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPost.StatusCode);
        Assert.Contains("/Account/Login", anonymousPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(Resources.Text("Validation.NotEmptyValidator"), WebPage.FieldError(emptyHtml, "Ask_Question"));
    }

    [Fact]
    public async Task Subscribe_FromTheCatalogue_ConfirmsByButtonAndUnsubscribesByButton()
    {
        var page = WebPage.Open(app);

        using var subscribed = await page.PostFormAsync("/Calls", "/Calls/subscribe", new Dictionary<string, string>
        {
            ["Form.Email"] = "page.subscriber@example.kz",
            ["Form.RegionId"] = "18",
            ["Form.PriorityAreaId"] = string.Empty,
        });
        var (_, landing) = await page.GetAsync(subscribed.Headers.Location!.OriginalString);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            token = await db.CallSubscriptions.Where(s => s.Email == "page.subscriber@example.kz").Select(s => s.Token).SingleAsync();
            Assert.Contains(await db.Set<OutgoingEmail>().Where(m => m.To == "page.subscriber@example.kz").Select(m => m.HtmlBody).ToListAsync(), b => b.Contains(token, StringComparison.Ordinal));
        }

        var (_, confirmPage) = await page.GetAsync("/Calls/subscriptions/confirm?token=" + token);
        using var confirmed = await page.PostFormAsync("/Calls/subscriptions/confirm?token=" + token, "/Calls/subscriptions/confirm", new Dictionary<string, string> { ["token"] = token });
        using var unsubscribed = await page.PostFormAsync("/Calls/subscriptions/unsubscribe?token=" + token, "/Calls/subscriptions/unsubscribe", new Dictionary<string, string> { ["token"] = token });
        using var again = await page.PostFormAsync("/Calls/subscriptions/unsubscribe?token=" + token, "/Calls/subscriptions/unsubscribe", new Dictionary<string, string> { ["token"] = token });

        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        Assert.Contains(Resources.Text("Subscription.CheckYourInbox"), landing, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Subscription.ConfirmButton"), confirmPage, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Subscription.Confirmed"), await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Subscription.Unsubscribed"), await unsubscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Subscription.UnsubscribeLinkInvalid"), await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_WithABadAddress_ShowsTheFormAgainWithTheMessageBesideTheField()
    {
        using var response = await WebPage.Open(app).PostFormAsync("/Calls/subscribe", "/Calls/subscribe", new Dictionary<string, string> { ["Form.Email"] = "nobody" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Resources.Text("Validation.EmailValidator"), WebPage.FieldError(html, "Form_Email"));
    }

    [Fact]
    public async Task Navigation_LinksTheCatalogueFromEveryPageAndTheHomePage()
    {
        var (_, home) = await WebPage.Open(app).GetAsync("/");

        Assert.Contains("<a class=\"nav-link\" href=\"/Calls\">" + Resources.Text("Catalogue.Nav") + "</a>", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-catalogue-link\"", home, StringComparison.Ordinal);
    }
}
