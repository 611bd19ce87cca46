using SocialOrder.Domain.Calls;

namespace SocialOrder.Domain.Evaluation;

/// <summary>One submitted sheet: points per criterion code.</summary>
public sealed record SheetScores(Guid ExpertId, IReadOnlyDictionary<string, int> Points);

/// <summary>A criterion's mean over the sheets, rounded to two decimals; BelowMinimum when the exact mean is under the criterion's MinPoints.</summary>
public sealed record CriterionMean(string Code, decimal Mean, bool BelowMinimum);

/// <summary>One sheet's total on the 0–100 scale, rounded to two decimals.</summary>
public sealed record SheetTotal(Guid ExpertId, decimal Total);

/// <summary>A bid's scores over all its submitted sheets; see <see cref="ScoreAggregator"/> for the arithmetic.</summary>
public sealed record BidAggregate(IReadOnlyList<CriterionMean> Means, decimal Total, IReadOnlyList<SheetTotal> SheetTotals, decimal Spread, bool Divergent, bool BelowCriterionMinimum, bool BelowOverallMinimum)
{
    /// <summary>Neither below a criterion's minimum nor below the call's minimum total.</summary>
    public bool IsFundable => !BelowCriterionMinimum && !BelowOverallMinimum;
}

/// <summary>
/// Combines the submitted sheets of one bid. Decimal arithmetic only, never double.
/// <list type="bullet">
/// <item>Mean of a criterion: the arithmetic mean of the sheets' points, reported rounded to 2 decimals (MidpointRounding.AwayFromZero).</item>
/// <item>Total: Σ(exact mean_i × weight_i) × 100 / Σ(max_i × weight_i), rounded once, at the end, to 2 decimals (AwayFromZero);
/// the rounded means are never used for it. All maximum points give 100.00, all zeros give 0.00.</item>
/// <item>A sheet's total: the same formula with that sheet's points in place of the means.</item>
/// <item>Spread: the highest sheet total minus the lowest (0 for one sheet); Divergent when there are at least two sheets and Spread ≥ the threshold.</item>
/// <item>A criterion with MinPoints is BelowMinimum when its exact mean &lt; MinPoints; BelowOverallMinimum when Total &lt; the minimum total.</item>
/// </list>
/// Means come in the methodology's order. Points for codes the methodology does not list are ignored.
/// </summary>
public static class ScoreAggregator
{
    private const int Decimals = 2;

    /// <summary>Aggregates <paramref name="sheets"/> under the methodology <paramref name="criteria"/>.</summary>
    /// <exception cref="ArgumentException">No sheets; no criteria or a zero maximum; a sheet misses a criterion or scores outside 0..MaxPoints.</exception>
    public static BidAggregate Aggregate(IReadOnlyList<Criterion> criteria, decimal minimumTotal, decimal divergenceThreshold, IReadOnlyList<SheetScores> sheets)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A bid needs at least one submitted sheet to be aggregated.", nameof(sheets));
        }

        var maxWeighted = criteria.Sum(c => c.MaxPoints * c.Weight);
        if (criteria.Count == 0 || maxWeighted <= 0)
        {
            throw new ArgumentException("The methodology needs criteria with a positive weighted maximum.", nameof(criteria));
        }

        foreach (var sheet in sheets)
        {
            foreach (var criterion in criteria)
            {
                if (!sheet.Points.TryGetValue(criterion.Code, out var points))
                {
                    throw new ArgumentException($"The sheet of expert {sheet.ExpertId} has no points for criterion {criterion.Code}.", nameof(sheets));
                }

                if (points < 0 || points > criterion.MaxPoints)
                {
                    throw new ArgumentException($"The sheet of expert {sheet.ExpertId} gives {points} points for {criterion.Code}, outside 0..{criterion.MaxPoints}.", nameof(sheets));
                }
            }
        }

        decimal count = sheets.Count;
        var means = new List<CriterionMean>(criteria.Count);
        var weightedSum = 0m;
        foreach (var criterion in criteria)
        {
            decimal sum = sheets.Sum(s => s.Points[criterion.Code]);
            weightedSum += sum * criterion.Weight;

            // mean < MinPoints  ⇔  sum < MinPoints × count: compared exactly, without the division.
            var below = criterion.MinPoints is { } min && sum < min * count;
            means.Add(new CriterionMean(criterion.Code, Round(sum / count), below));
        }

        // Σ(mean_i × w_i) = Σ(sum_i × w_i) / count: a single division, then a single rounding.
        var total = Round(weightedSum * 100m / (count * maxWeighted));

        var sheetTotals = sheets
            .Select(s => new SheetTotal(s.ExpertId, Round(criteria.Sum(c => s.Points[c.Code] * c.Weight) * 100m / maxWeighted)))
            .ToList();
        var spread = sheetTotals.Max(s => s.Total) - sheetTotals.Min(s => s.Total);

        return new BidAggregate(
            means,
            total,
            sheetTotals,
            spread,
            Divergent: sheets.Count >= 2 && spread >= divergenceThreshold,
            BelowCriterionMinimum: means.Any(m => m.BelowMinimum),
            BelowOverallMinimum: total < minimumTotal);
    }

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
