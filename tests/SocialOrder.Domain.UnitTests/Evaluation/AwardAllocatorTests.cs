using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.UnitTests.Evaluation;

public sealed class AwardAllocatorTests
{
    [Fact]
    public void Propose_WhenRequestsAddUpToTheBudget_AwardsAllAndLeavesNothing()
    {
        var proposal = AwardAllocator.Propose(300m, [], [Candidate(1, 100m), Candidate(2, 150m), Candidate(3, 50m)]);

        Assert.All(proposal.Lines, l => Assert.Equal(AwardOutcome.Awarded, l.Outcome));
        Assert.Equal([100m, 150m, 50m], proposal.Lines.Select(l => l.Amount));
        Assert.Equal(300m, proposal.Total);
        Assert.Equal(0m, proposal.Remaining);
    }

    [Fact]
    public void Propose_AtTheFirstBidThatDoesNotFit_StopsFundingWithoutSkippingAhead()
    {
        // Bid 3 (50) would fit the 150 left, but bid 2 ranks higher and does not: funding stops at bid 2.
        var proposal = AwardAllocator.Propose(250m, [], [Candidate(1, 100m), Candidate(2, 200m), Candidate(3, 50m)]);

        Assert.Equal([AwardOutcome.Awarded, AwardOutcome.Reserve, AwardOutcome.Reserve], Outcomes(proposal));
        Assert.Equal([100m, 0m, 0m], proposal.Lines.Select(l => l.Amount));
        Assert.Equal(100m, proposal.Total);
        Assert.Equal(150m, proposal.Remaining);
    }

    [Fact]
    public void Propose_WhenAYearRunsOut_StopsFundingEvenThoughTheTotalFits()
    {
        // Year 1 has 100: bid 1 takes 80 of it; bid 2 needs 40 in year 1 although its 100 fits the 200 left overall.
        YearlyBudget[] years = [new(1, 100m), new(2, 200m)];
        AllocationCandidate[] candidates = [Candidate(1, 100m, (1, 80m), (2, 20m)), Candidate(2, 100m, (1, 40m), (2, 60m)), Candidate(3, 10m, (1, 5m), (2, 5m))];

        var proposal = AwardAllocator.Propose(300m, years, candidates);

        Assert.Equal([AwardOutcome.Awarded, AwardOutcome.Reserve, AwardOutcome.Reserve], Outcomes(proposal));
        Assert.Equal(100m, proposal.Total);
        Assert.Equal(200m, proposal.Remaining);
    }

    [Fact]
    public void Propose_WhenEachYearFits_AwardsAndDrawsDownEveryYear()
    {
        YearlyBudget[] years = [new(1, 100m), new(2, 100m), new(3, 100m)];
        AllocationCandidate[] candidates =
        [
            Candidate(1, 150m, (1, 50m), (2, 50m), (3, 50m)),
            Candidate(2, 150m, (1, 50m), (2, 50m), (3, 50m)),
            Candidate(3, 1m, (3, 1m)),
        ];

        var proposal = AwardAllocator.Propose(301m, years, candidates);

        Assert.Equal([AwardOutcome.Awarded, AwardOutcome.Awarded, AwardOutcome.Reserve], Outcomes(proposal));
        Assert.Equal(300m, proposal.Total);
    }

    [Fact]
    public void Propose_WhenABidAsksForAYearTheCallHasNoBudgetFor_DoesNotFundIt()
    {
        var proposal = AwardAllocator.Propose(1000m, [new(1, 500m), new(2, 500m)], [Candidate(1, 30m, (1, 10m), (3, 20m))]);

        Assert.Equal(AwardOutcome.Reserve, Assert.Single(proposal.Lines).Outcome);
    }

    [Fact]
    public void Propose_WithoutYearlyBudgets_IgnoresTheRequestedPerYear()
    {
        var proposal = AwardAllocator.Propose(100m, [], [Candidate(1, 100m, (1, 60m), (2, 40m))]);

        Assert.Equal(AwardOutcome.Awarded, Assert.Single(proposal.Lines).Outcome);
    }

