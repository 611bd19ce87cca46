using System.Globalization;
using System.Net;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>The public statistics page and its CSV files (issue 12, item 2): no sign-in, headers in the page's language.</summary>
public sealed class StatisticsPageTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Page_WithoutSignIn_ShowsTheKnownNumbersChartsTablesAndCsvLinks()
    {
        var known = await StatisticsScenario.KnownAwardedCallAsync(app);
        var page = WebPage.Open(app);

        var (status, html) = await page.GetAsync($"/Statistics?body={known.StateBodyId}");
        var (_, home) = await page.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"nav-statistics\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Statistics\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stat-awarded\" data-value=\"6600000", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stat-success-rate\" data-value=\"0.9167\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stat-top-ten\" data-value=\"0.9848\"", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "years", "regions", "areas" })
        {
            Assert.Contains($"<canvas id=\"chart-{chart}\" data-chart=\"{chart}\" role=\"img\"", html, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"table-{chart}\"", html, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"csv-{chart}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<script type=\"application/json\" id=\"statistics-data\">", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", html, StringComparison.Ordinal);
        Assert.Contains("/js/statistics.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_OfRegionsYearsAndSummary_InRussianAndKazakh_HoldTheTablesNumbers()
    {
        var known = await StatisticsScenario.KnownAwardedCallAsync(app);
        var ru = WebPage.Open(app);
        var kk = WebPage.Open(app);
        await kk.ChooseLanguageAsync("kk");

        var regions = await ExportFiles.DownloadAsync(ru, $"/Statistics/Csv?table=regions&body={known.StateBodyId}");
        var regionsKk = await ExportFiles.DownloadAsync(kk, $"/Statistics/Csv?table=regions&body={known.StateBodyId}");
        var years = await ExportFiles.DownloadAsync(ru, $"/Statistics/Csv?table=years&body={known.StateBodyId}");
        var summary = await ExportFiles.DownloadAsync(kk, $"/Statistics/Csv?table=summary&body={known.StateBodyId}");
        var areas = await ExportFiles.DownloadAsync(ru, $"/Statistics/Csv?table=areas&body={known.StateBodyId}");

        Assert.Equal([Resources.Text("Statistics.Region"), Resources.Text("Statistics.Awarded"), Resources.Text("Statistics.FundedBids")], regions[0]);
        Assert.Equal([Resources.Text("Statistics.Region", "kk"), Resources.Text("Statistics.Awarded", "kk"), Resources.Text("Statistics.FundedBids", "kk")], regionsKk[0]);
        Assert.Equal(12, regions.Count);
        Assert.Equal(Enumerable.Range(1, 11).Reverse().Select(i => i * 100_000m), regions.Skip(1).Select(r => Money(r[1])));
        Assert.Equal(regions.Skip(1).Select(r => r[1]), regionsKk.Skip(1).Select(r => r[1]));
        Assert.Equal([known.Year.ToString(CultureInfo.InvariantCulture), "1"], years[1][..2]);
        Assert.Equal(6_600_000m, Money(years[1][3]));
        Assert.Equal(Resources.Text("Statistics.Indicator", "kk"), summary[0][0]);
        Assert.Equal("0.9167", summary.Single(r => r[0] == Resources.Text("Statistics.SuccessRate", "kk"))[1]);
        Assert.Equal("0.9848", summary.Single(r => r[0] == Resources.Text("Statistics.TopTenShare", "kk"))[1]);
        Assert.Equal(6_600_000m, Money(Assert.Single(areas.Skip(1))[1]));
    }

    [Fact]
    public async Task Csv_OfAnUnknownTable_Is404_AndMalformedFiltersAreIgnored()
    {
        var page = WebPage.Open(app);

        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/Statistics/Csv?table=users")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/Statistics/Csv")).Status);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Statistics?from=abc&to=99999&body=xyz&region=-1&area=1e9&instrument=Nothing")).Status);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Statistics/Csv?table=years&from=-5&to=3000&instrument=7")).Status);
    }

    private static decimal Money(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
