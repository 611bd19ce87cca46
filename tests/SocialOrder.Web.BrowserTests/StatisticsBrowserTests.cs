using System.Globalization;
using Microsoft.Playwright;
using SocialOrder.Testing;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>The public statistics in a real browser: Chart.js (served by the portal) draws every chart from the page's data, and each chart's numbers are the table's.</summary>
public sealed class StatisticsBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task StatisticsPage_DrawsEveryChart_WithTheNumbersOfTheTableBesideIt()
    {
        var known = await StatisticsScenario.KnownAwardedCallAsync(portal);
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync("/?culture=kk");
        await page.GetByTestId("nav-statistics").ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.Url("/Statistics"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalText.Get("Statistics.Title", "kk"));
        await page.GotoAsync($"/Statistics?body={known.StateBodyId}");

        foreach (var chart in new[] { "years", "regions", "areas" })
        {
            var canvas = page.Locator($"canvas#chart-{chart}");
            await Expect(canvas).ToBeVisibleAsync();
            var drawn = await page.EvaluateAsync<bool>("id => !!window.Chart && !!window.Chart.getChart(document.getElementById(id))", $"chart-{chart}");
            Assert.True(drawn, $"no Chart instance on chart-{chart}");
            var width = await page.EvaluateAsync<int>("id => document.getElementById(id).width", $"chart-{chart}");
            Assert.True(width > 0, $"chart-{chart} has no size");

            // The chart's last data set is the money awarded; the table's money cells carry the same numbers.
            var plotted = await page.EvaluateAsync<decimal[]>(
                "id => { const c = window.Chart.getChart(document.getElementById(id)); return c.data.datasets[c.data.datasets.length - 1].data.map(Number); }", $"chart-{chart}");
            var tabled = await page.EvaluateAsync<string[]>(
                "key => [...document.querySelectorAll(`[data-testid=table-${key}] tbody tr`)].map(r => { const cells = r.querySelectorAll('td[data-value]'); return cells[cells.length - 1].dataset.value; })", chart);
            Assert.Equal(tabled.Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)), plotted);
            var labels = await page.EvaluateAsync<string[]>("id => window.Chart.getChart(document.getElementById(id)).data.labels", $"chart-{chart}");
            var rowHeads = await page.Locator($"[data-testid=table-{chart}] tbody th").AllInnerTextsAsync();
            Assert.Equal(rowHeads.Select(t => t.Trim()), labels);
        }

        var regions = await page.EvaluateAsync<decimal[]>("() => window.Chart.getChart(document.getElementById('chart-regions')).data.datasets[0].data.map(Number)");
        Assert.Equal(Enumerable.Range(1, 11).Reverse().Select(i => i * 100_000m), regions);
        Assert.Empty(errors);
        await BrowserPortal.ScreenshotAsync(page, "statistics-kk");
    }
}
