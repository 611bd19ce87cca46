using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.UnitTests.Evaluation;

public sealed class RankingTests
{
    private static readonly DateTimeOffset Morning = new(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public void Rank_OrdersByTotalDescending()
    {
        var ranked = Ranking.Rank([Entry(1, 70m), Entry(2, 85.5m), Entry(3, 85.49m)]);

        Assert.Equal([2, 3, 1], Ids(ranked));
    }

    [Fact]
    public void Rank_WhenTotalsTie_PutsTheHigherMeanOnTheFirstCriterionFirst()
    {
        var ranked = Ranking.Rank([Entry(1, 80m, [7.5m, 9m]), Entry(2, 80m, [8m, 6m])]);

        Assert.Equal([2, 1], Ids(ranked));
    }

    [Fact]
    public void Rank_WhenTheFirstCriterionAlsoTies_UsesTheSecondThenTheNext()
    {
        var ranked = Ranking.Rank([
            Entry(1, 80m, [8m, 6m, 9m]),
            Entry(2, 80m, [8m, 7m, 1m]),
            Entry(3, 80m, [8m, 6m, 9.5m]),
        ]);

        Assert.Equal([2, 3, 1], Ids(ranked));
    }

    [Fact]
    public void Rank_WhenTotalsAndMeansTie_PutsTheEarlierSubmissionFirst()
    {
        var ranked = Ranking.Rank([Entry(1, 80m, [8m], Morning.AddMinutes(1)), Entry(2, 80m, [8m], Morning)]);

        Assert.Equal([2, 1], Ids(ranked));
    }

    [Fact]
    public void Rank_ComparesReceptionInstantsAcrossOffsets()
    {
        // 09:00 at +05:00 is 04:00 UTC, earlier than 05:00 UTC although its clock reads later.
        var ranked = Ranking.Rank([Entry(1, 80m, [8m], new DateTimeOffset(2027, 3, 10, 5, 0, 0, TimeSpan.Zero)), Entry(2, 80m, [8m], Morning)]);

        Assert.Equal([2, 1], Ids(ranked));
    }

    [Fact]
    public void Rank_WhenEverythingTies_OrdersByBidId()
    {
        var ranked = Ranking.Rank([Entry(3, 80m), Entry(1, 80m), Entry(2, 80m)]);

        Assert.Equal([1, 2, 3], Ids(ranked));
    }

    [Fact]
    public void Rank_GivesDistinctRanksFromOneInOrder()
    {
        var ranked = Ranking.Rank(Enumerable.Range(1, 7).Select(n => Entry(n, n % 2 == 0 ? 80m : 70m)));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_WithShuffledInput_GivesTheSameRanking()
    {
        var random = new Random(11);
        var entries = Enumerable.Range(1, 40)
            .Select(n => Entry(n, random.Next(60, 63), [random.Next(7, 9), random.Next(7, 9)], Morning.AddMinutes(random.Next(3))))
            .ToList();
        var expected = Ids(Ranking.Rank(entries));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected, Ids(Ranking.Rank(entries.OrderBy(_ => random.Next()).ToList())));
        }
    }

    [Fact]
    public void Rank_WithNoEntries_IsEmpty()
    {
        Assert.Empty(Ranking.Rank([]));
    }

    private static int[] Ids(IReadOnlyList<RankedBid> ranked) => [.. ranked.Select(r => (int)r.Entry.BidId.Value.ToByteArray()[15])];

    private static RankingEntry Entry(int n, decimal total, decimal[]? means = null, DateTimeOffset? receivedAt = null) =>
        new(new BidId(new Guid($"00000000-0000-0000-0000-{n:X12}")), total, means ?? [8m, 8m], receivedAt ?? Morning);
}
