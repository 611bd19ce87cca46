using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// The evaluation of a closed call in the browser, by the people who do it: the official checks eligibility,
/// proposes and confirms three experts per bid; each expert declares no conflict and scores on the web form, one
/// declares a conflict and the bid is reassigned; a divergent bid is flagged and settled by an additional expert; the
/// ranking breaks a tie on the first criterion and shows its rule. The bids are put in the database as submitted before
/// the deadline (the applicant's side is <see cref="BidSubmissionTests"/>); the deadline is passed by moving the clock.
/// </summary>
public sealed class EvaluationBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string CallTitleRu = "Школьные медиацентры в сёлах";
    private const string ConflictStatement = "Я вхожу в попечительский совет этой организации с 2024 года.";

    // Points per criterion in the default methodology's order: REL ×25, PLAN ×20, BUDG ×20, CAP ×15, SUST ×10, IND ×10.
    private static readonly int[] StrongFirstCriterion = [8, 7, 7, 7, 7, 7];  // 72.50
    private static readonly int[] StrongLaterCriteria = [7, 7, 7, 8, 8, 7];   // 72.50 as well: a tie, decided by REL
    private static readonly int[] Generous = [10, 9, 9, 9, 9, 9];             // 92.50 (10 is the maximum: a long justification)
    private static readonly int[] Severe = [2, 2, 2, 2, 2, 2];                // 20.00: 72.5 points from the generous ones
    private static readonly int[] Additional = [8, 8, 8, 8, 8, 8];            // the mean of four sheets: 71.25

    [Fact]
    public async Task Evaluation_WhenExpertsScoreAfterAConflictAndADivergence_RanksEveryBidWithTheTieBreakRule()
    {
        var closesAt = portal.Clock.GetUtcNow().AddHours(1);
        // Received in this order: the "early" bid ties with the "late" one and loses the tie on the first criterion.
        var seeded = await BrowserTestData.SeedCallWithSubmittedBidsAsync(portal, CallTitleRu, closesAt, "Медиа без границ", "Голос села", "Юные журналисты");
        var (early, divergent, late) = (seeded.Bids[0], seeded.Bids[1], seeded.Bids[2]);
        portal.Clock.SetUtcNow(closesAt.AddMinutes(1));

        await using var officialContext = await portal.NewContextAsync();
        var desk = await officialContext.NewPageAsync();
        await Pages.SignInToAsync(desk, BrowserTestData.OfficialEmail, "/Organizer");
        var dashboard = new EvaluationDashboardPage(desk, seeded.CallId);

        // Eligibility on the call's page, then the evaluation.
        await desk.GotoAsync($"/Organizer/Calls/Details/{seeded.CallId}");
        foreach (var bid in seeded.Bids)
        {
            await dashboard.MarkEligibleAsync(bid.ReceiptNumber);
        }

        await desk.GetByTestId("evaluation-link").ClickAsync();
        await Expect(desk).ToHaveURLAsync(portal.Url($"/Organizer/Evaluation/Index/{seeded.CallId}"));
        await Expect(desk.GetByTestId("eligible-count")).ToHaveTextAsync("3");
        await Expect(desk.GetByTestId("evaluation-bid")).ToHaveCountAsync(3);

        // Three experts per bid, proposed, reviewed and confirmed.
        await dashboard.ProposeAsync(9);
        foreach (var bid in seeded.Bids)
        {
            Assert.Equal(3, (await dashboard.ExpertsAsync(bid.ReceiptNumber, "Proposed")).Count);
        }

        await BrowserPortal.ScreenshotAsync(desk, "evaluation-dashboard-proposed");
        await dashboard.ConfirmAsync(9);
        await using var experts = new ExpertDesks(portal);

        // The first expert of the late bid has a conflict with its organization: the bid is taken from them.
        var recused = (await dashboard.ExpertsAsync(late.ReceiptNumber, "Assigned"))[0];
        var recusedPage = await experts.SignedInAsync(recused);
        await recusedPage.GotoAsync("/Expert/Assignments");
        var conflicted = ExpertDesks.Card(recusedPage, late.ReceiptNumber);
        await conflicted.GetByTestId("conflict-toggle").ClickAsync();
        await conflicted.GetByLabel(PortalText.Get("Assignment.ConflictStatement"), new() { Exact = true }).FillAsync(ConflictStatement);
        await conflicted.GetByTestId("declare-conflict").ClickAsync();
        await Expect(recusedPage.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Assignment.ConflictDeclared"));
        await Expect(conflicted).ToHaveAttributeAsync("data-status", "Recused");
        await Expect(conflicted.GetByTestId("open-sheet")).ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(recusedPage, "expert-assignments");

        // The official sees the declaration and has the bid reassigned: proposed again, to someone else, and confirmed.
        await desk.ReloadAsync();
        var lateCard = dashboard.Bid(late.ReceiptNumber);
        await Expect(lateCard.GetByTestId("conflict-statement")).ToContainTextAsync(ConflictStatement);
        await Expect(lateCard.GetByTestId("bid-state")).ToHaveTextAsync(PortalText.Get("Evaluation.State.InProgress"));
        await dashboard.ProposeAsync(1);
        var replacement = Assert.Single(await dashboard.ExpertsAsync(late.ReceiptNumber, "Proposed"));
        Assert.NotEqual(recused, replacement);
        await dashboard.ConfirmAsync(1);

        // Every expert scores what they have: the two tied bids alike; the divergent one, two generously and one severely.
        var onDivergent = await dashboard.ExpertsAsync(divergent.ReceiptNumber, "Assigned");
        var severe = onDivergent[^1];
        var work = new List<(string Expert, string Receipt, int[] Points)>();
        foreach (var (bid, points) in new[] { (early, StrongLaterCriteria), (late, StrongFirstCriterion) })
        {
            work.AddRange((await dashboard.ExpertsAsync(bid.ReceiptNumber, "Assigned")).Select(e => (e, bid.ReceiptNumber, points)));
        }

        work.AddRange(onDivergent.Select(e => (e, divergent.ReceiptNumber, e == severe ? Severe : Generous)));
        Assert.Equal(9, work.Count);

        var first = work.First(w => w.Points == Generous);
        await ScoreWithABadInputFirstAsync(await experts.SignedInAsync(first.Expert), first.Receipt, first.Points);
        foreach (var (expert, receipt, points) in work.Where(w => w != first).OrderBy(w => w.Expert, StringComparer.Ordinal))
        {
            await ExpertDesks.AcceptAndScoreAsync(await experts.SignedInAsync(expert), receipt, points);
        }

        // All sheets are in: the divergent bid is flagged and kept out of the ranking.
        await desk.ReloadAsync();
        var divergentCard = dashboard.Bid(divergent.ReceiptNumber);
        await Expect(divergentCard.GetByTestId("bid-state")).ToHaveTextAsync(PortalText.Get("Evaluation.State.Divergent"));
        await Expect(divergentCard.GetByTestId("flag-divergent")).ToHaveTextAsync(PortalText.Get("Evaluation.Flag.Divergent"));
        await Expect(dashboard.Bid(early.ReceiptNumber).GetByTestId("bid-state")).ToHaveTextAsync(PortalText.Get("Evaluation.State.Scored"));
        await Expect(lateCard.GetByTestId("total")).ToHaveTextAsync(BrowserTestData.Points(72.5m));
        await BrowserPortal.ScreenshotAsync(desk, "evaluation-dashboard-divergent");
        await dashboard.OpenRankingAsync();
        await Expect(desk.GetByTestId("ranking-row")).ToHaveCountAsync(2);
        await Expect(desk.GetByTestId("unranked")).ToHaveTextAsync(PortalText.Format("Evaluation.Unranked", "ru", 1));

        // An additional expert, by hand, for the divergent bid; confirmed, accepted and scored.
        await desk.GetByRole(AriaRole.Link, new() { Name = PortalText.Get("Evaluation.Tab.Bids"), Exact = true }).ClickAsync();
        var choices = await dashboard.ExpertChoicesAsync(divergent.ReceiptNumber);
        Assert.Empty(choices.Intersect(onDivergent));
        var additional = choices.Order(StringComparer.Ordinal).First();
        await divergentCard.GetByLabel(PortalText.Get("Evaluation.AddAdditional"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = additional });
        await divergentCard.GetByTestId("assign").ClickAsync();
        await Expect(desk.GetByTestId("status-message")).ToHaveTextAsync(PortalText.Get("Evaluation.ExpertProposed"));
        await dashboard.ConfirmAsync(1);
        await ExpertDesks.AcceptAndScoreAsync(await experts.SignedInAsync(additional), divergent.ReceiptNumber, Additional);

        await desk.ReloadAsync();
        await Expect(divergentCard.GetByTestId("bid-state")).ToHaveTextAsync(PortalText.Get("Evaluation.State.Scored"));
        await Expect(divergentCard).ToContainTextAsync(PortalText.Get("Evaluation.Flag.ResolvedByExpert"));
        await Expect(divergentCard.Locator($"[data-testid=assignment][data-expert='{additional}']")).ToContainTextAsync(PortalText.Get("Evaluation.Additional"));
        await Expect(divergentCard.GetByTestId("total")).ToHaveTextAsync(BrowserTestData.Points(71.25m));

        // The ranking: the tie between the late and the early bid goes to the better first criterion, as the rule beside it says.
        await dashboard.OpenRankingAsync();
        await Expect(desk.GetByTestId("tie-break-rule")).ToHaveTextAsync(PortalText.Get("Evaluation.TieBreakRule"));
        var rows = desk.GetByTestId("ranking-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(desk.GetByTestId("unranked")).ToHaveCountAsync(0);
        Assert.Equal(new[] { late.ReceiptNumber, early.ReceiptNumber, divergent.ReceiptNumber }, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.receipt)"));
        await Expect(rows.GetByTestId("rank")).ToHaveTextAsync(new[] { "1", "2", "3" });
        await Expect(rows.GetByTestId("ranking-total")).ToHaveTextAsync(new[] { BrowserTestData.Points(72.5m), BrowserTestData.Points(72.5m), BrowserTestData.Points(71.25m) });
        await Expect(rows.Nth(2).GetByTestId("flag-divergent")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(desk, "evaluation-ranking");

        // The experts' statistics show the severe one well below the others.
        await desk.GetByTestId("tab-experts").ClickAsync();
        var severeRow = desk.GetByTestId("expert-row").Filter(new() { HasText = severe });
        await Expect(severeRow.Locator("td.text-danger")).ToHaveTextAsync(new Regex(@"^[−-]\d"));
        await BrowserPortal.ScreenshotAsync(desk, "evaluation-expert-statistics");
    }

    /// <summary>
    /// The first sheet: the expert fills every block, types a score above the maximum and saves the draft; the form
    /// comes back with the message beside that field and everything typed still there; corrected, it is submitted.
    /// </summary>
    private static async Task ScoreWithABadInputFirstAsync(IPage page, string receipt, int[] points)
    {
        await ExpertDesks.AcceptAsync(page, receipt);
        await Expect(page.GetByTestId("bid-content")).ToContainTextAsync(PortalText.Get("Bid.Field.Problem"));

        // On a wide screen the bid's text stays beside the sheet while the sheet scrolls to its end (a stylesheet class, not an inline style);
        // instant, because Bootstrap makes scrolling smooth.
        var reader = page.GetByTestId("bid-content");
        var topBefore = await reader.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        var scrolled = await page.EvaluateAsync<double>("() => { document.getElementById('sheet-h').closest('section').scrollIntoView({ block: 'end', behavior: 'instant' }); return window.scrollY; }");
        Assert.True(scrolled > topBefore, $"the sheet should be long enough to scroll the reader's place out of view ({scrolled} <= {topBefore})");
        var box = await reader.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; }");
        Assert.True(box[0] >= 0 && box[0] < box[2] && box[1] <= box[2], $"the bid's text should stay in view beside the sheet: top {box[0]}, bottom {box[1]}, viewport {box[2]}");
        await page.EvaluateAsync("() => window.scrollTo({ top: 0, behavior: 'instant' })");
        await ExpertDesks.FillSheetAsync(page, points);
        var firstPoints = page.GetByTestId("criterion-block").First.GetByTestId("points");
        await firstPoints.FillAsync("11");
        await BrowserPortal.ScreenshotAsync(page, "scoring-form");
        await page.GetByTestId("save-draft").ClickAsync();

        var error = page.Locator("#Form_Scores_0__Points-error");
        await Expect(error).ToHaveTextAsync(PortalText.Format("Sheet.PointsOutOfRange", "ru", 10));
        await Expect(firstPoints).ToHaveValueAsync("11");
        await Expect(firstPoints).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(firstPoints).ToHaveAttributeAsync("aria-describedby", "Form_Scores_0__Points-error");
        var blocks = page.GetByTestId("criterion-block");
        for (var i = 0; i < points.Length; i++)
        {
            await Expect(blocks.Nth(i).GetByTestId("justification")).ToHaveValueAsync(ExpertDesks.Justification(points[i]));
            if (i > 0)
            {
                await Expect(blocks.Nth(i).GetByTestId("points")).ToHaveValueAsync(points[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        await BrowserPortal.ScreenshotAsync(page, "scoring-form-error");
        await firstPoints.FillAsync(points[0].ToString(CultureInfo.InvariantCulture));
        await ExpertDesks.SubmitAsync(page);
    }
}
