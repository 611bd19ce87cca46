using System.Globalization;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.UnitTests.Evaluation;

public sealed class ScoreAggregatorTests
{
    private static readonly LocalizedText Text = new("k", "r", "e");

    [Fact]
    public void Aggregate_WeighsEachCriterionByItsWeight()
    {
        Criterion[] criteria = [C("A", 10, 3m), C("B", 10, 1m)];

        var heavy = ScoreAggregator.Aggregate(criteria, 0m, 100m, [Sheet(1, ("A", 10), ("B", 0))]);
        var light = ScoreAggregator.Aggregate(criteria, 0m, 100m, [Sheet(1, ("A", 0), ("B", 10))]);

        Assert.Equal(75.00m, heavy.Total);
        Assert.Equal(25.00m, light.Total);
    }

    [Fact]
    public void Aggregate_NormalisesCriteriaWithDifferentMaximaTo100()
    {
        // 5/5 × 2 + 0/20 × 1 → 10 of Σ(max × weight) = 5×2 + 20×1 = 30 → 33.33.
        var aggregate = ScoreAggregator.Aggregate([C("A", 5, 2m), C("B", 20, 1m)], 0m, 100m, [Sheet(1, ("A", 5), ("B", 0))]);

        Assert.Equal(33.33m, aggregate.Total);
    }

    [Fact]
    public void Aggregate_WhenEverySheetGivesTheMaximum_Totals100()
    {
        var criteria = DefaultMethodology.Criteria;

        var aggregate = ScoreAggregator.Aggregate(criteria, 60m, 15m, [AllPoints(1, criteria, c => c.MaxPoints), AllPoints(2, criteria, c => c.MaxPoints)]);

        Assert.Equal(100.00m, aggregate.Total);
        Assert.All(aggregate.SheetTotals, s => Assert.Equal(100.00m, s.Total));
        Assert.Equal(0m, aggregate.Spread);
    }

    [Fact]
    public void Aggregate_WhenEverySheetGivesZero_TotalsZero()
    {
        var criteria = DefaultMethodology.Criteria;

        var aggregate = ScoreAggregator.Aggregate(criteria, 60m, 15m, [AllPoints(1, criteria, _ => 0), AllPoints(2, criteria, _ => 0)]);

        Assert.Equal(0.00m, aggregate.Total);
        Assert.True(aggregate.BelowOverallMinimum);
        Assert.True(aggregate.BelowCriterionMinimum);
    }

    [Fact]
    public void Aggregate_OnTheDefaultMethodology_MatchesAHandCalculation()
    {
        // 8×25 + 7×20 + 6×20 + 9×15 + 5×10 + 10×10 = 745 of 1000 → 74.50.
        var sheet = Sheet(1, ("REL", 8), ("PLAN", 7), ("BUDG", 6), ("CAP", 9), ("SUST", 5), ("IND", 10));

        var aggregate = ScoreAggregator.Aggregate(DefaultMethodology.Criteria, 60m, 15m, [sheet]);

        Assert.Equal(74.50m, aggregate.Total);
        Assert.True(aggregate.IsFundable);
    }

    [Fact]
    public void Aggregate_ReportsEachMeanRoundedToTwoDecimals()
    {
        var aggregate = ScoreAggregator.Aggregate([C("A", 10, 1m)], 0m, 100m, [Sheet(1, ("A", 7)), Sheet(2, ("A", 8)), Sheet(3, ("A", 8))]);

        Assert.Equal(7.67m, Assert.Single(aggregate.Means).Mean);
    }

    [Fact]
    public void Aggregate_RoundsTheTotalOnceFromTheExactMeans()
    {
        // Exact means 23/3 and 23/3: (46/3) × 100 / 20 = 76.666… → 76.67.
        // Rounding the means first would give (7.67 + 7.67) × 5 = 76.70.
        Criterion[] criteria = [C("A", 10, 1m), C("B", 10, 1m)];
        SheetScores[] sheets = [Sheet(1, ("A", 7), ("B", 7)), Sheet(2, ("A", 8), ("B", 8)), Sheet(3, ("A", 8), ("B", 8))];

        var aggregate = ScoreAggregator.Aggregate(criteria, 0m, 100m, sheets);

        Assert.Equal(76.67m, aggregate.Total);
        Assert.Equal([7.67m, 7.67m], aggregate.Means.Select(m => m.Mean));
    }

    [Fact]
    public void Aggregate_RoundsMidpointsAwayFromZero()
    {
        // Mean 0.5 of 16 points: 0.5 × 100 / 16 = 3.125 → 3.13 (banker's rounding would give 3.12).
        // The sheet totals are 0 and 6.25.
        var aggregate = ScoreAggregator.Aggregate([C("A", 16, 1m)], 0m, 100m, [Sheet(1, ("A", 0)), Sheet(2, ("A", 1))]);

        Assert.Equal(3.13m, aggregate.Total);
        Assert.Equal(0.50m, Assert.Single(aggregate.Means).Mean);
        Assert.Equal(6.25m, aggregate.Spread);
    }

