using SocialOrder.Domain.Bids;

namespace SocialOrder.Domain.Evaluation;

/// <summary>A scored bid to rank. CriterionMeans in methodology order (the rounded means are fine).</summary>
public sealed record RankingEntry(BidId BidId, decimal Total, IReadOnlyList<decimal> CriterionMeans, DateTimeOffset ReceivedAt);

/// <summary>A bid's place in the ranking, 1 being the best.</summary>
public sealed record RankedBid(int Rank, RankingEntry Entry);

/// <summary>
/// Orders scored bids: Total descending; ties by the mean on the first criterion descending, then the second, and so on;
/// then the earlier ReceivedAt; then BidId (Guid order) ascending, so that the order never depends on the input's.
/// Ranks are 1..n and distinct.
/// </summary>
public static class Ranking
{
    /// <summary>Ranks <paramref name="entries"/>; the result is in rank order.</summary>
    public static IReadOnlyList<RankedBid> Rank(IEnumerable<RankingEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Order(EntryComparer.Instance).Select((entry, i) => new RankedBid(i + 1, entry))];
    }

    /// <summary>Better bids first.</summary>
    private sealed class EntryComparer : IComparer<RankingEntry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(RankingEntry? x, RankingEntry? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var byTotal = y.Total.CompareTo(x.Total);
            if (byTotal != 0)
            {
                return byTotal;
            }

            var shared = Math.Min(x.CriterionMeans.Count, y.CriterionMeans.Count);
            for (var i = 0; i < shared; i++)
            {
                var byMean = y.CriterionMeans[i].CompareTo(x.CriterionMeans[i]);
                if (byMean != 0)
                {
                    return byMean;
                }
            }

            var byReceived = x.ReceivedAt.CompareTo(y.ReceivedAt);
            return byReceived != 0 ? byReceived : x.BidId.Value.CompareTo(y.BidId.Value);
        }
    }
}
