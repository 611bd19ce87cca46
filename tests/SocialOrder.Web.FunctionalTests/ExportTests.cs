using System.Net;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>
/// An official's lists as files (issue 12, item 3): downloaded as CSV and XLSX, read back (CsvHelper, Open XML SDK), with
/// the headers in the page's language; the same refusals as the pages (another body, bids before the deadline).
/// </summary>
public sealed class ExportTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private async Task<WebPage> SignedInAsync(string email, string? culture = null)
    {
        var page = WebPage.Open(app);
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        if (culture is not null)
        {
            await page.ChooseLanguageAsync(culture);
        }

        return page;
    }

    [Fact]
    public async Task MyCalls_AsCsvInRussianAndXlsxInKazakh_HaveThePagesHeadersAndTheCall()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        var ru = await SignedInAsync("official@socialorder.kz");
        var kk = await SignedInAsync("official@socialorder.kz", "kk");

        var (_, html) = await ru.GetAsync("/Organizer/Calls");
        var csv = await ExportFiles.DownloadAsync(ru, "/Organizer/Exports/Calls?format=csv");
        var xlsx = await ExportFiles.DownloadAsync(kk, "/Organizer/Exports/Calls?format=xlsx");

        Assert.Contains("data-testid=\"export-calls-xlsx\"", html, StringComparison.Ordinal);
        Assert.Equal([Resources.Text("Call.Field.Reference"), Resources.Text("Call.Field.Title")], csv[0][..2]);
        Assert.Equal([Resources.Text("Call.Field.Reference", "kk"), Resources.Text("Call.Field.Title", "kk")], xlsx[0][..2]);
        Assert.Contains(csv, r => r[0] == seeded.Reference && r[1] == "Молодёжная политика: гранты на социальные проекты");
        Assert.Contains(xlsx, r => r[0] == seeded.Reference && r[1] == "Жастар саясаты: әлеуметтік жобалар гранты" && decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) == 10_000_000m);
        Assert.Equal(csv.Count, xlsx.Count);
    }

    [Fact]
    public async Task BidsAndRanking_AfterTheDeadline_HaveOneRowPerBidInThePagesLanguage()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 2, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ru = await SignedInAsync("official@socialorder.kz");
        var kk = await SignedInAsync("official@socialorder.kz", "kk");

        var (_, details) = await ru.GetAsync($"/Organizer/Calls/Details/{seeded.CallId}");
        var (_, evaluation) = await ru.GetAsync($"/Organizer/Evaluation/Index/{seeded.CallId}?tab=ranking");
        var bidsCsv = await ExportFiles.DownloadAsync(ru, $"/Organizer/Exports/Bids/{seeded.CallId}?format=csv");
        var bidsXlsx = await ExportFiles.DownloadAsync(kk, $"/Organizer/Exports/Bids/{seeded.CallId}?format=xlsx");
        var rankingCsv = await ExportFiles.DownloadAsync(kk, $"/Organizer/Exports/Ranking/{seeded.CallId}?format=csv");
        var rankingXlsx = await ExportFiles.DownloadAsync(ru, $"/Organizer/Exports/Ranking/{seeded.CallId}?format=xlsx");

        Assert.Contains("data-testid=\"export-bids-csv\"", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"export-ranking-csv\"", evaluation, StringComparison.Ordinal);
        Assert.Equal(Resources.Text("Bid.ReceiptNumber"), bidsCsv[0][0]);
        Assert.Equal(Resources.Text("Bid.ReceiptNumber", "kk"), bidsXlsx[0][0]);
        Assert.Equal([$"{seeded.Reference}-0001", $"{seeded.Reference}-0002"], bidsCsv.Skip(1).Select(r => r[0]).Order());
        Assert.Equal(bidsCsv.Skip(1).Select(r => r[0]), bidsXlsx.Skip(1).Select(r => r[0]));
        Assert.Equal(Resources.Text("Evaluation.Rank", "kk"), rankingCsv[0][0]);
        Assert.Equal(Resources.Text("Evaluation.Rank"), rankingXlsx[0][0]);
        Assert.Equal(["1", "2"], rankingXlsx.Skip(1).Select(r => r[0]));
        Assert.Equal(rankingCsv.Skip(1).Select(r => r[1]), rankingXlsx.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task AgreementsAndPayments_OfAnAwardedCall_ListItsAgreementsAndThePaidTranche()
    {
        var awarded = await AwardedScenario.AwardedWithPaymentAsync(app);
        var ru = await SignedInAsync("official@socialorder.kz");
        var kk = await SignedInAsync("official@socialorder.kz", "kk");
        var other = await SignedInAsync("official.almaty@socialorder.kz");

        var (_, portfolio) = await ru.GetAsync($"/Organizer/Agreements/Call/{awarded.CallId}");
        var agreements = await ExportFiles.DownloadAsync(ru, $"/Organizer/Exports/Agreements?callId={awarded.CallId}&format=csv");
        var agreementsKk = await ExportFiles.DownloadAsync(kk, $"/Organizer/Exports/Agreements?callId={awarded.CallId}&format=xlsx");
        var payments = await ExportFiles.DownloadAsync(kk, $"/Organizer/Exports/Payments?callId={awarded.CallId}&format=xlsx");
        var paymentsCsv = await ExportFiles.DownloadAsync(ru, $"/Organizer/Exports/Payments?callId={awarded.CallId}");
        var othersPayments = await ExportFiles.DownloadAsync(other, $"/Organizer/Exports/Payments?callId={awarded.CallId}&format=csv");
        var othersAgreements = await ExportFiles.DownloadAsync(other, $"/Organizer/Exports/Agreements?callId={awarded.CallId}&format=xlsx");

        Assert.Contains("data-testid=\"export-payments-xlsx\"", portfolio, StringComparison.Ordinal);
        Assert.Contains(callIdInLink(awarded.CallId), portfolio, StringComparison.Ordinal);
        Assert.Equal(Resources.Text("Agreement.Number"), agreements[0][0]);
        Assert.Equal(Resources.Text("Agreement.Number", "kk"), agreementsKk[0][0]);
        Assert.Equal(1 + awarded.BidIds.Count, agreements.Count);
        Assert.Equal(agreements.Skip(1).Select(r => r[0]), agreementsKk.Skip(1).Select(r => r[0]));
        Assert.Equal(Resources.Text("Agreement.PaymentOrder", "kk"), payments[0][^1]);
        Assert.Equal(Resources.Text("Agreement.PaymentOrder"), paymentsCsv[0][^1]);
        var paid = Assert.Single(payments.Skip(1));
        Assert.Equal(awarded.PaidAgreementNumber, paid[0]);
        Assert.Equal("ПП-1", paid[^1]);
        Assert.Equal(awarded.PaidAmount, decimal.Parse(paid[^2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(payments.Skip(1).Select(r => r[0]), paymentsCsv.Skip(1).Select(r => r[0]));

        // The call's public page, read anonymously, shows each funded project's implementation: the paid one in
        // implementation, the other still being concluded.
        var (publicStatus, publicPage) = await WebPage.Open(app).GetAsync($"/Calls/{awarded.CallId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, publicStatus);
        Assert.Contains("data-testid=\"implementation\"", publicPage, StringComparison.Ordinal);
        Assert.Equal(awarded.BidIds.Count, System.Text.RegularExpressions.Regex.Count(publicPage, "data-testid=\"implementation-project\""));
        Assert.Contains(Resources.Text("Implementation.Status.Accepted"), publicPage, StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Implementation.Status.Draft"), publicPage, StringComparison.Ordinal);

        // Another body's official sees its own (empty) lists, never this body's agreements.
        Assert.Single(othersPayments);
        Assert.Single(othersAgreements);

        static string callIdInLink(Guid id) => $"/Organizer/Exports/Payments?callId={id}";
    }

    [Fact]
    public async Task Exports_RefuseAnotherBodyBidsBeforeTheDeadlineUnknownFormatsAndOtherRoles()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        var open = await Scenarios.OpenCallAsync(app);
        var own = await SignedInAsync("official@socialorder.kz");
        var other = await SignedInAsync("official.almaty@socialorder.kz");
        var observer = await SignedInAsync("observer@socialorder.kz");
        var anonymous = WebPage.Open(app);

        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/Organizer/Exports/Bids/{open}?format=csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/Organizer/Exports/Bids/{seeded.CallId}?format=pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync("/Organizer/Exports/Calls?format=zip")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/Organizer/Exports/Bids/{Guid.NewGuid()}?format=csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Organizer/Exports/Bids/{seeded.CallId}?format=csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Organizer/Exports/Ranking/{seeded.CallId}?format=xlsx")).Status);
        var (_, openPage) = await own.GetAsync($"/Organizer/Calls/Details/{open}");
        Assert.DoesNotContain("export-bids", openPage, StringComparison.Ordinal);
        foreach (var url in new[] { "/Organizer/Exports/Calls?format=csv", $"/Organizer/Exports/Bids/{seeded.CallId}?format=csv", "/Organizer/Exports/Payments?format=xlsx" })
        {
            var (observerStatus, _) = await observer.GetAsync(url);
            Assert.True(observerStatus is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {observerStatus}");
            using var response = await anonymous.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}
