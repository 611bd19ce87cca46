using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Domain.Evaluation;

/// <summary>What the proposal does with a ranked bid.</summary>
public enum AwardOutcome
{
    Awarded,
    Reserve,
    NotAwarded,
}

/// <summary>
/// A ranked bid; Fundable = above every threshold (not below a criterion minimum nor the overall minimum).
/// RequestedPerYear: project year (1..n) → amount (only for long-term calls; empty otherwise).
/// </summary>
public sealed record AllocationCandidate(BidId BidId, int Rank, decimal Requested, bool Fundable, IReadOnlyDictionary<int, decimal> RequestedPerYear);

/// <summary>One line of the proposal; Amount is 0 unless the bid is awarded.</summary>
public sealed record AllocationLine(BidId BidId, int Rank, decimal Requested, decimal Amount, AwardOutcome Outcome);

/// <summary>The proposal's lines in rank order; Total = Σ Amount ≤ budget; Remaining = budget − Total.</summary>
public sealed record AllocationProposal(IReadOnlyList<AllocationLine> Lines, decimal Total, decimal Remaining);

/// <summary>
/// Proposes awards in rank order. Fundable candidates are funded at their Requested amount while it fits the remaining budget and,
/// when the call has yearly budgets, while each project year's requested amount fits that year's remaining budget (a year without a
/// yearly budget has none). At the first fundable candidate that does not fit, funding stops: rank order is respected, no smaller bid
/// further down is funded instead. That candidate and the fundable ones after it become Reserve, up to reserveSize. Everyone else
/// (unfundable, or beyond the reserve) is NotAwarded. Reserve and NotAwarded lines have Amount 0.
/// </summary>
public static class AwardAllocator
{
    /// <summary>Proposes awards for <paramref name="candidates"/> within <paramref name="budget"/> and <paramref name="yearlyBudgets"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative budget, requested amount or reserve size.</exception>
    public static AllocationProposal Propose(decimal budget, IReadOnlyList<YearlyBudget> yearlyBudgets, IReadOnlyList<AllocationCandidate> candidates, int reserveSize = 3)
    {
        ArgumentNullException.ThrowIfNull(yearlyBudgets);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(reserveSize);
        if (candidates.Any(c => c.Requested < 0 || c.RequestedPerYear.Values.Any(a => a < 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(candidates), "A requested amount cannot be negative.");
        }

        var yearRemaining = new Dictionary<int, decimal>();
        foreach (var year in yearlyBudgets)
        {
            yearRemaining[year.Year] = yearRemaining.GetValueOrDefault(year.Year) + year.Amount;
        }

        var remaining = budget;
        var funding = true;
        var reserved = 0;
        var lines = new List<AllocationLine>(candidates.Count);
        foreach (var candidate in candidates.OrderBy(c => c.Rank).ThenBy(c => c.BidId.Value))
        {
            var outcome = AwardOutcome.NotAwarded;
            if (candidate.Fundable)
            {
                if (funding && Fits(candidate, remaining, yearlyBudgets.Count > 0 ? yearRemaining : null))
                {
                    outcome = AwardOutcome.Awarded;
                    remaining -= candidate.Requested;
                    if (yearlyBudgets.Count > 0)
                    {
                        foreach (var (year, amount) in candidate.RequestedPerYear)
                        {
                            yearRemaining[year] = yearRemaining.GetValueOrDefault(year) - amount;
                        }
                    }
                }
                else
                {
                    funding = false;
                    if (reserved < reserveSize)
                    {
                        outcome = AwardOutcome.Reserve;
                        reserved++;
                    }
                }
            }

            var amountAwarded = outcome == AwardOutcome.Awarded ? candidate.Requested : 0m;
            lines.Add(new AllocationLine(candidate.BidId, candidate.Rank, candidate.Requested, amountAwarded, outcome));
        }

        var total = lines.Sum(l => l.Amount);
        return new AllocationProposal(lines, total, budget - total);
    }

    private static bool Fits(AllocationCandidate candidate, decimal remaining, Dictionary<int, decimal>? yearRemaining)
    {
        if (candidate.Requested > remaining)
        {
            return false;
        }

        return yearRemaining is null
            || candidate.RequestedPerYear.All(y => y.Value <= 0 || (yearRemaining.TryGetValue(y.Key, out var left) && y.Value <= left));
    }
}
