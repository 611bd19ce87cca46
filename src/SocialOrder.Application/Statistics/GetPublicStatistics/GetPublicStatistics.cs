using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Statistics.GetPublicStatistics;

/// <summary>The filters of the public statistics; years are calendar years of publication in Kazakhstan time.</summary>
public sealed record StatisticsFilter(int? FromYear = null, int? ToYear = null, Guid? StateBodyId = null, int? RegionId = null, int? PriorityAreaId = null, Instrument? Instrument = null);

public sealed record YearStatistics(int Year, int Calls, decimal Budget, decimal Awarded, int FundedBids);

/// <summary>Money awarded to one group (a region, a priority area); a null name is "the whole country" or "no area".</summary>
public sealed record MoneyShare(string? Code, LocalizedText? Name, decimal Awarded, int FundedBids);

public sealed record PublicStatistics(
    StatisticsFilter Filter,
    int Calls,
    int CancelledCalls,
    decimal Budget,
    int AwardedCalls,
    decimal Awarded,
    int ClosedCalls,
    int SubmittedBids,
    decimal? BidsPerCall,
    int BidsOnAwardedCalls,
    int FundedBids,
    decimal? SuccessRate,
    decimal? TopTenShare,
    int Organizations,
    decimal? AverageDaysToAward,
    decimal? LongestDaysToAward,
    IReadOnlyList<YearStatistics> Years,
    IReadOnlyList<MoneyShare> ByRegion,
    IReadOnlyList<MoneyShare> ByPriorityArea);

/// <summary>
/// Public numbers over the published, not cancelled calls that match the filter (ADR 27): each figure is one GROUP BY
/// or aggregate in PostgreSQL, never rows summed in memory. Bids are counted only once a call's deadline has passed
/// (as the call page shows them), the money only once a decision is locked. Money by region goes by the funded
/// organization's region; the region filter picks the calls announced for that region.
/// </summary>
public sealed record GetPublicStatisticsQuery(StatisticsFilter Filter) : IQuery<PublicStatistics>;

public sealed class GetPublicStatisticsQueryHandler(IAppDbContext db, TimeProvider time) : IQueryHandler<GetPublicStatisticsQuery, PublicStatistics>
{
    /// <summary>Kazakhstan's offset since 1 March 2024; a year's first five hours before that fall a year early, which a yearly total tolerates.</summary>
    private static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    public const int FirstYear = 2000;

