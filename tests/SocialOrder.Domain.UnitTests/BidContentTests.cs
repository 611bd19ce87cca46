using SocialOrder.Domain.Bids;

namespace SocialOrder.Domain.UnitTests;

public sealed class BidContentTests
{
    private static BidContent Content(decimal requested, decimal coFinancing, params (int Year, decimal Amount)[] lines) =>
        BidContent.Empty with
        {
            RequestedAmount = requested,
            CoFinancing = coFinancing,
            Budget = [.. lines.Select(l => new BudgetLine(l.Year, BudgetCategory.Services, "Услуги", l.Amount))],
        };

    [Fact]
    public void RequestedPerYear_WithoutCoFinancing_IsEachYearsLines()
    {
        var perYear = Content(3_000_000m, 0m, (1, 1_000_000m), (2, 1_500_000m), (2, 500_000m)).RequestedPerYear();

        Assert.Equal(1_000_000m, perYear[1]);
        Assert.Equal(2_000_000m, perYear[2]);
    }

    [Fact]
    public void RequestedPerYear_WithCoFinancing_CountsOnlyTheStatesShare_AgainstTheYears()
    {
        // 4 000 000 of lines: 3 000 000 asked of the state, 1 000 000 co-financed by the organization.
        var perYear = Content(3_000_000m, 1_000_000m, (1, 2_000_000m), (2, 2_000_000m)).RequestedPerYear();

        Assert.Equal(1_500_000m, perYear[1]);
        Assert.Equal(1_500_000m, perYear[2]);
        Assert.Equal(3_000_000m, perYear.Values.Sum());
    }

    [Fact]
    public void RequestedPerYear_WithUnevenShares_AddsUpToTheRequestedAmountExactly()
    {
        var perYear = Content(1_000_000m, 1m, (1, 333_334m), (2, 333_334m), (3, 333_333m)).RequestedPerYear();

        Assert.Equal(1_000_000m, perYear.Values.Sum());
        Assert.All(perYear.Values, v => Assert.Equal(v, Math.Round(v, 2)));
    }

    [Fact]
    public void RequestedPerYear_WithoutBudgetLines_IsEmpty()
    {
        Assert.Empty(Content(1_000_000m, 0m).RequestedPerYear());
    }
}
