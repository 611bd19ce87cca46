using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Evaluation;

/// <summary>A criterion on which a bid's mean stayed under the methodology's minimum.</summary>
public sealed record CriterionShortfall(string Code, LocalizedText Name, int Minimum, decimal Mean);

/// <summary>A bid's total under the call's minimum total (the pass mark).</summary>
public sealed record TotalShortfall(decimal PassMark, decimal Total);

/// <summary>
/// Why a bid's scores make it unfundable: every criterion below its minimum, in the methodology's order, and the total
/// when it is below the pass mark too. Read from the aggregate's own flags, so it says exactly what the ranking decided.
/// </summary>
public sealed record FundingShortfall(IReadOnlyList<CriterionShortfall> Criteria, TotalShortfall? Total)
{
    /// <summary>The shortfall of <paramref name="aggregate"/> under <paramref name="criteria"/>; null when the bid is fundable.</summary>
    public static FundingShortfall? Of(BidAggregate aggregate, IReadOnlyList<Criterion> criteria, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(criteria);
        if (aggregate.IsFundable)
        {
            return null;
        }

        var below = aggregate.Means
            .Where(m => m.BelowMinimum)
            .Select(m => (Mean: m, Criterion: criteria.FirstOrDefault(c => c.Code == m.Code)))
            .Where(x => x.Criterion?.MinPoints is not null)
            .Select(x => new CriterionShortfall(x.Mean.Code, x.Criterion!.Name, x.Criterion.MinPoints!.Value, x.Mean.Mean))
            .ToList();
        return new FundingShortfall(below, aggregate.BelowOverallMinimum ? new TotalShortfall(passMark, aggregate.Total) : null);
    }
}
