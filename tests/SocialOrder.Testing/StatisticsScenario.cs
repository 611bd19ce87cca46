using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Testing;

/// <summary>
/// A small data set whose statistics are known by hand (ADR 27): one awarded call of a state body of its own, 12 bids
/// from organizations of regions 2 to 13 (EvaluationSeeder: region 1 + i % 20); bid i (1..11) funded with
/// i × 100 000 ₸, bid 12 not; awarded 10 days after its deadline. So: awarded 6 600 000 ₸, success rate 11/12,
/// the top ten organizations 6 500 000 ₸ (98.48 %), region 12 the most (1 100 000 ₸).
/// </summary>
public static class StatisticsScenario
{
    public sealed record Known(Guid StateBodyId, Guid CallId, string Reference, int Year, decimal Budget);

    public static async Task<Known> KnownAwardedCallAsync(PortalFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 12, experts: 1, sheetsPerBid: 0, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bin = "9" + Random.Shared.NextInt64(10_000_000_000L, 99_999_999_999L).ToString(CultureInfo.InvariantCulture);
        var body = StateBody.Create(new LocalizedText($"Статистика басқармасы {bin}", $"Управление статистики {bin}"), bin, StateBodyKind.Ministry, null);
        db.StateBodies.Add(body);
        await db.SaveChangesAsync();

        var callId = new CallId(seeded.CallId);
        await db.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StateBodyId, body.Id));
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        for (var i = 0; i < seeded.BidIds.Count; i++)
        {
            var bidId = new BidId(seeded.BidIds[i]);
            var bid = await db.Bids.SingleAsync(b => b.Id == bidId);
            bid.RecordOutcome(i < 11 ? AwardOutcome.Awarded : AwardOutcome.NotAwarded, (i + 1) * 100_000m);
        }

        call.MarkAwarded(call.ClosesAt!.Value.AddDays(10));
        await db.SaveChangesAsync();
        return new Known(body.Id.Value, seeded.CallId, seeded.Reference, KazakhstanTime.ToLocal(call.PublishedAt!.Value).Year, call.Budget);
    }
}