    public async ValueTask<PublicStatistics> Handle(GetPublicStatisticsQuery query, CancellationToken cancellationToken)
    {
        var f = Normalize(query.Filter);
        var now = time.GetUtcNow();
        var calls = Calls(f);
        var live = calls.Where(c => c.Status != CallStatus.Cancelled);

        var totals = await calls.GroupBy(_ => 1).Select(g => new
        {
            Calls = g.Count(c => c.Status != CallStatus.Cancelled),
            Cancelled = g.Count(c => c.Status == CallStatus.Cancelled),
            Budget = g.Where(c => c.Status != CallStatus.Cancelled).Sum(c => (decimal?)c.Budget) ?? 0m,
            Awarded = g.Count(c => c.AwardedAt != null),
            Closed = g.Count(c => c.Status != CallStatus.Cancelled && c.ClosesAt <= now),
        }).SingleOrDefaultAsync(cancellationToken);

        var submitted = await (from b in db.Bids.AsNoTracking()
                               join c in live on b.CallId equals c.Id
                               where b.Status == BidStatus.Submitted && c.ClosesAt <= now
                               select b).CountAsync(cancellationToken);
        var awardedBids = from b in db.Bids.AsNoTracking()
                          join c in live on b.CallId equals c.Id
                          where c.AwardedAt != null && b.Status == BidStatus.Submitted
                          select new { Bid = b, Call = c };
        var onAwarded = await awardedBids.CountAsync(cancellationToken);
        var funded = awardedBids.Where(x => x.Bid.Outcome == AwardOutcome.Awarded && x.Bid.AwardedAmount > 0);
        var money = await funded.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(x => x.Bid.AwardedAmount ?? 0m), Organizations = g.Select(x => x.Bid.OrganizationId).Distinct().Count() })
            .SingleOrDefaultAsync(cancellationToken);
        var awarded = money?.Sum ?? 0m;

        var topTen = await funded.GroupBy(x => x.Bid.OrganizationId)
            .Select(g => g.Sum(x => x.Bid.AwardedAmount ?? 0m))
            .OrderByDescending(s => s)
            .Take(10)
            .SumAsync(cancellationToken);

        var days = await live.Where(c => c.AwardedAt != null && c.ClosesAt != null)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Average = g.Average(c => (c.AwardedAt!.Value - c.ClosesAt!.Value).TotalDays),
                Longest = g.Max(c => (c.AwardedAt!.Value - c.ClosesAt!.Value).TotalDays),
            })
            .SingleOrDefaultAsync(cancellationToken);

        var budgetByYear = await live
            .GroupBy(c => c.PublishedAt!.Value.AddHours(5).Year)
            .Select(g => new { Year = g.Key, Calls = g.Count(), Budget = g.Sum(c => c.Budget) })
            .ToListAsync(cancellationToken);
        var awardedByYear = await funded
            .GroupBy(x => x.Call.PublishedAt!.Value.AddHours(5).Year)
            .Select(g => new { Year = g.Key, Awarded = g.Sum(x => x.Bid.AwardedAmount ?? 0m), Funded = g.Count() })
            .ToListAsync(cancellationToken);
        var years = budgetByYear
            .Select(y => new YearStatistics(y.Year, y.Calls, y.Budget, awardedByYear.SingleOrDefault(a => a.Year == y.Year)?.Awarded ?? 0m, awardedByYear.SingleOrDefault(a => a.Year == y.Year)?.Funded ?? 0))
            .OrderBy(y => y.Year)
            .ToList();

        var regionSums = await (from x in funded
                                join o in db.Organizations.AsNoTracking() on x.Bid.OrganizationId equals o.Id
                                group x.Bid by o.RegionId into g
                                select new { Id = g.Key, Awarded = g.Sum(b => b.AwardedAmount ?? 0m), Funded = g.Count() })
            .ToListAsync(cancellationToken);
        var areaSums = await funded
            .GroupBy(x => x.Call.PriorityAreaId)
            .Select(g => new { Id = g.Key, Awarded = g.Sum(x => x.Bid.AwardedAmount ?? 0m), Funded = g.Count() })
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code, r.Name }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var areas = await db.PriorityAreas.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, cancellationToken);

        var closed = totals?.Closed ?? 0;
        return new PublicStatistics(
            f,
            totals?.Calls ?? 0,
            totals?.Cancelled ?? 0,
            totals?.Budget ?? 0m,
            totals?.Awarded ?? 0,
            awarded,
            closed,
            submitted,
            closed == 0 ? null : Math.Round((decimal)submitted / closed, 2),
            onAwarded,
            money?.Count ?? 0,
            onAwarded == 0 ? null : Math.Round((decimal)(money?.Count ?? 0) / onAwarded, 4),
            awarded == 0 ? null : Math.Round(topTen / awarded, 4),
            money?.Organizations ?? 0,
            days is null ? null : Math.Round((decimal)days.Average, 1),
            days is null ? null : Math.Round((decimal)days.Longest, 1),
            years,
            [.. regionSums
                .Select(r => regions.TryGetValue(r.Id, out var region) ? new MoneyShare(region.Code, region.Name, r.Awarded, r.Funded) : new MoneyShare(null, null, r.Awarded, r.Funded))
                .OrderByDescending(r => r.Awarded).ThenBy(r => r.Code, StringComparer.Ordinal)],
            [.. areaSums
                .Select(a => a.Id is { } id && areas.TryGetValue(id, out var area) ? new MoneyShare(area.Code, area.Name, a.Awarded, a.Funded) : new MoneyShare(null, null, a.Awarded, a.Funded))
                .OrderByDescending(a => a.Awarded).ThenBy(a => a.Code, StringComparer.Ordinal)]);
    }

    private static StatisticsFilter Normalize(StatisticsFilter f)
    {
        int? Year(int? y) => y is { } v ? Math.Clamp(v, FirstYear, 2100) : null;
        var (from, to) = (Year(f.FromYear), Year(f.ToYear));
        if (from > to)
        {
            (from, to) = (to, from);
        }

        return f with { FromYear = from, ToYear = to, Instrument = f.Instrument is { } i && Enum.IsDefined(i) ? i : null };
    }

    /// <summary>Published calls (drafts never count) matching the filter, cancelled ones included (they are counted apart).</summary>
    private IQueryable<Call> Calls(StatisticsFilter f)
    {
        var calls = db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft && c.PublishedAt != null);
        if (f.FromYear is { } from)
        {
            var start = new DateTimeOffset(from, 1, 1, 0, 0, 0, Offset).ToUniversalTime();
            calls = calls.Where(c => c.PublishedAt >= start);
        }

        if (f.ToYear is { } to)
        {
            var end = new DateTimeOffset(to + 1, 1, 1, 0, 0, 0, Offset).ToUniversalTime();
            calls = calls.Where(c => c.PublishedAt < end);
        }

        if (f.StateBodyId is { } body)
        {
            var bodyId = new StateBodyId(body);
            calls = calls.Where(c => c.StateBodyId == bodyId);
        }

        if (f.RegionId is { } region)
        {
            var regionId = new RegionId(region);
            calls = calls.Where(c => c.RegionId == regionId);
        }

        if (f.PriorityAreaId is { } area)
        {
            var areaId = new PriorityAreaId(area);
            calls = calls.Where(c => c.PriorityAreaId == areaId);
        }

        if (f.Instrument is { } instrument)
        {
            calls = calls.Where(c => c.Instrument == instrument);
        }

        return calls;
    }
}
