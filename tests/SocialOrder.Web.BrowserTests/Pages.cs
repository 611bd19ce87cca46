using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialOrder.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>What a visitor does on the account pages, found the way they find it: by the visible, localized labels.</summary>
public static class Pages
{
    /// <summary>Opens the sign-in page afresh (so no earlier message is on it), fills it in and submits it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string culture = "ru")
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(PortalText.Get("Field.Email", culture), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(PortalText.Get("Field.Password", culture), new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Account.Login.Submit", culture), Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Clicks a language button in the header: a POST to /culture that should set the culture cookie and redirect
    /// back to the same page. Fails at once, saying so, when the POST is refused.
    /// </summary>
    public static async Task SwitchLanguageAsync(IPage page, string buttonText)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/culture");
        Assert.True(
            response.Status is 302 or 303,
            $"The language switcher's POST /culture answered {response.Status} instead of redirecting back to the page.");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task FillRegistrationAsync(IPage page, string fullName, string email, string password, string culture = "ru")
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel(PortalText.Get("Account.Type.Applicant", culture), new() { Exact = true }).CheckAsync();
        await page.GetByLabel(PortalText.Get("Field.FullName", culture), new() { Exact = true }).FillAsync(fullName);
        await page.GetByLabel(PortalText.Get("Field.Email", culture), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(PortalText.Get("Field.Password", culture), new() { Exact = true }).FillAsync(password);
        await page.GetByLabel(PortalText.Get("Field.ConfirmPassword", culture), new() { Exact = true }).FillAsync(password);
    }

    public static Task SubmitRegistrationAsync(IPage page, string culture = "ru") =>
        page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Account.Register.Submit", culture), Exact = true }).ClickAsync();

    /// <summary>Signs in and waits for the home page of the account's role (e.g. "/Expert"), so the session is set.</summary>
    public static async Task SignInToAsync(IPage page, string email, string home, string password = DemoDataSeeder.DemoPassword)
    {
        await SignInAsync(page, email, password);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(home) + "$"));
    }

    /// <summary>A new applicant registers, confirms the e-mail with the link from the development outbox and signs in.</summary>
    public static async Task RegisterApplicantAsync(IPage page, string fullName, string email, string password)
    {
        await FillRegistrationAsync(page, fullName, email, password);
        await SubmitRegistrationAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/RegisterConfirmation"));
        await page.GotoAsync("/dev/outbox");
        var message = page.GetByTestId("outbox-message").Filter(new() { Has = page.GetByTestId("outbox-to").GetByText(email, new() { Exact = true }) });
        await message.Locator("a[href*='/Account/ConfirmEmail']").ClickAsync();
        await Expect(page.GetByTestId("email-confirmed")).ToHaveTextAsync(PortalText.Get("Account.Confirm.Success"));
        await SignInToAsync(page, email, "/Applicant", password);
    }

