using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialOrder.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// A call from the official's editor to the public page: created in Kazakh and Russian from the default methodology,
/// published, amended; found by a visitor in the Kazakh catalogue; a question asked by an applicant and answered by
/// the official, published without the asker.
/// </summary>
public sealed class CallLifecycleTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string AlmatyCity = "19";
    private const string TitleKk = "Жасөспірімдерге арналған цифрлық шеберхана";
    private const string TitleRu = "Цифровая мастерская для подростков";
    private const string SearchWordKk = "шеберхана";
    private const string AmendReason = "Бюджет увеличен решением бюджетной комиссии от 12.03.";
    private const string Question = "Можно ли включать в бюджет аренду помещения для занятий?";
    private const string Answer = "Да, аренда помещения допускается в пределах 20% бюджета проекта.";

    [Fact]
    public async Task CallLifecycle_WhenOfficialPublishesAmendsAndAnswers_VisitorFindsCallInKazakhWithAmendmentAndAnonymousAnswer()
    {
        var now = portal.Clock.GetUtcNow();

        // The official: a new call from the default methodology, saved as a draft.
        await using var official = await portal.NewContextAsync();
        var desk = await official.NewPageAsync();
        await Pages.SignInAsync(desk, BrowserTestData.OfficialEmail, DemoDataSeeder.DemoPassword);
        await Expect(desk).ToHaveURLAsync(portal.Url("/Organizer"));
        await desk.GotoAsync("/Organizer/Calls");
        await desk.GetByTestId("new-call").ClickAsync();
        await Expect(desk).ToHaveURLAsync(portal.Url("/Organizer/Calls/Create"));

        await desk.Locator("#Form_TitleKk").FillAsync(TitleKk);
        await desk.Locator("#Form_TitleRu").FillAsync(TitleRu);
        await desk.Locator("#Form_SummaryKk").FillAsync("Алматы жасөспірімдеріне бағдарламалау және робототехника сабақтары.");
        await desk.Locator("#Form_SummaryRu").FillAsync("Занятия по программированию и робототехнике для подростков Алматы.");
        await desk.Locator("#Form_DescriptionKk").FillAsync("Жоба 12–17 жастағы жасөспірімдерге арналған тегін цифрлық шеберхана ашуды көздейді.");
        await desk.Locator("#Form_DescriptionRu").FillAsync("Проект предусматривает открытие бесплатной цифровой мастерской для подростков 12–17 лет.");
        await desk.Locator("#Form_EligibilityKk").FillAsync("Алматы қаласында тіркелген үкіметтік емес ұйымдар.");
        await desk.Locator("#Form_EligibilityRu").FillAsync("Неправительственные организации, зарегистрированные в городе Алматы.");
        await desk.Locator("#Form_PriorityAreaId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await desk.Locator("#Form_RegionId").SelectOptionAsync(AlmatyCity);
        await desk.Locator("#Form_Budget").FillAsync("50000000");
        await desk.Locator("#Form_MaxPerProject").FillAsync("5000000");
        await desk.Locator("#Form_DurationMonths").FillAsync("12");
        await desk.Locator("#Form_Term").SelectOptionAsync("Short");
        await desk.Locator("#Form_OpensAt").FillAsync(BrowserTestData.KzLocalInput(now.AddHours(1)));
        await desk.Locator("#Form_ClosesAt").FillAsync(BrowserTestData.KzLocalInput(now.AddDays(20)));
        await desk.GetByTestId("save-draft").ClickAsync();

        // The draft's page: the pre-publication check finds nothing missing.
        await Expect(desk).ToHaveURLAsync(new Regex("/Organizer/Calls/Details/[0-9a-f-]{36}$"));
        var callId = Guid.Parse(new Uri(desk.Url).AbsolutePath.Split('/')[^1]);
        await Expect(desk.GetByTestId("publish-ready")).ToHaveTextAsync(PortalText.Get("Organizer.Calls.ReadyToPublish"));
        await Expect(desk.GetByTestId("publish-problems")).ToHaveCountAsync(0);

        await desk.GetByTestId("publish-call").ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Call.Published"));
        await Expect(desk.GetByTestId("publish-call")).ToHaveCountAsync(0);

        // The amendment: a larger budget, with the reason the public will read.
        await desk.GetByTestId("amend-call").ClickAsync();
        await Expect(desk).ToHaveURLAsync(portal.Url($"/Organizer/Calls/Amend/{callId}"));
        await desk.Locator("#Form_Budget").FillAsync("60000000");
        await desk.Locator("#Form_Reason").FillAsync(AmendReason);
        await desk.GetByTestId("save-amendment").ClickAsync();
        await Expect(desk).ToHaveURLAsync(portal.Url($"/Organizer/Calls/Details/{callId}"));
        await Expect(desk.GetByTestId("amendment")).ToContainTextAsync(AmendReason);

        // An anonymous visitor: the catalogue in Kazakh, a Kazakh word of the title and the region (Almaty city).
        await using var visitorContext = await portal.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/Calls");
        await Pages.SwitchLanguageAsync(visitor, "Қазақша");
        await Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        var filters = visitor.GetByRole(AriaRole.Search);
        await filters.GetByLabel(PortalText.Get("Catalogue.Search", "kk"), new() { Exact = true }).FillAsync(SearchWordKk);
        await filters.GetByLabel(PortalText.Get("Catalogue.Region", "kk"), new() { Exact = true }).SelectOptionAsync(AlmatyCity);
        await filters.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Catalogue.Find", "kk"), Exact = true }).ClickAsync();

        await Expect(visitor).ToHaveURLAsync(new Regex(@"/Calls\?.*search=" + Regex.Escape(Uri.EscapeDataString(SearchWordKk)) + ".*region=19", RegexOptions.IgnoreCase));
        var row = visitor.GetByTestId("call-row");
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link, new() { Name = TitleKk, Exact = true }).ClickAsync();

        await Expect(visitor).ToHaveURLAsync(portal.Url($"/Calls/{callId}"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(TitleKk);
        var amendments = visitor.GetByTestId("amendments");
        await Expect(amendments).ToBeVisibleAsync();
        await Expect(amendments.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(PortalText.Get("CallPage.Amendments", "kk"));
        await Expect(amendments).ToContainTextAsync(AmendReason);
        await Expect(amendments).ToContainTextAsync(PortalText.Get("CallPage.Change.Budget", "kk").Split("{0}")[0]);
        await Expect(visitor.GetByTestId("no-questions")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(visitor, "call-page-kk");

        // The applicant asks on the call page.
        await using var applicantContext = await portal.NewContextAsync();
        var applicant = await applicantContext.NewPageAsync();
        await Pages.SignInAsync(applicant, BrowserTestData.ApplicantEmail, DemoDataSeeder.DemoPassword);
        await Expect(applicant).ToHaveURLAsync(portal.Url("/Applicant"));
        await applicant.GotoAsync($"/Calls/{callId}");
        var ask = applicant.GetByTestId("ask-form");
        await ask.Locator("#Ask_Question").FillAsync(Question);
        await ask.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("CallPage.AskSubmit"), Exact = true }).ClickAsync();
        await Expect(applicant).ToHaveURLAsync(portal.Url($"/Calls/{callId}#questions"));
        await Expect(applicant.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("CallPage.QuestionSent"));
        // Not published until answered.
        await Expect(applicant.GetByTestId("questions")).ToHaveCountAsync(0);

        // The official answers on the call's page in the office.
        await desk.GotoAsync($"/Organizer/Calls/Details/{callId}");
        var question = desk.GetByTestId("question").Filter(new() { HasText = Question });
        await Expect(question).ToHaveCountAsync(1);
        await question.GetByLabel(PortalText.Get("Organizer.Calls.YourAnswer"), new() { Exact = true }).FillAsync(Answer);
        await question.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Organizer.Calls.PublishAnswer"), Exact = true }).ClickAsync();
        await Expect(desk).ToHaveURLAsync(portal.Url($"/Organizer/Calls/Details/{callId}#questions"));
        await Expect(desk.GetByTestId("question").Filter(new() { HasText = Question })).ToContainTextAsync(Answer);

        // The anonymous visitor sees the question and its answer, and nothing of who asked.
        await visitor.ReloadAsync();
        var answered = visitor.GetByTestId("questions");
        await Expect(answered.Locator("dt")).ToHaveTextAsync(Question);
        await Expect(answered.Locator("dd")).ToContainTextAsync(Answer);
        await Expect(visitor.GetByTestId("no-questions")).ToHaveCountAsync(0);
        var text = await visitor.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(BrowserTestData.ApplicantEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Данияр Ахметов", text, StringComparison.Ordinal);
        Assert.DoesNotContain(BrowserTestData.ApplicantEmail, await visitor.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await BrowserPortal.ScreenshotAsync(visitor, "call-page-kk-answered");
    }
}
