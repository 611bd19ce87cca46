using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// An applicant from registering an organization to a second receipt: the editor's autosave (a reload loses
/// nothing), the two mandatory documents through the progress-bar upload, the receipt and its PDF, a new version,
/// and the editor after the deadline.
/// </summary>
public sealed class BidSubmissionTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string CallTitleRu = "Наставничество для молодёжи из сельских районов";
    private const string BidTitle = "Наставники рядом";
    private const string NewBidTitle = "Наставники рядом: второй поток";

    [Fact]
    public async Task BidSubmission_WhenApplicantFillsUploadsSubmitsAndResubmits_GetsTwoReceiptsAndEditorLocksAfterDeadline()
    {
        // Closes within the 8-hour sign-in, so the applicant is still signed in when the clock reaches the deadline.
        var closesAt = portal.Clock.GetUtcNow().AddHours(6);
        var callId = await OpenCallAsync(closesAt);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, BrowserTestData.ApplicantEmail, DemoDataSeeder.DemoPassword);
        await Expect(page).ToHaveURLAsync(portal.Url("/Applicant"));

        // An organization of the applicant's own, with a valid BIN; from the public call page to a new bid.
        await Pages.RegisterOrganizationAsync(page, "990140004654", "Сельская молодёжь (kk)", "Сельская молодёжь");

        // The founder invites a colleague by e-mail; the invitation is listed as pending.
        await page.Locator("#invite-email").FillAsync("colleague@example.kz");
        await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Organization.InviteSubmit"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Format("Organization.Invited", "ru", "colleague@example.kz"));
        await Expect(page.Locator("main")).ToContainTextAsync("colleague@example.kz");

        var editorUrl = await Pages.StartBidAsync(page, callId, CallTitleRu, "Сельская молодёжь");

        // The editor, field by field as a person does it: type, leave the field (which saves it).
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var editor = new BidEditor(page);
        await editor.FillAsync("#Form_Title", BidTitle);
        await editor.FillAsync("#Form_Summary", "Наставники из города помогают сельским подросткам выбрать профессию.");
        await editor.FillAsync("#Form_Problem", "В сельских районах подросткам не хватает взрослых примеров и профориентации.");
        await editor.FillAsync("#Form_TargetGroup", "Подростки 14–17 лет из сёл Алматинской области.");
        await editor.FillAsync("#Form_Objectives", "Подобрать 50 наставников и провести 200 встреч.");
        await editor.FillAsync("#Form_Activities_0__Name", "Встречи с наставниками");
        await editor.FillAsync("#Form_Activities_0__StartMonth", "1");
        await editor.FillAsync("#Form_Activities_0__EndMonth", "6");
        await editor.FillAsync("#Form_ExpectedResults", "200 подростков выбрали профиль обучения.");
        await editor.FillAsync("#Form_Indicators_0__Name", "Подростки с наставником");
        await editor.FillAsync("#Form_Indicators_0__Baseline", "0");
        await editor.FillAsync("#Form_Indicators_0__Target", "200");
        await editor.FillAsync("#Form_Sustainability", "Клуб выпускников продолжит работу после проекта.");
        await editor.FillAsync("#Form_Team", "Руководитель, два координатора, психолог.");
        await editor.FillAsync("#Form_Budget_0__Year", "1");
        await editor.SelectAsync("#Form_Budget_0__Category", "Staff");
        await editor.FillAsync("#Form_Budget_0__Description", "Координаторы наставников");
        await editor.FillAsync("#Form_Budget_0__Amount", "1500000");
        await editor.FillAsync("#Form_RequestedAmount", "1500000");

        var savedAt = PortalText.Format("Bid.SavedAt", "ru", BrowserTestData.KzClock(portal.Clock.GetUtcNow()));
        await Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync(savedAt);
        await Expect(page.Locator("[data-budget-total]")).ToContainTextAsync("1");

        // A second session: sign out, sign back in, and the draft is exactly as it was left.
        await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Nav.Logout"), Exact = true }).ClickAsync();
        await Pages.SignInAsync(page, BrowserTestData.ApplicantEmail, DemoDataSeeder.DemoPassword);
        await page.GotoAsync(editorUrl);
        await Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync(savedAt);
        await Expect(page.Locator("#Form_Title")).ToHaveValueAsync(BidTitle);
        await Expect(page.Locator("#Form_Team")).ToHaveValueAsync("Руководитель, два координатора, психолог.");
        await Expect(page.Locator("#Form_Activities_0__EndMonth")).ToHaveValueAsync("6");
        await Expect(page.Locator("#Form_Indicators_0__Target")).ToHaveValueAsync("200");
        await Expect(page.Locator("#Form_Budget_0__Amount")).ToHaveValueAsync("1500000");
        await Expect(page.Locator("#Form_RequestedAmount")).ToHaveValueAsync("1500000");

        // The two mandatory documents, through the progress-bar upload.
        await Pages.UploadDocumentsAsync(page, 2, async upload =>
            Assert.DoesNotContain("d-none", await upload.Locator("[data-progress]").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal));

        await Expect(page.GetByTestId("bid-ready")).ToHaveTextAsync(PortalText.Get("Bid.ReadyToSubmit"));
        await BrowserPortal.ScreenshotAsync(page, "bid-editor");

        // First submission: the receipt and its PDF.
        await page.GetByTestId("submit-bid").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Applicant/Bids/Receipt/[0-9a-f-]{36}$"));
        var firstReceiptUrl = page.Url;
        await Expect(page.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"^RCP-\d{4}-\d{4,}$"));
        var firstReceipt = await page.GetByTestId("receipt-number").TextContentAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("receipt-pdf").ClickAsync());
        var pdfPath = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        Assert.True(pdf.Length > 100, $"The receipt PDF has {pdf.Length} bytes.");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);

        // Back to the bid (the breadcrumb), a new title, a new version.
        await page.GetByRole(AriaRole.Navigation, new() { Name = PortalText.Get("Common.Breadcrumb") }).GetByRole(AriaRole.Link).Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(editorUrl);
        await Expect(page.GetByTestId("receipt-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("submit-bid")).ToHaveTextAsync(PortalText.Get("Bid.Resubmit"));
        await editor.FillAsync("#Form_Title", NewBidTitle);
        await page.GetByTestId("submit-bid").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Applicant/Bids/Receipt/[0-9a-f-]{36}$"));
        Assert.NotEqual(firstReceiptUrl, page.Url);
        var receipt = page.GetByTestId("receipt");
        await Expect(page.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"^RCP-\d{4}-\d{4,}$"));
        await Expect(page.GetByTestId("receipt-number")).Not.ToHaveTextAsync(firstReceipt!);
        await Expect(ReceiptBidTitle(page)).ToHaveTextAsync(NewBidTitle);
        await Expect(receipt.GetByText(PortalText.Get("Bid.LatestCounts"), new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync(firstReceiptUrl);
        await Expect(ReceiptBidTitle(page)).ToHaveTextAsync(BidTitle);
        await Expect(page.GetByTestId("receipt").GetByText(PortalText.Get("Bid.LatestCounts"), new() { Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync(editorUrl);
        await Expect(page.GetByTestId("receipt-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("submit-bid")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("read-only")).ToHaveCountAsync(0);

        // The deadline: the editor is read-only and cannot be submitted.
        portal.Clock.SetUtcNow(closesAt);
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(editorUrl);
        await Expect(page.GetByTestId("read-only")).ToHaveTextAsync(PortalText.Get("Bid.ReadOnly"));
        await Expect(page.GetByTestId("submit-bid")).ToHaveCountAsync(0);
        await Expect(page.Locator("#Form_Title")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-upload]")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("receipt-row")).ToHaveCountAsync(2);
        await BrowserPortal.ScreenshotAsync(page, "bid-editor-read-only");
    }

    /// <summary>
    /// Leaving fields faster than an autosave's round trip must lose nothing either. Fails today: bid-editor.js sends
    /// a second autosave while the first is in flight, with the revision the first is about to make stale; the 409
    /// blocks all further autosaves, and the first request's late 200 then overwrites the conflict notice with
    /// "Сохранено в HH:MM" (see the report of the e2e-tests branch).
    /// </summary>
    [Fact]
    public async Task Autosave_WhenFieldsAreLeftFasterThanASaveRoundTrip_KeepsEveryFieldAfterReload()
    {
        var callId = await OpenCallAsync(portal.Clock.GetUtcNow().AddHours(6));
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, BrowserTestData.ApplicantEmail, DemoDataSeeder.DemoPassword);
        await Expect(page).ToHaveURLAsync(portal.Url("/Applicant"));
        await Pages.RegisterOrganizationAsync(page, "061211600012", "Быстрые руки (kk)", "Быстрые руки");
        await Pages.StartBidAsync(page, callId, CallTitleRu, "Быстрые руки");
        portal.Clock.Advance(TimeSpan.FromMinutes(3));

        var values = new (string Selector, string Value)[]
        {
            ("#Form_Title", "Быстрый ввод"), ("#Form_Summary", "Кратко"), ("#Form_Problem", "Проблема"), ("#Form_TargetGroup", "Подростки"),
            ("#Form_Objectives", "Цели"), ("#Form_Activities_0__Name", "Встречи"), ("#Form_Activities_0__StartMonth", "1"),
            ("#Form_Activities_0__EndMonth", "6"), ("#Form_ExpectedResults", "Результаты"), ("#Form_Sustainability", "Устойчивость"),
            ("#Form_Team", "Команда"), ("#Form_RequestedAmount", "1500000"),
        };
        foreach (var (selector, value) in values)
        {
            await page.Locator(selector).FillAsync(value);
            await page.Locator(selector).PressAsync("Tab");
        }

        // However the saves interleave, the editor ends saying it saved, and it did.
        var status = page.Locator("[data-autosave-status]");
        await Expect(status).ToHaveTextAsync(PortalText.Format("Bid.SavedAt", "ru", BrowserTestData.KzClock(portal.Clock.GetUtcNow())));
        await page.WaitForTimeoutAsync(1000);
        await Expect(status).Not.ToHaveTextAsync(PortalText.Get("Rule.BidChangedByColleague"));
        await page.ReloadAsync();
        foreach (var (selector, value) in values)
        {
            await Expect(page.Locator(selector)).ToHaveValueAsync(value);
        }
    }

    [Fact]
    public async Task Upload_WhenTheFileCarriesMalware_IsRefusedBesideTheFileField_AndNothingIsAttached()
    {
        var callId = await OpenCallAsync(portal.Clock.GetUtcNow().AddHours(6));
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, BrowserTestData.ApplicantEmail, DemoDataSeeder.DemoPassword);
        await Expect(page).ToHaveURLAsync(portal.Url("/Applicant"));
        await Pages.RegisterOrganizationAsync(page, "940140000385", "Сақ қол (kk)", "Осторожные руки");
        await Pages.StartBidAsync(page, callId, CallTitleRu, "Осторожные руки");

        var slot = page.GetByTestId("document-slot").First;
        var upload = slot.Locator("[data-upload]");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "Устав.pdf", MimeType = "application/pdf", Buffer = [.. BrowserTestData.MinimalPdf, .. TestClamd.Eicar],
        });
        await upload.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Bid.Upload"), Exact = true }).ClickAsync();

        var refused = Regex.Escape(PortalText.Get("Upload.Malware")).Replace(@"\{0}", Regex.Escape(TestClamd.EicarSignature) + @"[^)]*", StringComparison.Ordinal);
        await Expect(upload.Locator("[data-upload-status]")).ToHaveTextAsync(new Regex("^" + refused + "$"));
        await Expect(upload.Locator("[data-upload-status]")).ToHaveClassAsync(new Regex(@"\btext-danger\b"));
        await BrowserPortal.ScreenshotAsync(page, "bid-editor-malware-refused");
        await page.ReloadAsync();
        await Expect(slot.GetByTestId("attached-file")).ToHaveCountAsync(0);

        // The same slot then takes a clean file.
        await Pages.UploadDocumentsAsync(page, 1);
    }

    private static ILocator ReceiptBidTitle(IPage page) =>
        page.GetByTestId("receipt").Locator($"xpath=.//dt[normalize-space()='{PortalText.Get("Bid.Field.Title")}']/following-sibling::dd[1]");

    /// <summary>A published call of the ministry, open since a minute ago, with the default documents and methodology.</summary>
    private async Task<Guid> OpenCallAsync(DateTimeOffset closesAt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin);
        var now = portal.Clock.GetUtcNow();
        var call = Call.CreateDraft("SG-2099-" + Random.Shared.Next(1000, 9999), body.Id, new CallContent(
            new LocalizedText("Ауыл жастарына тәлімгерлік", CallTitleRu), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(1), null, Instrument.StateGrant, 10_000_000m, 2_000_000m, 12, CallTerm.Short, [],
            now.AddMinutes(-1), closesAt, DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 30m, 50m), now);
        call.Publish(now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id.Value;
    }
}
