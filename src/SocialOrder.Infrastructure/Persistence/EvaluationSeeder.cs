using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Infrastructure.Persistence;

/// <summary>
/// For benchmarks, load scripts and tests of the evaluation: a closed call of the demo ministry with N submitted,
/// eligible bids from N organizations, an expert pool, and optionally every bid scored by K experts (deterministic
/// pseudo-random points). Goes through the domain's own methods, so every rule of the real flow holds.
/// </summary>
public static class EvaluationSeeder
{
    public sealed record Seeded(Guid CallId, string Reference, Guid OfficialStateBodyId, IReadOnlyList<Guid> ExpertIds, IReadOnlyList<Guid> BidIds);

    public static async Task<Seeded> SeedAsync(IServiceProvider services, int bids, int experts, int sheetsPerBid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Bin == DemoDataSeeder.MinistryBin, cancellationToken);
        var official = Guid.CreateVersion7();
        var random = new Random(bids * 7919 + experts);
        var reference = $"EV-{now:yyMMdd}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

        var opens = now.AddDays(-40);
        var closes = now.AddDays(-10);
        var call = Call.CreateDraft(reference, body.Id, new CallContent(
            new LocalizedText("Жастар саясаты: әлеуметтік жобалар гранты", "Молодёжная политика: гранты на социальные проекты"),
            new LocalizedText("Бағалауға арналған конкурс", "Конкурс для экспертизы"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("Үкіметтік емес ұйымдар", "Неправительственные организации"), new PriorityAreaId(1), null, Instrument.StateGrant,
            Math.Max(10_000_000m, bids * 1_000_000m), 5_000_000m, 12, CallTerm.Short, [], opens, closes, [], DefaultMethodology.Criteria,
            Math.Max(1, Math.Min(sheetsPerBid == 0 ? 3 : sheetsPerBid, experts)), 30m, 50m), opens.AddDays(-1));
        call.Publish(opens.AddDays(-1));
        call.ClearDomainEvents();
        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);

        var areas = await db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        var pool = new List<ExpertProfile>();
        for (var e = 1; e <= experts; e++)
        {
            var id = Guid.CreateVersion7();
            var profile = ExpertProfile.Apply(
                id, $"Эксперт {e:000}", $"expert{e}.{reference.ToLowerInvariant()}@load.test", areas, [new RegionId(1 + (e % 20))],
                ExpertLanguages.Kazakh | ExpertLanguages.Russian, "Опыт оценки социальных проектов.", true, ExpertProfile.MaxCapacity, now);
            profile.Decide(true, now);
            pool.Add(profile);
            db.ExpertProfiles.Add(profile);
        }

        await db.SaveChangesAsync(cancellationToken);
        // Random.Shared, not the seeded generator: two seeds in one second must not produce the same BINs.
        var binSeed = 300_000_000L + (long)Random.Shared.Next(0, 60_000_000) * 10;
        var bidIds = new List<Guid>();
        var policy = new JustificationPolicy(0, 0);
        for (var i = 1; i <= bids; i++)
        {
            var founder = Guid.CreateVersion7();
            var organization = Organization.Register(SpikeSeeder.NextBin(ref binSeed), new OrganizationDetails(
                new LocalizedText($"«Жастар бастамасы – {i}» қоғамдық қоры", $"Общественный фонд «Молодёжная инициатива – {i}»"),
                LegalForm.PublicFoundation, new RegionId(1 + (i % 20)), "Алматы", "+7 727 000 00 00", $"org{i}@load.test", "Руководитель", null), founder, opens);
            db.Organizations.Add(organization);
            var at = opens.AddMinutes(i);
            var bid = Bid.Start(call, organization.Id, founder, at);
            var requested = 1_000_000m + random.Next(0, 40) * 100_000m;
            bid.SaveDraft(call, new BidContent(
                $"Жоба {i}: жастарға арналған тренингтер", "Краткое описание проекта", "Проблема описана данными", "Молодёжь 14–29 лет", "Цели проекта",
                [new Activity("Тренинги", 1, 6)], "Ожидаемые результаты", [new Indicator("Участники", "0", "100")], "Устойчивость", "Команда",
                [new BudgetLine(1, BudgetCategory.Staff, "Тренеры", requested)], requested, 0m), 1, founder, at);
            var submission = bid.Submit(call, $"{reference}-{i:0000}", Guid.NewGuid(), founder, at.AddSeconds(30));
            db.Bids.Add(bid);
            db.BidSubmissions.Add(submission);
            bid.CheckEligibility(call, true, null, official, now);
            bid.ClearDomainEvents();
            bidIds.Add(bid.Id.Value);

            // One level per bid, each expert within a point of it: realistic agreement, no divergence by accident.
            var baseline = random.Next(3, 10);
            for (var k = 0; k < sheetsPerBid && k < pool.Count; k++)
            {
                var expert = pool[(i * sheetsPerBid + k) % pool.Count];
                var a = ExpertAssignment.Propose(call, bid, expert.UserId, official, false, now);
                a.Confirm(official, now, now.AddDays(14));
                a.Declare(false, null, now);
                a.Submit(call, [.. call.Criteria.Select(c => new CriterionScore(
                    c.Code, Math.Clamp(baseline + random.Next(-1, 2), 0, c.MaxPoints), "Обоснование оценки эксперта по критерию."))], policy, now);
                a.ClearDomainEvents();
                db.ExpertAssignments.Add(a);
            }

            if (i % 100 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Seeded(call.Id.Value, reference, body.Id.Value, pool.Select(p => p.UserId).ToList(), bidIds);
    }
}
