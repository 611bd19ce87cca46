using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialOrder.Domain.Common;
using SocialOrder.Infrastructure.Persistence;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// A competition from start to end, as its users play it in the browser: the official publishes a call; two
/// organizations register and submit bids (one resubmits); the deadline passes (the portal's clock is moved); the
/// official checks eligibility and assigns experts; three experts score; the commission decides; the protocol is
/// downloaded in Kazakh and Russian and read back; an anonymous visitor sees the results; the losing applicant sees why.
/// </summary>
public sealed class CompetitionLifecycleTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string TitleKk = "Ауыл жастарына арналған медиамектеп";
    private const string TitleRu = "Медиашкола для сельской молодёжи";
    private const string MinistryRu = "Комитет по делам гражданского общества Министерства культуры и информации Республики Казахстан";
    private const string ChairName = "Бекзат Оспанов";
    private const string ChairEmail = "b.ospanov@socialorder.kz";
    private const string WinnerKk = "«Жас тілші» қоғамдық бірлестігі";
    private const string WinnerRu = "Общественное объединение «Юный корреспондент»";
    private const string LoserKk = "«Ауыл үні» қоры";
    private const string LoserRu = "Фонд «Голос аула»";
    private const string LoserApplicantName = "Айгуль Сапарова";
    private const string LoserApplicantEmail = "aigul.saparova@example.kz";
    private const string LoserPassword = "correct horse battery";
    private const string Dissent = "Считаю, что заявке фонда «Голос аула» следовало дать шанс доработать бюджет.";
    private const decimal Budget = 6_000_000m;
    private const decimal WinnerAmount = 2_500_000m;
    private const decimal LoserAmount = 2_000_000m;

    private static readonly int[] Strong = [8, 8, 8, 8, 8, 8]; // 80.00
    private static readonly int[] Weak = [4, 4, 4, 4, 4, 4];   // 40.00: below the call's 50 to pass

    [Fact]
    public async Task Competition_FromPublicationToProtocol_PublishesTheWinnerAndTellsTheLoserWhy()
    {
        var start = portal.Clock.GetUtcNow();
        var opensAt = start.AddMinutes(10);
        var closesAt = start.AddHours(3);

        // The administrator opens an account for the commission's chair, an official of the ministry.
        await using (var adminContext = await portal.NewContextAsync())
        {
            var admin = await adminContext.NewPageAsync();
            await Pages.SignInToAsync(admin, BrowserTestData.AdminEmail, "/Admin");
            await CreateOfficialAsync(admin);
        }

        // The official publishes the call.
        await using var officialContext = await portal.NewContextAsync();
        var desk = await officialContext.NewPageAsync();
        await Pages.SignInToAsync(desk, BrowserTestData.OfficialEmail, "/Organizer");
        var callId = await PublishCallAsync(desk, opensAt, closesAt);
        portal.Clock.SetUtcNow(opensAt.AddMinutes(1));

        // Two organizations apply: the demo applicant's, which then submits a second version, and a newcomer's.
        await using var winnerContext = await portal.NewContextAsync();
        var winner = await winnerContext.NewPageAsync();
        await Pages.SignInToAsync(winner, BrowserTestData.ApplicantEmail, "/Applicant");
        await Pages.RegisterOrganizationAsync(winner, "990140004654", WinnerKk, WinnerRu);
        var winnerEditor = await Pages.StartBidAsync(winner, callId, TitleRu, WinnerRu);
        var firstReceipt = await FillAndSubmitBidAsync(winner, "Медиашкола «Голос села»", WinnerAmount);
        await winner.GotoAsync(winnerEditor);
        await new BidEditor(winner).FillAsync("#Form_Title", "Медиашкола «Голос села»: два потока");
        var winnerReceipt = await SubmitAsync(winner);
        Assert.NotEqual(firstReceipt, winnerReceipt);
        await winner.GotoAsync(winnerEditor);
        await Expect(winner.GetByTestId("receipt-row")).ToHaveCountAsync(2);

        await using var loserContext = await portal.NewContextAsync();
        var loser = await loserContext.NewPageAsync();
        await Pages.RegisterApplicantAsync(loser, LoserApplicantName, LoserApplicantEmail, LoserPassword);
        await Pages.RegisterOrganizationAsync(loser, "061211600012", LoserKk, LoserRu);
        await Pages.StartBidAsync(loser, callId, TitleRu, LoserRu);
        var loserReceipt = await FillAndSubmitBidAsync(loser, "Подкасты сельских школьников", LoserAmount);

        // The deadline passes; the official checks both bids and has experts proposed: the same three for both, by swapping.
        portal.Clock.SetUtcNow(closesAt.AddMinutes(1));
        var dashboard = new EvaluationDashboardPage(desk, callId);
        await desk.GotoAsync($"/Organizer/Calls/Details/{callId}");
        await Expect(desk.GetByTestId("submitted-bid")).ToHaveCountAsync(2);
        await dashboard.MarkEligibleAsync(winnerReceipt);
        await dashboard.MarkEligibleAsync(loserReceipt);
        await desk.GetByTestId("evaluation-link").ClickAsync();
        await dashboard.ProposeAsync(6);
        var trio = await dashboard.ExpertsAsync(winnerReceipt, "Proposed");
        foreach (var expert in (await dashboard.ExpertsAsync(loserReceipt, "Proposed")).Except(trio).ToList())
        {
            var onLoser = await dashboard.ExpertsAsync(loserReceipt, "Proposed");
            await dashboard.SwapAsync(loserReceipt, expert, trio.First(e => !onLoser.Contains(e)));
        }

        Assert.Equal(trio.Order(StringComparer.Ordinal), (await dashboard.ExpertsAsync(loserReceipt, "Proposed")).Order(StringComparer.Ordinal));
        await dashboard.ConfirmAsync(6);

        // Three experts score both bids.
        await using (var experts = new ExpertDesks(portal))
        {
            foreach (var expert in trio)
            {
                var page = await experts.SignedInAsync(expert);
                await ExpertDesks.AcceptAndScoreAsync(page, winnerReceipt, Strong);
                await ExpertDesks.AcceptAndScoreAsync(page, loserReceipt, Weak);
            }
        }

        await dashboard.OpenRankingAsync();
        var ranking = desk.GetByTestId("ranking-row");
        await Expect(ranking).ToHaveCountAsync(2);
        await Expect(ranking.GetByTestId("ranking-total")).ToHaveTextAsync(new[] { BrowserTestData.Points(80m), BrowserTestData.Points(40m) });
        await Expect(ranking.Nth(1)).ToContainTextAsync(PortalText.Get("Evaluation.Flag.BelowOverallMinimum"));

        // The commission: its members and roles, attendance, a dissenting opinion, confirmation.
        await desk.GetByTestId("awards-link").ClickAsync();
        await Expect(desk).ToHaveURLAsync(portal.Url($"/Organizer/Awards/Index/{callId}"));
        var (hash, protocolNumber) = await DecideAsync(desk);

        // The protocol in both languages, read back.
        var kk = PdfText(await DownloadAsync(desk, "protocol-kk"));
        var ru = PdfText(await DownloadAsync(desk, "protocol-ru"));
        foreach (var (text, title, winnerName) in new[] { (kk, TitleKk, WinnerKk), (ru, TitleRu, WinnerRu) })
        {
            Assert.Contains(Squash(protocolNumber), Squash(text), StringComparison.Ordinal);
            Assert.Contains(Squash(title), Squash(text), StringComparison.Ordinal);
            Assert.Contains(Squash(winnerName), Squash(text), StringComparison.Ordinal);
            Assert.Contains(Spaced(Money.Kzt(WinnerAmount).ToString()), Spaced(text), StringComparison.Ordinal);
            Assert.Contains(hash, text.Split(' '));
            Assert.Contains(winnerReceipt, text.Split(' '));
            Assert.Contains(loserReceipt, text.Split(' '));
            Assert.Contains(Squash(ChairName), Squash(text), StringComparison.Ordinal);
        }

        Assert.Contains(Squash(LoserRu), Squash(ru), StringComparison.Ordinal);
        Assert.Contains(Squash(Dissent), Squash(ru), StringComparison.Ordinal);
        Assert.Contains("Кворум имеется.", ru, StringComparison.Ordinal);
        Assert.Contains("Кворум бар.", kk, StringComparison.Ordinal);

        // Anyone: the results on the public call page, with the protocol whose hash is shown beside it.
        await using var visitorContext = await portal.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync($"/Calls/{callId}");
        var results = visitor.GetByTestId("results");
        await Expect(results.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(PortalText.Get("Results.Title"));
        var winners = results.GetByTestId("winner");
        await Expect(winners).ToHaveCountAsync(1);
        await Expect(winners).ToContainTextAsync(WinnerRu);
        await Expect(winners.GetByTestId("winner-amount")).ToHaveTextAsync(Money.Kzt(WinnerAmount).ToString());
        await Expect(results.GetByTestId("result-row")).ToHaveCountAsync(2);
        await Expect(results.GetByTestId("result-row").Nth(1)).ToContainTextAsync(LoserRu);
        await Expect(results.GetByTestId("public-decision-hash")).ToHaveTextAsync(hash);
        var publicProtocol = await DownloadAsync(visitor, "public-protocol-ru");
        var shownHash = results.Locator("li").Filter(new() { Has = visitor.GetByTestId("public-protocol-ru") }).Locator("code");
        await Expect(shownHash).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(publicProtocol)));
        Assert.Equal(ru, PdfText(publicProtocol));
        var visible = await visitor.Locator("main").InnerTextAsync();
        Assert.All(trio, name => Assert.DoesNotContain(name, visible, StringComparison.Ordinal));
        await BrowserPortal.ScreenshotAsync(visitor, "public-results");
        await Pages.SwitchLanguageAsync(visitor, "Қазақша");
        await Expect(results.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(PortalText.Get("Results.Title", "kk"));
        await Expect(results.GetByTestId("winner")).ToContainTextAsync(WinnerKk);
        await BrowserPortal.ScreenshotAsync(visitor, "public-results-kk");

        // The losing applicant: from "My bids" to the feedback on its own bid.
        await loser.GotoAsync("/Applicant/Bids");
        // The bid's outcome is the one badge of its row; the call's stage ("results published") is plain text.
        var myBid = loser.GetByTestId("my-bid").Filter(new() { HasText = LoserRu });
        await Expect(myBid.GetByTestId("bid-outcome")).ToHaveAttributeAsync("data-outcome", "NotAwarded");
        await Expect(myBid.GetByTestId("bid-outcome")).ToHaveTextAsync(PortalText.Get("Award.Outcome.NotAwarded"));
        await Expect(myBid.Locator(".badge")).ToHaveCountAsync(1);
        await Expect(myBid.GetByTestId("phase")).Not.ToHaveClassAsync(new Regex(@"\bbadge\b"));
        await BrowserPortal.ScreenshotAsync(loser, "my-bids");
        await myBid.GetByTestId("feedback-link").ClickAsync();
        await Expect(loser).ToHaveURLAsync(new Regex("/Applicant/Bids/Feedback/[0-9a-f-]{36}$"));
        var outcome = loser.GetByTestId("feedback-outcome");
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", "NotAwarded");
        await Expect(outcome.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(PortalText.Get("Award.Outcome.NotAwarded"));
        await Expect(loser.GetByTestId("feedback-rank")).ToHaveTextAsync(PortalText.Format("Feedback.Rank", "ru", 2, 2));
        await Expect(loser.GetByTestId("feedback-reason")).ToHaveTextAsync(PortalText.Format("Feedback.BelowOverallMinimum", "ru", BrowserTestData.Points(40m), "50"));
        await Expect(loser.GetByTestId("feedback-total")).ToHaveTextAsync(BrowserTestData.Points(40m));
        var sheets = loser.GetByTestId("feedback-sheet");
        await Expect(sheets).ToHaveCountAsync(3);
        await Expect(sheets.First).ToContainTextAsync(ExpertDesks.Justification(4));
        await Expect(sheets.First.GetByTestId("feedback-points")).ToHaveTextAsync(Enumerable.Repeat("4 / 10", 6).ToArray());
        var feedback = await loser.Locator("main").InnerTextAsync();
        Assert.All(trio, name => Assert.DoesNotContain(name, feedback, StringComparison.Ordinal));
        await BrowserPortal.ScreenshotAsync(loser, "feedback");
    }

    private static async Task CreateOfficialAsync(IPage admin)
    {
        await admin.GotoAsync("/Admin/Users/Create");
        await admin.Locator("#Form_FullName").FillAsync(ChairName);
        await admin.Locator("#Form_Email").FillAsync(ChairEmail);
        await admin.Locator("#Form_Role").SelectOptionAsync("Official");
        await admin.Locator("#Form_StateBodyId").SelectOptionAsync(new SelectOptionValue { Label = MinistryRu });
        await admin.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Common.Create"), Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Format("Admin.StaffCreated", "ru", ChairEmail));
    }

    /// <summary>A short-term grant call from the default methodology and documents, created as a draft and published.</summary>
    private static async Task<Guid> PublishCallAsync(IPage desk, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        await desk.GotoAsync("/Organizer/Calls");
        await desk.GetByTestId("new-call").ClickAsync();
        var fields = new (string Id, string Value)[]
        {
            ("TitleKk", TitleKk), ("TitleRu", TitleRu),
            ("SummaryKk", "Ауыл мектептерінде жастарға медиа сабақтары."), ("SummaryRu", "Занятия по медиа для молодёжи в сельских школах."),
            ("DescriptionKk", "Жоба ауыл жастарына журналистика мен подкаст жасауды үйретеді."),
            ("DescriptionRu", "Проект учит сельскую молодёжь журналистике и созданию подкастов."),
            ("EligibilityKk", "Қазақстанда тіркелген үкіметтік емес ұйымдар."), ("EligibilityRu", "Неправительственные организации, зарегистрированные в Казахстане."),
            ("Budget", "6000000"), ("MaxPerProject", "3000000"), ("DurationMonths", "12"),
            ("OpensAt", BrowserTestData.KzLocalInput(opensAt)), ("ClosesAt", BrowserTestData.KzLocalInput(closesAt)),
        };
        foreach (var (id, value) in fields)
        {
            await desk.Locator("#Form_" + id).FillAsync(value);
        }

        await desk.Locator("#Form_PriorityAreaId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await desk.Locator("#Form_Term").SelectOptionAsync("Short");
        await desk.GetByTestId("save-draft").ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex("/Organizer/Calls/Details/[0-9a-f-]{36}$"));
        var callId = Guid.Parse(new Uri(desk.Url).AbsolutePath.Split('/')[^1]);
        await desk.GetByTestId("publish-call").ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Call.Published"));
        return callId;
    }

    /// <summary>Fills the whole bid in the editor (each field saved as it is left), attaches the two documents and submits.</summary>
    private static async Task<string> FillAndSubmitBidAsync(IPage page, string title, decimal amount)
    {
        var editor = new BidEditor(page);
        var money = amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new (string Id, string Value)[]
        {
            ("Title", title), ("Summary", "Сельские школьники учатся делать новости и подкасты о своём ауле."),
            ("Problem", "В сёлах нет кружков медиа, молодёжь не слышна в региональных СМИ."), ("TargetGroup", "Школьники 14–18 лет."),
            ("Objectives", "Обучить 60 школьников и выпустить 24 подкаста."), ("Activities_0__Name", "Занятия медиашколы"),
            ("Activities_0__StartMonth", "1"), ("Activities_0__EndMonth", "10"), ("ExpectedResults", "24 выпуска подкаста, 60 выпускников."),
            ("Indicators_0__Name", "Выпуски подкаста"), ("Indicators_0__Baseline", "0"), ("Indicators_0__Target", "24"),
            ("Sustainability", "Школьные медиаклубы продолжат работу с учителями."), ("Team", "Руководитель, два журналиста-наставника."),
            ("Budget_0__Year", "1"), ("Budget_0__Description", "Наставники медиашколы"), ("Budget_0__Amount", money), ("RequestedAmount", money),
        };
        foreach (var (id, value) in fields)
        {
            await editor.FillAsync("#Form_" + id, value);
            if (id == "Budget_0__Year")
            {
                await editor.SelectAsync("#Form_Budget_0__Category", "Staff");
            }
        }

        await Pages.UploadDocumentsAsync(page, 2);
        await Expect(page.GetByTestId("bid-ready")).ToHaveTextAsync(PortalText.Get("Bid.ReadyToSubmit"));
        return await SubmitAsync(page);
    }

    /// <summary>Submits the bid open in the editor; returns the receipt's number.</summary>
    private static async Task<string> SubmitAsync(IPage page)
    {
        await page.GetByTestId("submit-bid").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Applicant/Bids/Receipt/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"^RCP-\d{4}-\d{4,}$"));
        return (await page.GetByTestId("receipt-number").TextContentAsync())!;
    }

    /// <summary>
    /// The commission of three (the new official chairs, the demo official is the secretary, the observer a member),
    /// all present; the secretary records the observer's dissent; the decision is confirmed. Returns its hash and number.
    /// </summary>
    private static async Task<(string Hash, string ProtocolNumber)> DecideAsync(IPage desk)
    {
        var observer = BrowserTestData.FullName(BrowserTestData.ObserverEmail);
        var secretary = BrowserTestData.FullName(BrowserTestData.OfficialEmail);
        await Expect(desk.GetByTestId("readiness")).ToHaveCountAsync(0);
        var commission = desk.GetByTestId("commission-form");
        // The ministry's officials and observers: the demo official, secretary@ and observer, plus the chair created here.
        await Expect(commission.GetByTestId("candidate")).ToHaveCountAsync(4);
        foreach (var (name, role) in new[] { (ChairName, "Chair"), (secretary, "Secretary"), (observer, "Member") })
        {
            await commission.GetByLabel(name, new() { Exact = true }).SelectOptionAsync(role);
        }

        await desk.GetByTestId("prepare").ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Award.Prepared"));
        var lines = desk.GetByTestId("decision-line");
        await Expect(lines).ToHaveCountAsync(2);
        await Expect(lines.First).ToHaveAttributeAsync("data-outcome", "Awarded");
        await Expect(lines.First.GetByTestId("line-amount")).ToHaveTextAsync(Money.Kzt(WinnerAmount).ToString());
        await Expect(lines.Nth(1)).ToHaveAttributeAsync("data-outcome", "NotAwarded");
        await Expect(desk.GetByTestId("totals")).ToHaveTextAsync(PortalText.Format(
            "Award.Totals", "ru", Money.Kzt(WinnerAmount).ToString(), Money.Kzt(Budget).ToString(), Money.Kzt(Budget - WinnerAmount).ToString()));

        var attendance = desk.GetByTestId("attendance-form");
        foreach (var box in await attendance.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.CheckAsync();
        }

        await desk.GetByTestId("save-attendance").ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Award.AttendanceSaved"));
        await Expect(desk.GetByTestId("quorum")).ToHaveTextAsync(PortalText.Format("Award.QuorumState", "ru", 3, 3, 2));

        var dissent = desk.GetByTestId("dissent-form");
        await dissent.GetByLabel(PortalText.Get("Award.DissentMember"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = observer });
        await dissent.GetByLabel(PortalText.Get("Award.DissentText"), new() { Exact = true }).FillAsync(Dissent);
        await dissent.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Award.RecordDissent"), Exact = true }).ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Award.DissentRecorded"));
        await Expect(desk.GetByTestId("dissents")).ToContainTextAsync(Dissent);
        await Expect(desk.GetByTestId("confirmation-problems")).ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(desk, "awards-draft");

        await desk.GetByTestId("confirm-decision").ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Award.Confirmed"));
        await Expect(desk.GetByTestId("decision")).ToHaveAttributeAsync("data-status", "Locked");
        await Expect(desk.GetByTestId("confirm-decision")).ToHaveCountAsync(0);
        await Expect(desk.GetByTestId("decision-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await BrowserPortal.ScreenshotAsync(desk, "awards-locked");
        var number = (await desk.GetByTestId("protocol-number").Locator("strong").TextContentAsync())!;
        return ((await desk.GetByTestId("decision-hash").TextContentAsync())!, number);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>The words of every page, in order, one space apart.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>Without any white space: a name the protocol's table wraps over two lines still matches.</summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>No-break spaces (amounts) as plain ones, with a space at both ends so a match is a whole amount.</summary>
    private static string Spaced(string text) => " " + text.Replace('\u00A0', ' ') + " ";
}