    [Fact]
    public void Propose_NeverAwardsAnUnfundableBidNorPutsItInReserve()
    {
        AllocationCandidate[] candidates =
        [
            Candidate(1, 10m, fundable: false),
            Candidate(2, 100m),
            Candidate(3, 500m),
            Candidate(4, 10m, fundable: false),
            Candidate(5, 10m),
        ];

        var proposal = AwardAllocator.Propose(200m, [], candidates, reserveSize: 5);

        Assert.Equal(
            [AwardOutcome.NotAwarded, AwardOutcome.Awarded, AwardOutcome.Reserve, AwardOutcome.NotAwarded, AwardOutcome.Reserve],
            Outcomes(proposal));
        Assert.Equal(100m, proposal.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Propose_PutsAtMostReserveSizeBidsInReserve(int reserveSize)
    {
        var candidates = Enumerable.Range(1, 6).Select(n => Candidate(n, 100m)).ToList();

        var proposal = AwardAllocator.Propose(150m, [], candidates, reserveSize);

        Assert.Equal(AwardOutcome.Awarded, proposal.Lines[0].Outcome);
        Assert.Equal(reserveSize, proposal.Lines.Count(l => l.Outcome == AwardOutcome.Reserve));
        Assert.All(proposal.Lines.Skip(1).Take(reserveSize), l => Assert.Equal(AwardOutcome.Reserve, l.Outcome));
        Assert.All(proposal.Lines.Skip(1 + reserveSize), l => Assert.Equal(AwardOutcome.NotAwarded, l.Outcome));
    }

    [Fact]
    public void Propose_ByDefault_KeepsThreeInReserve()
    {
        var candidates = Enumerable.Range(1, 6).Select(n => Candidate(n, 100m)).ToList();

        var proposal = AwardAllocator.Propose(50m, [], candidates);

        Assert.Equal(3, proposal.Lines.Count(l => l.Outcome == AwardOutcome.Reserve));
    }

    [Fact]
    public void Propose_ListsLinesInRankOrderWhateverTheInputOrder()
    {
        var proposal = AwardAllocator.Propose(1000m, [], [Candidate(3, 10m), Candidate(1, 30m), Candidate(2, 20m)]);

        Assert.Equal([1, 2, 3], proposal.Lines.Select(l => l.Rank));
        Assert.Equal([30m, 20m, 10m], proposal.Lines.Select(l => l.Requested));
    }

    [Fact]
    public void Propose_WithANegativeBudget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AwardAllocator.Propose(-1m, [], [Candidate(1, 10m)]));
    }

    [Fact]
    public void Propose_OnRandomRankings_NeverExceedsAnyBudgetAndRespectsRankOrder()
    {
        var random = new Random(31337);
        for (var i = 0; i < 500; i++)
        {
            var years = random.Next(2) == 0 ? [] : Enumerable.Range(1, random.Next(1, 4)).Select(y => new YearlyBudget(y, random.Next(0, 400))).ToList();
            var budget = random.Next(0, 1000) + (random.Next(100) / 100m);
            var reserveSize = random.Next(0, 4);
            var candidates = Enumerable.Range(1, random.Next(0, 12)).Select(rank =>
            {
                var perYear = Enumerable.Range(1, Math.Max(1, years.Count)).ToDictionary(y => y, _ => (decimal)random.Next(0, 150));
                return new AllocationCandidate(new BidId(new Guid($"00000000-0000-0000-0000-{rank:D12}")), rank, perYear.Values.Sum(), random.Next(4) > 0, perYear);
            }).OrderBy(_ => random.Next()).ToList();

            var proposal = AwardAllocator.Propose(budget, years, candidates, reserveSize);

            Assert.Equal(candidates.Count, proposal.Lines.Count);
            Assert.Equal(proposal.Lines.OrderBy(l => l.Rank), proposal.Lines);
            Assert.Equal(proposal.Lines.Sum(l => l.Amount), proposal.Total);
            Assert.True(proposal.Total <= budget);
            Assert.Equal(budget - proposal.Total, proposal.Remaining);
            var byBid = candidates.ToDictionary(c => c.BidId);
            foreach (var year in years)
            {
                var spent = proposal.Lines.Where(l => l.Outcome == AwardOutcome.Awarded).Sum(l => byBid[l.BidId].RequestedPerYear.GetValueOrDefault(year.Year));
                Assert.True(spent <= year.Amount);
            }

            Assert.All(proposal.Lines, l => Assert.Equal(l.Outcome == AwardOutcome.Awarded ? l.Requested : 0m, l.Amount));
            Assert.All(proposal.Lines.Where(l => !byBid[l.BidId].Fundable), l => Assert.Equal(AwardOutcome.NotAwarded, l.Outcome));
            Assert.True(proposal.Lines.Count(l => l.Outcome == AwardOutcome.Reserve) <= reserveSize);

            // Funding is a prefix of the fundable bids: nothing is awarded after the first fundable bid left out.
            var fundable = proposal.Lines.Where(l => byBid[l.BidId].Fundable).ToList();
            var firstLeftOut = fundable.FindIndex(l => l.Outcome != AwardOutcome.Awarded);
            if (firstLeftOut >= 0)
            {
                Assert.DoesNotContain(fundable.Skip(firstLeftOut), l => l.Outcome == AwardOutcome.Awarded);
                Assert.Equal(Math.Min(reserveSize, fundable.Count - firstLeftOut), proposal.Lines.Count(l => l.Outcome == AwardOutcome.Reserve));
            }
        }
    }

    private static AwardOutcome[] Outcomes(AllocationProposal proposal) => [.. proposal.Lines.Select(l => l.Outcome)];

    private static AllocationCandidate Candidate(int rank, decimal requested, params (int Year, decimal Amount)[] perYear) =>
        Candidate(rank, requested, fundable: true, perYear);

    private static AllocationCandidate Candidate(int rank, decimal requested, bool fundable, params (int Year, decimal Amount)[] perYear) =>
        new(new BidId(new Guid($"00000000-0000-0000-0000-{rank:D12}")), rank, requested, fundable, perYear.ToDictionary(p => p.Year, p => p.Amount));
}