    /// <summary>An applicant registers an organization (a public association in Almaty) from the cabinet.</summary>
    public static async Task RegisterOrganizationAsync(IPage page, string bin, string nameKk, string nameRu)
    {
        await page.GotoAsync("/Applicant/Organizations/Register");
        await page.Locator("#Form_Bin").FillAsync(bin);
        await page.Locator("#Form_LegalForm").SelectOptionAsync("PublicAssociation");
        await page.Locator("#Form_NameKk").FillAsync(nameKk);
        await page.Locator("#Form_NameRu").FillAsync(nameRu);
        await page.Locator("#Form_RegionId").SelectOptionAsync("19");
        await page.Locator("#Form_Address").FillAsync("г. Алматы, ул. Абая, 10");
        await page.Locator("#Form_Phone").FillAsync("+7 727 123 45 67");
        await page.Locator("#Form_Email").FillAsync("ngo@example.kz");
        await page.Locator("#Form_HeadName").FillAsync("Асанов Ерлан");
        await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Organization.RegisterSubmit"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Applicant/Organizations/Details/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Organization.Registered"));
    }

    /// <summary>Apply on the public call page, as the given organization; returns the editor's address.</summary>
    public static async Task<string> StartBidAsync(IPage page, Guid callId, string callTitleRu, string organizationNameRu)
    {
        await page.GotoAsync($"/Calls/{callId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(callTitleRu);
        await page.GetByTestId("apply").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"/Applicant/Bids/Apply?callId={callId}") + "$"));
        var organization = page.Locator("#organizationId");
        var option = organization.Locator("option").Filter(new() { HasText = organizationNameRu + " (" });
        await organization.SelectOptionAsync((await option.GetAttributeAsync("value"))!);
        await page.GetByTestId("apply-confirm").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Applicant/Bids/Edit/[0-9a-f-]{36}$"));
        return page.Url;
    }

    /// <summary>
    /// Attaches a PDF to each of the bid editor's first <paramref name="count"/> document slots through the progress-bar
    /// upload, waiting each time for the page to list the file against its slot.
    /// </summary>
    public static async Task UploadDocumentsAsync(IPage page, int count, Func<ILocator, Task>? afterUpload = null)
    {
        var slots = page.GetByTestId("document-slot");
        for (var i = 0; i < count; i++)
        {
            var fileName = $"document-{i + 1}.pdf";
            var upload = slots.Nth(i).Locator("[data-upload]");
            await upload.Locator("input[type=file]").SetInputFilesAsync(BrowserTestData.Pdf(fileName));
            await upload.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Bid.Upload"), Exact = true }).ClickAsync();
            await Expect(upload.Locator("[data-upload-status]")).ToHaveTextAsync(PortalText.Format("Bid.UploadDone", "ru", fileName));
            if (afterUpload is not null)
            {
                await afterUpload(upload);
            }

            // The page reloads itself and lists the file against its slot.
            await Expect(slots.Nth(i).GetByTestId("attached-file")).ToContainTextAsync(fileName);
        }
    }
}

/// <summary>
/// Fills a field of the bid editor and leaves it with Tab, as a person does, and waits for the autosave that
/// leaving the field sends; one save at a time, so each carries the revision the previous one returned.
/// </summary>
public sealed class BidEditor(IPage page)
{
    public async Task FillAsync(string selector, string value)
    {
        var field = page.Locator(selector);
        await field.FillAsync(value);
        await LeaveAsync(field, selector);
    }

    public async Task SelectAsync(string selector, string value)
    {
        var field = page.Locator(selector);
        await field.SelectOptionAsync(value);
        await LeaveAsync(field, selector);
    }

    private async Task LeaveAsync(ILocator field, string selector)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => field.PressAsync("Tab"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath.StartsWith("/Applicant/Bids/Autosave/", StringComparison.Ordinal));
        Assert.True(response.Status is 200 or 422, $"Autosave after {selector} answered {response.Status}.");
    }
}

/// <summary>The official's evaluation dashboard of one call (and the eligibility column of the call's page).</summary>
internal sealed class EvaluationDashboardPage(IPage page, Guid callId)
{
    public ILocator Bid(string receipt) => page.Locator($"[data-testid=evaluation-bid][data-receipt='{receipt}']");

