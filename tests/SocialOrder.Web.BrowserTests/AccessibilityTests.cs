using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// axe-core (through Deque.AxeCore.Playwright) over the main pages of every role, in Kazakh, Russian and English:
/// no serious or critical violation anywhere. One browser, one sign-in per role; the pages are opened with
/// <c>?culture=</c> so the three languages need no further sign-ins.
/// </summary>
public sealed class AccessibilityTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] Cultures = ["kk", "ru", "en"];
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task MainPages_OfEveryRoleInEveryLanguage_HaveNoSeriousOrCriticalViolations()
    {
        var now = portal.Clock.GetUtcNow();
        // Open for another day (the applicant's editor), and one closing within the hour (the evaluation and the award).
        var open = await BrowserTestData.SeedCallWithSubmittedBidsAsync(portal, "Доступная среда в каждом дворе", now.AddDays(1), "Равные возможности");
        var closing = await BrowserTestData.SeedCallWithSubmittedBidsAsync(portal, "Инклюзивные мастерские", now.AddHours(1), "Мастерская без барьеров");
        var violations = new List<string>();

        await using (var anonymous = await portal.NewContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await ScanAsync(page, violations, "/", "/Calls", $"/Calls/{open.CallId}", "/Statistics", "/Account/Login", "/Account/Register");
        }

        await using (var applicant = await portal.NewContextAsync())
        {
            var page = await applicant.NewPageAsync();
            await Pages.SignInToAsync(page, BrowserTestData.ApplicantEmail, "/Applicant");
            await Pages.RegisterOrganizationAsync(page, BrowserTestData.NewBin(), "Қолжетімді орта (kk)", "Доступная среда");
            var organization = new Uri(page.Url).AbsolutePath;
            var editor = new Uri(await Pages.StartBidAsync(page, open.CallId, "Доступная среда в каждом дворе", "Доступная среда")).AbsolutePath;
            await ScanAsync(page, violations, "/Applicant/Bids", editor, organization);
            await page.GotoAsync("/Applicant/Bids?culture=en");
            await BrowserPortal.ScreenshotAsync(page, "my-bids-en");
        }

        portal.Clock.SetUtcNow(now.AddHours(2));
        await using var officialContext = await portal.NewContextAsync();
        var official = await officialContext.NewPageAsync();
        await Pages.SignInToAsync(official, BrowserTestData.OfficialEmail, "/Organizer");
        var bid = closing.Bids[0];
        var experts = await AssignThreeExpertsAsync(official, closing);

        await using (var desks = new ExpertDesks(portal))
        {
            var expert = await desks.SignedInAsync(experts[0]);
            await ExpertDesks.AcceptAsync(expert, bid.ReceiptNumber);
            var sheet = new Uri(expert.Url).AbsolutePath;
            await ScanAsync(expert, violations, "/Expert/Assignments", sheet);
            await expert.GotoAsync(sheet + "?culture=en");
            // Scrolled down the sheet, as the window shows it: the bid's text stays beside the sheet.
            await expert.Mouse.WheelAsync(0, 900);
            Directory.CreateDirectory(BrowserPortal.ScreenshotFolder);
            await expert.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "scoring-en.png") });
            await expert.GotoAsync(sheet);
            await ExpertDesks.FillSheetAsync(expert, [7, 7, 7, 7, 7, 7]);
            await ExpertDesks.SubmitAsync(expert);
            foreach (var name in experts.Skip(1))
            {
                await ExpertDesks.AcceptAndScoreAsync(await desks.SignedInAsync(name), bid.ReceiptNumber, [7, 7, 7, 7, 7, 7]);
            }
        }

        await ScanAsync(
            official, violations, "/Organizer/Calls", "/Organizer/Calls/Create", $"/Organizer/Evaluation/Index/{closing.CallId}",
            $"/Organizer/Evaluation/Index/{closing.CallId}?tab=ranking", $"/Organizer/Awards/Index/{closing.CallId}");

        await using (var observer = await portal.NewContextAsync())
        {
            var page = await observer.NewPageAsync();
            await Pages.SignInToAsync(page, BrowserTestData.ObserverEmail, "/Observer");
            await ScanAsync(page, violations, "/Observer/Calls");
        }

        await using (var admin = await portal.NewContextAsync())
        {
            var page = await admin.NewPageAsync();
            await Pages.SignInToAsync(page, BrowserTestData.AdminEmail, "/Admin");
            await ScanAsync(page, violations, "/Admin/Users", "/Admin/Audit");
        }

        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical accessibility violations:\n" + string.Join("\n", violations));
    }

    /// <summary>The check itself: a button without a name and a field without a label on a portal page are reported.</summary>
    [Fact]
    public async Task Scan_WhenAPageHasAnUnnamedButtonAndAnUnlabelledField_ReportsBothWithRuleTargetAndPage()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button id=\"bare\"></button><input id=\"nameless\" type=\"text\">')");

        var violations = Violations(await page.RunAxe(), page.Url);

        Assert.Contains(violations, v => v.Contains("button-name (critical) at #bare", StringComparison.Ordinal) && v.StartsWith(page.Url, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("label (critical) at #nameless", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallEditor_RowsAddedAndRemovedByTheScript_KeepAFieldAndButtonNameOfTheirOwn()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInToAsync(page, BrowserTestData.OfficialEmail, "/Organizer");
        await page.GotoAsync("/Organizer/Calls/Create?culture=en");
        var criteria = page.Locator("[data-rows=criteria] > [data-row]");
        var existing = await criteria.CountAsync();
        Assert.True(existing >= 2, $"The default methodology has {existing} criteria.");
        await Expect(page.GetByRole(AriaRole.Spinbutton, new() { Name = "Weight of criterion 2", Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove document 1", Exact = true })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Organizer.Calls.AddCriterion", "en"), Exact = true }).ClickAsync();
        var added = existing + 1;
        await Expect(criteria).ToHaveCountAsync(added);
        await Expect(criteria.Last.GetByLabel($"Weight of criterion {added}", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(criteria.Last.GetByRole(AriaRole.Button, new() { Name = $"Remove criterion {added}", Exact = true })).ToHaveCountAsync(1);
        await Expect(criteria.Last.GetByLabel($"Code of criterion {added}", new() { Exact = true })).ToBeFocusedAsync();

        // The first row goes: every later row moves up one number, and no two fields share a name.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove criterion 1", Exact = true }).ClickAsync();
        await Expect(criteria).ToHaveCountAsync(existing);
        await Expect(criteria.Last.GetByLabel($"Weight of criterion {existing}", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Spinbutton, new() { Name = $"Weight of criterion {added}", Exact = true })).ToHaveCountAsync(0);
        var names = await page.Locator("#call-editor [aria-label]").EvaluateAllAsync<string[]>("items => items.map(i => i.getAttribute('aria-label'))");
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        await BrowserPortal.ScreenshotAsync(page, "call-editor-en");
    }

    [Fact]
    public async Task KeyboardOnly_ApplicantSubmitsABidAndExpertSubmitsAScoreSheet()
    {
        var now = portal.Clock.GetUtcNow();
        var open = await BrowserTestData.SeedCallWithSubmittedBidsAsync(portal, "Клавиатура вместо мыши", now.AddDays(1));
        var closing = await BrowserTestData.SeedCallWithSubmittedBidsAsync(portal, "Оценка без мыши", now.AddHours(1), "Только клавиши");

        // The applicant: an organization and a started bid (set-up), then the editor from its first load by keyboard alone.
        await using (var applicant = await portal.NewContextAsync())
        {
            var page = await applicant.NewPageAsync();
            await Pages.SignInToAsync(page, BrowserTestData.ApplicantEmail, "/Applicant");
            await Pages.RegisterOrganizationAsync(page, BrowserTestData.NewBin(), "Пернетақта (kk)", "Клавиатура");
            var editor = await Pages.StartBidAsync(page, open.CallId, "Клавиатура вместо мыши", "Клавиатура");
            await page.GotoAsync(editor);

            var fields = new (string Selector, string Value)[]
            {
                ("#Form_Title", "Проект без мыши"), ("#Form_Summary", "Кратко о проекте."), ("#Form_Problem", "Проблема подтверждена."),
                ("#Form_TargetGroup", "Подростки."), ("#Form_Objectives", "Цели проекта."), ("#Form_Activities_0__Name", "Встречи"),
                ("#Form_Activities_0__StartMonth", "1"), ("#Form_Activities_0__EndMonth", "6"), ("#Form_ExpectedResults", "Результаты."),
                ("#Form_Indicators_0__Name", "Участники"), ("#Form_Indicators_0__Baseline", "0"), ("#Form_Indicators_0__Target", "100"),
                ("#Form_Sustainability", "Устойчивость."), ("#Form_Team", "Команда."), ("#Form_Budget_0__Year", "1"),
                ("#Form_Budget_0__Description", "Координаторы"), ("#Form_Budget_0__Amount", "1500000"), ("#Form_RequestedAmount", "1500000"),
            };
            foreach (var (selector, value) in fields)
            {
                await TabToAsync(page, selector);
                await page.Keyboard.TypeAsync(value);
            }

            // Back up to the budget line's category with Shift+Tab and choose it with the arrow keys.
            await TabToAsync(page, "#Form_Budget_0__Category", backwards: true);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowUp");
            await TabToAsync(page, "[data-testid=save-bid]");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(editor);
            await Expect(page.GetByTestId("bid-ready")).ToHaveTextAsync(PortalText.Get("Bid.ReadyToSubmit"));
            foreach (var (selector, value) in fields)
            {
                await Expect(page.Locator(selector)).ToHaveValueAsync(value);
            }

            await TabToAsync(page, "[data-testid=submit-bid]");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("/Applicant/Bids/Receipt/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"^RCP-\d{4}-\d{4,}$"));
        }

        // The expert: from "My reviews" (its first load) to a sealed sheet by keyboard alone.
        portal.Clock.SetUtcNow(now.AddHours(2));
        await using var officialContext = await portal.NewContextAsync();
        var official = await officialContext.NewPageAsync();
        await Pages.SignInToAsync(official, BrowserTestData.OfficialEmail, "/Organizer");
        var bid = closing.Bids[0];
        var experts = await AssignThreeExpertsAsync(official, closing);
        await using var desks = new ExpertDesks(portal);
        var expert = await desks.SignedInAsync(experts[0]);
        await expert.GotoAsync("/Expert/Assignments");
        await TabToAsync(expert, $"[data-testid=my-assignment][data-receipt='{bid.ReceiptNumber}'] [data-testid=declare-no-conflict]");
        await expert.Keyboard.PressAsync("Enter");
        await Expect(expert).ToHaveURLAsync(new Regex("/Expert/Assignments/Score/[0-9a-f-]{36}$"));
        var blocks = await expert.GetByTestId("criterion-block").CountAsync();
        Assert.Equal(6, blocks);
        for (var i = 0; i < blocks; i++)
        {
            await TabToAsync(expert, "[data-testid=points]", i);
            await expert.Keyboard.TypeAsync("7");
            await TabToAsync(expert, "[data-testid=justification]", i);
            await expert.Keyboard.TypeAsync(ExpertDesks.Justification(7));
        }

        await TabToAsync(expert, "[data-testid=submit-sheet]");
        await expert.Keyboard.PressAsync("Space");
        await Expect(expert.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Sheet.Submitted"));
        await Expect(expert.GetByTestId("sheet-sealed")).ToBeVisibleAsync();
        await Expect(expert.GetByTestId("own-total")).ToHaveTextAsync(BrowserTestData.Points(70m));
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the element matched by <paramref name="selector"/> (the <paramref name="index"/>-th of
    /// them) has the focus; fails when it is not reached in 150 presses. Reads the focus, never sets it.
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector, int index = 0, bool backwards = false)
    {
        for (var presses = 0; presses < 150; presses++)
        {
            if (await page.EvaluateAsync<bool>("([s, i]) => document.activeElement === document.querySelectorAll(s)[i]", new object[] { selector, index }))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        Assert.Fail($"{selector} (#{index}) was not reached with the keyboard on {page.Url}.");
    }

    /// <summary>As the official: the call's single bid is eligible and three experts are proposed and confirmed; returns their names.</summary>
    private static async Task<IReadOnlyList<string>> AssignThreeExpertsAsync(IPage official, SeededCall call)
    {
        var dashboard = new EvaluationDashboardPage(official, call.CallId);
        var bid = call.Bids[0];
        await official.GotoAsync($"/Organizer/Calls/Details/{call.CallId}");
        await dashboard.MarkEligibleAsync(bid.ReceiptNumber);
        await official.GotoAsync($"/Organizer/Evaluation/Index/{call.CallId}");
        await dashboard.ProposeAsync(3);
        await dashboard.ConfirmAsync(3);
        return await dashboard.ExpertsAsync(bid.ReceiptNumber, "Assigned");
    }

    /// <summary>Opens each page in each language and adds every serious or critical violation axe finds, with rule, target and page.</summary>
    private static async Task ScanAsync(IPage page, List<string> violations, params string[] paths)
    {
        foreach (var path in paths)
        {
            foreach (var culture in Cultures)
            {
                var url = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture;
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: 200 }, $"{url} answered {response?.Status}.");
                violations.AddRange(Violations(await page.RunAxe(), url));
            }
        }
    }

    private static IEnumerable<string> Violations(AxeResult result, string url) =>
        from violation in result.Violations
        where Blocking.Contains(violation.Impact)
        from node in violation.Nodes
        select $"{url}: {violation.Id} ({violation.Impact}) at {node.Target} — {violation.Help}";
}
