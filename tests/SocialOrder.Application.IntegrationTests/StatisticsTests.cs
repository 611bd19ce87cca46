using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Statistics.GetPublicStatistics;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>The public statistics (ADR 27) computed by PostgreSQL on a data set whose numbers are known by hand.</summary>
public sealed class StatisticsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task KnownCall_GivesItsMoneySuccessRateConcentrationRegionsAndDays()
    {
        var known = await StatisticsScenario.KnownAwardedCallAsync(app);

        var s = await app.SendAsync(new GetPublicStatisticsQuery(new StatisticsFilter(StateBodyId: known.StateBodyId)));

        Assert.Equal(1, s.Calls);
        Assert.Equal(0, s.CancelledCalls);
        Assert.Equal(known.Budget, s.Budget);
        Assert.Equal(1, s.AwardedCalls);
        Assert.Equal(6_600_000m, s.Awarded);
        Assert.Equal(12, s.SubmittedBids);
        Assert.Equal(12m, s.BidsPerCall);
        Assert.Equal(11, s.FundedBids);
        Assert.Equal(12, s.BidsOnAwardedCalls);
        Assert.Equal(0.9167m, s.SuccessRate);
        Assert.Equal(11, s.Organizations);
        Assert.Equal(0.9848m, s.TopTenShare);
        Assert.Equal(10m, s.AverageDaysToAward);
        Assert.Equal(10m, s.LongestDaysToAward);
        var year = Assert.Single(s.Years);
        Assert.Equal(new YearStatistics(known.Year, 1, known.Budget, 6_600_000m, 11), year);

        var codes = await Db(db => db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id.Value, r => r.Code));
        Assert.Equal(
            Enumerable.Range(1, 11).Reverse().Select(i => (codes[1 + i], i * 100_000m, 1)),
            s.ByRegion.Select(r => (r.Code!, r.Awarded, r.FundedBids)));
        var area = Assert.Single(s.ByPriorityArea);
        Assert.Equal(6_600_000m, area.Awarded);
        Assert.NotNull(area.Name);
    }

    [Fact]
    public async Task Filters_LeaveOutOtherInstrumentsRegionsYearsAndDraftsAndCountCancelledApart()
    {
        var known = await StatisticsScenario.KnownAwardedCallAsync(app);
        await Db(async db =>
        {
            // A draft (never counted) and a cancelled call (counted apart, no budget) of the same body.
            var now = app.Clock.GetUtcNow();
            var bodyId = new StateBodyId(known.StateBodyId);
            Call Draft(string reference) => Call.CreateDraft(reference, bodyId, new CallContent(
                new LocalizedText("Жоба", "Проект"), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
                new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(2), new RegionId(3), Instrument.StateSocialOrder, 99_000_000m, 2_000_000m, 12,
                CallTerm.Short, [], now.AddDays(1), now.AddDays(20), DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 30m, 50m), now);
            var draft = Draft("ST-D-" + Guid.NewGuid().ToString("N")[..8]);
            var cancelled = Draft("ST-C-" + Guid.NewGuid().ToString("N")[..8]);
            cancelled.Publish(now);
            cancelled.Cancel("Отменён для проверки статистики", now);
            draft.ClearDomainEvents();
            cancelled.ClearDomainEvents();
            db.Calls.AddRange(draft, cancelled);
            return await db.SaveChangesAsync();
        });
        Task<PublicStatistics> For(StatisticsFilter f) => app.SendAsync(new GetPublicStatisticsQuery(f with { StateBodyId = known.StateBodyId }));

        var all = await For(new StatisticsFilter());
        var grants = await For(new StatisticsFilter(Instrument: Instrument.StateGrant));
        var orders = await For(new StatisticsFilter(Instrument: Instrument.StateSocialOrder));
        var region = await For(new StatisticsFilter(RegionId: 3));
        var thisYear = await For(new StatisticsFilter(FromYear: known.Year, ToYear: known.Year));
        var later = await For(new StatisticsFilter(FromYear: known.Year + 1));
        var reversed = await For(new StatisticsFilter(FromYear: known.Year, ToYear: known.Year - 5));

        Assert.Equal((1, 1, known.Budget, 6_600_000m), (all.Calls, all.CancelledCalls, all.Budget, all.Awarded));
        Assert.Equal((1, 0, 6_600_000m), (grants.Calls, grants.CancelledCalls, grants.Awarded));
        Assert.Equal((0, 1, 0m, 0m), (orders.Calls, orders.CancelledCalls, orders.Budget, orders.Awarded));
        Assert.Null(orders.SuccessRate);
        Assert.Null(orders.TopTenShare);
        Assert.Empty(orders.ByRegion);
        Assert.Equal((0, 1), (region.Calls, region.CancelledCalls));
        Assert.Equal(6_600_000m, thisYear.Awarded);
        Assert.Equal((0, 0, 0m), (later.Calls, later.CancelledCalls, later.Awarded));
        Assert.Equal(6_600_000m, reversed.Awarded);
    }

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