    public async Task MarkEligibleAsync(string receipt)
    {
        var row = page.GetByTestId("submitted-bid").Filter(new() { HasText = receipt });
        await row.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Organizer.Bids.MarkEligible"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Organizer.Bids.MarkedEligible"));
        await Expect(page.GetByTestId("submitted-bid").Filter(new() { HasText = receipt }).GetByTestId("eligibility"))
            .ToContainTextAsync(PortalText.Get("Organizer.Bids.Eligible"));
    }

    public async Task ProposeAsync(int expected)
    {
        await page.GetByTestId("propose").ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Format("Evaluation.Proposed", "ru", expected));
    }

    public async Task ConfirmAsync(int expected)
    {
        await Expect(page.GetByTestId("confirm")).ToHaveTextAsync(PortalText.Format("Evaluation.Confirm", "ru", expected));
        await page.GetByTestId("confirm").ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Format("Evaluation.Confirmed", "ru", expected));
        await Expect(page.GetByTestId("confirm")).ToHaveCountAsync(0);
    }

    /// <summary>Before confirming, replaces a proposed expert of a bid by another, with the assignment's own swap form.</summary>
    public async Task SwapAsync(string receipt, string expert, string replacement)
    {
        var assignment = Bid(receipt).Locator($"[data-testid=assignment][data-status='Proposed'][data-expert='{expert}']");
        await assignment.GetByLabel(PortalText.Get("Evaluation.SwapFor"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = replacement });
        await assignment.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Evaluation.Swap"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Evaluation.ExpertSwapped"));
    }

    /// <summary>The names of a bid's experts whose assignment has the given status, in the dashboard's order.</summary>
    public async Task<IReadOnlyList<string>> ExpertsAsync(string receipt, string status) =>
        await Bid(receipt).Locator($"[data-testid=assignment][data-status='{status}']").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.expert)");

    /// <summary>The experts the bid's manual assignment form offers (not the "choose" placeholder).</summary>
    public async Task<IReadOnlyList<string>> ExpertChoicesAsync(string receipt) =>
        await Bid(receipt).Locator("form select[name=expertId]").Last.Locator("option:not([value=''])").AllTextContentsAsync();

    public async Task OpenRankingAsync()
    {
        await page.GetByTestId("tab-ranking").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"/Organizer/Evaluation/Index/{callId}") + @"\?tab=ranking$"));
        await Expect(page.GetByTestId("tab-ranking")).ToHaveAttributeAsync("aria-current", "page");
    }
}

/// <summary>The demo experts, each signed in once in a browser context of their own, and what they do on "My reviews".</summary>
internal sealed class ExpertDesks(BrowserPortal portal) : IAsyncDisposable
{
    private readonly Dictionary<string, IPage> _pages = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages.Values)
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The expert's page, signed in on first use.</summary>
    public async Task<IPage> SignedInAsync(string fullName)
    {
        if (!_pages.TryGetValue(fullName, out var page))
        {
            var context = await portal.NewContextAsync();
            page = await context.NewPageAsync();
            await Pages.SignInToAsync(page, BrowserTestData.ExpertEmail(fullName), "/Expert");
            _pages[fullName] = page;
        }

        return page;
    }

    public static ILocator Card(IPage page, string receipt) => page.Locator($"[data-testid=my-assignment][data-receipt='{receipt}']");

    /// <summary>A justification long enough for the points: at least 30 characters, at least 80 for 0 or the maximum (10).</summary>
    public static string Justification(int points) => points is 0 or 10
        ? $"Оценка {points}: проект полностью раскрывает критерий, все утверждения подтверждены данными, расчётами и письмами партнёров."
        : $"Оценка {points}: критерий раскрыт, но часть утверждений не подкреплена данными.";

    /// <summary>From "My reviews": no conflict with this bid's organization, which opens the scoring form.</summary>
    public static async Task AcceptAsync(IPage page, string receipt)
    {
        await page.GotoAsync("/Expert/Assignments");
        var card = Card(page, receipt);
        await Expect(card).ToHaveAttributeAsync("data-status", "Assigned");
        await card.GetByTestId("declare-no-conflict").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Expert/Assignments/Score/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receipt);
    }

    public static async Task FillSheetAsync(IPage page, int[] points)
    {
        var blocks = page.GetByTestId("criterion-block");
        await Expect(blocks).ToHaveCountAsync(points.Length);
        for (var i = 0; i < points.Length; i++)
        {
            await blocks.Nth(i).GetByTestId("points").FillAsync(points[i].ToString(CultureInfo.InvariantCulture));
            await blocks.Nth(i).GetByTestId("justification").FillAsync(Justification(points[i]));
        }
    }

    /// <summary>Submits the sheet and waits for it to come back sealed, read-only.</summary>
    public static async Task SubmitAsync(IPage page)
    {
        await page.GetByTestId("submit-sheet").ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Sheet.Submitted"));
        await Expect(page.GetByTestId("sheet-sealed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("points").First).ToBeDisabledAsync();
        await Expect(page.GetByTestId("submit-sheet")).ToHaveCountAsync(0);
    }

    public static async Task AcceptAndScoreAsync(IPage page, string receipt, int[] points)
    {
        await AcceptAsync(page, receipt);
        await FillSheetAsync(page, points);
        await SubmitAsync(page);
    }
}