    [Fact]
    public void Aggregate_GivesEachSheetItsTotalAndTheSpreadBetweenThem()
    {
        Criterion[] criteria = [C("A", 10, 3m), C("B", 10, 1m)];
        SheetScores[] sheets = [Sheet(1, ("A", 10), ("B", 0)), Sheet(2, ("A", 4), ("B", 8)), Sheet(3, ("A", 6), ("B", 6))];

        var aggregate = ScoreAggregator.Aggregate(criteria, 0m, 100m, sheets);

        Assert.Equal([new SheetTotal(G(1), 75.00m), new SheetTotal(G(2), 50.00m), new SheetTotal(G(3), 60.00m)], aggregate.SheetTotals);
        Assert.Equal(25.00m, aggregate.Spread);
    }

    [Theory]
    [InlineData("14.99", true)]
    [InlineData("15", true)]
    [InlineData("15.01", false)]
    public void Aggregate_IsDivergentFromASpreadEqualToTheThreshold(string threshold, bool divergent)
    {
        // Sheet totals 60 and 75: spread 15.
        Criterion[] criteria = [C("A", 20, 1m)];

        var aggregate = ScoreAggregator.Aggregate(criteria, 0m, D(threshold), [Sheet(1, ("A", 12)), Sheet(2, ("A", 15))]);

        Assert.Equal(15.00m, aggregate.Spread);
        Assert.Equal(divergent, aggregate.Divergent);
    }

    [Fact]
    public void Aggregate_WithOneSheet_HasNoSpreadAndIsNeverDivergent()
    {
        var aggregate = ScoreAggregator.Aggregate([C("A", 20, 1m)], 0m, 0m, [Sheet(1, ("A", 12))]);

        Assert.Equal(0m, aggregate.Spread);
        Assert.False(aggregate.Divergent);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, true)]
    [InlineData(new[] { 4, 4 }, false)]
    [InlineData(new[] { 3, 5 }, false)]
    public void Aggregate_FlagsACriterionWhoseMeanIsBelowItsMinimum(int[] points, bool below)
    {
        Criterion[] criteria = [C("A", 10, 1m, minPoints: 4), C("B", 10, 1m)];
        var sheets = points.Select((p, i) => Sheet(i + 1, ("A", p), ("B", 10))).ToList();

        var aggregate = ScoreAggregator.Aggregate(criteria, 0m, 100m, sheets);

        Assert.Equal(below, aggregate.Means[0].BelowMinimum);
        Assert.False(aggregate.Means[1].BelowMinimum);
        Assert.Equal(below, aggregate.BelowCriterionMinimum);
        Assert.Equal(!below, aggregate.IsFundable);
    }

    [Fact]
    public void Aggregate_JudgesTheMinimumOnTheExactMeanNotTheRoundedOne()
    {
        // 199 × 4 + 3 = 799 over 200 sheets: 3.995, shown as 4.00 but below a minimum of 4.
        Criterion[] criteria = [C("A", 10, 1m, minPoints: 4)];
        var sheets = Enumerable.Range(1, 200).Select(i => Sheet(i, ("A", i == 1 ? 3 : 4))).ToList();

        var aggregate = ScoreAggregator.Aggregate(criteria, 0m, 100m, sheets);

        var mean = Assert.Single(aggregate.Means);
        Assert.Equal(4.00m, mean.Mean);
        Assert.True(mean.BelowMinimum);
    }

    [Theory]
    [InlineData("59.99", false)]
    [InlineData("60.00", false)]
    [InlineData("60.01", true)]
    public void Aggregate_IsBelowTheOverallMinimumOnlyWhenTheTotalIsLower(string minimum, bool below)
    {
        var aggregate = ScoreAggregator.Aggregate([C("A", 10, 1m)], D(minimum), 100m, [Sheet(1, ("A", 6))]);

        Assert.Equal(60.00m, aggregate.Total);
        Assert.Equal(below, aggregate.BelowOverallMinimum);
        Assert.Equal(!below, aggregate.IsFundable);
    }

    [Fact]
    public void Aggregate_ListsMeansInTheMethodologysOrder()
    {
        var criteria = DefaultMethodology.Criteria;
        var sheet = new SheetScores(G(1), criteria.Reverse().ToDictionary(c => c.Code, c => 5));

        var aggregate = ScoreAggregator.Aggregate(criteria, 0m, 100m, [sheet]);

        Assert.Equal(criteria.Select(c => c.Code), aggregate.Means.Select(m => m.Code));
    }

    [Fact]
    public void Aggregate_WithoutSheets_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScoreAggregator.Aggregate(DefaultMethodology.Criteria, 60m, 15m, []));
    }

    [Fact]
    public void Aggregate_WhenASheetMissesACriterion_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScoreAggregator.Aggregate([C("A", 10, 1m), C("B", 10, 1m)], 0m, 15m, [Sheet(1, ("A", 5))]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Aggregate_WhenPointsAreOutOfRange_Throws(int points)
    {
        Assert.Throws<ArgumentException>(() => ScoreAggregator.Aggregate([C("A", 10, 1m)], 0m, 15m, [Sheet(1, ("A", points))]));
    }

    private static Criterion C(string code, int max, decimal weight, int? minPoints = null) => new(code, Text, Text, max, weight, minPoints);

    private static SheetScores Sheet(int expert, params (string Code, int Points)[] points) =>
        new(G(expert), points.ToDictionary(p => p.Code, p => p.Points));

    private static SheetScores AllPoints(int expert, IEnumerable<Criterion> criteria, Func<Criterion, int> points) =>
        new(G(expert), criteria.ToDictionary(c => c.Code, points));

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
