using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialOrder.Application.Auditing.VerifyAuditChain;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Auditing;
using SocialOrder.Infrastructure.Auditing;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>
/// The audit trail off the write path (ADR 30): writers only insert, the sealer links events into the hash chain in
/// batches. Tampering with, deleting or reordering sealed events is detected; concurrent writers' events are all
/// sealed exactly once; a sealer cancelled mid-batch loses nothing; a late committer is not skipped.
/// </summary>
public sealed class AuditSealerTests
{
    /// <summary>A portal whose own sealer sleeps for an hour, so each test decides when sealing happens.</summary>
    private sealed class QuietSealerPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AuditSealer:IntervalMilliseconds", "3600000");
            builder.UseSetting("AuditSealer:BatchSize", "7");
        }
    }

    private static async Task<QuietSealerPortal> PortalAsync()
    {
        var app = new QuietSealerPortal();
        await app.InitializeAsync();
        return app;
    }

    private static async Task AppendAsync(PortalFactory app, int count, string action = "Test")
    {
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .AppendAsync(new AuditEntry(action, "Thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Succeeded"), CancellationToken.None);
        }));
    }

    private static AuditSealer Sealer(PortalFactory app) => app.Services.GetRequiredService<AuditSealer>();

    private static async Task<List<AuditEvent>> EventsAsync(PortalFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task ForgeAsync(PortalFactory app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var forge = new NpgsqlCommand(
            $"ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete; {sql}; ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;",
            connection);
        await forge.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Append_IsUnsealed_ThenSealedInBatches_IntoOneContiguousIntactChain()
    {
        await using var app = await PortalAsync();
        await AppendAsync(app, 20);
        Assert.All(await EventsAsync(app), e => Assert.Null(e.Sequence));

        Assert.Equal(7, await Sealer(app).SealBatchAsync(CancellationToken.None));
        Assert.Equal(13, await Sealer(app).SealAllAsync(CancellationToken.None));

        var events = await EventsAsync(app);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long?)i), events.Select(e => e.Sequence).Order());
        Assert.All(events, e => Assert.True(e.HashMatches()));
        var report = await app.SendAsync(new VerifyAuditChainQuery());
        Assert.True(report.Intact);
        Assert.Equal((20L, 0L), (report.Checked, report.Unsealed));
    }

    [Fact]
    public async Task TamperingWithAnySealedEvent_IsDetectedAtThatEvent()
    {
        await using var app = await PortalAsync();
        await AppendAsync(app, 5);
        await Sealer(app).SealAllAsync(CancellationToken.None);

        foreach (var e in (await EventsAsync(app)).OrderBy(e => e.Sequence))
        {
            await ForgeAsync(app, $"UPDATE audit_events SET outcome = 'Refused' WHERE id = {e.Id}");
            Assert.Equal(e.Id, (await app.SendAsync(new VerifyAuditChainQuery())).FirstBrokenId);

            await ForgeAsync(app, $"UPDATE audit_events SET outcome = 'Succeeded' WHERE id = {e.Id}");
            Assert.True((await app.SendAsync(new VerifyAuditChainQuery())).Intact);
        }
    }

    [Fact]
    public async Task DeletingASealedEvent_IsDetectedAtItsSuccessor()
    {
        await using var app = await PortalAsync();
        await AppendAsync(app, 5);
        await Sealer(app).SealAllAsync(CancellationToken.None);
        var chain = (await EventsAsync(app)).OrderBy(e => e.Sequence).ToList();

        await ForgeAsync(app, $"DELETE FROM audit_events WHERE id = {chain[2].Id}");

        var report = await app.SendAsync(new VerifyAuditChainQuery());
        Assert.Equal(chain[3].Id, report.FirstBrokenId);
    }

    [Fact]
    public async Task ReorderingTwoSealedEvents_IsDetected()
    {
        await using var app = await PortalAsync();
        await AppendAsync(app, 5);
        await Sealer(app).SealAllAsync(CancellationToken.None);
        var chain = (await EventsAsync(app)).OrderBy(e => e.Sequence).ToList();
        var (a, b) = (chain[1], chain[3]);

        await ForgeAsync(app,
            $"UPDATE audit_events SET sequence = -1 WHERE id = {a.Id}; " +
            $"UPDATE audit_events SET sequence = {a.Sequence} WHERE id = {b.Id}; " +
            $"UPDATE audit_events SET sequence = {b.Sequence} WHERE id = {a.Id}");

        var report = await app.SendAsync(new VerifyAuditChainQuery());
        Assert.Equal(b.Id, report.FirstBrokenId);
    }

    [Fact]
    public async Task TheTrigger_LetsOnlyTheSealerLinkAnUnsealedEventOnce_WithItsContentUntouched()
    {
        await using var app = await PortalAsync();
        await AppendAsync(app, 2);
        var (first, second) = ((await EventsAsync(app))[0], (await EventsAsync(app))[1]);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        async Task<string?> RefusalAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            try
            {
                await command.ExecuteNonQueryAsync();
                return null;
            }
            catch (PostgresException ex)
            {
                return ex.MessageText;
            }
        }

        var hash = new string('a', 64);
        // Sealing while changing the content, or changing an unsealed event's content: refused.
        Assert.Contains("append-only", await RefusalAsync($"UPDATE audit_events SET sequence = 1, previous_hash = '{hash}', hash = '{hash}', sealed_at = now(), outcome = 'X' WHERE id = {first.Id}"));
        Assert.Contains("append-only", await RefusalAsync($"UPDATE audit_events SET details = 'X' WHERE id = {first.Id}"));
        Assert.Contains("append-only", await RefusalAsync($"DELETE FROM audit_events WHERE id = {second.Id}"));

        // The seal itself is allowed once; after it, nothing.
        Assert.Null(await RefusalAsync($"UPDATE audit_events SET sequence = 1, previous_hash = '{hash}', hash = '{hash}', sealed_at = now() WHERE id = {first.Id}"));
        Assert.Contains("append-only", await RefusalAsync($"UPDATE audit_events SET sequence = 2 WHERE id = {first.Id}"));
        Assert.Contains("append-only", await RefusalAsync($"UPDATE audit_events SET hash = '{new string('b', 64)}' WHERE id = {first.Id}"));
    }

    [Fact]
    public async Task EventsOfConcurrentTransactions_WithSealersOnSeveralNodesAtOnce_AreAllSealedExactlyOnce()
    {
        await using var app = await PortalAsync();
        using var stop = new CancellationTokenSource();
        // Three "nodes" sealing in a loop while 150 writers append.
        var sealers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Sealer(app).SealBatchAsync(CancellationToken.None);
                await Task.Delay(5);
            }
        })).ToList();
        await AppendAsync(app, 150);
        await stop.CancelAsync();
        await Task.WhenAll(sealers);
        await Sealer(app).SealAllAsync(CancellationToken.None);

        var events = await EventsAsync(app);
        Assert.Equal(150, events.Count);
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long?)i), events.Select(e => e.Sequence).Order());
        var report = await app.SendAsync(new VerifyAuditChainQuery());
        Assert.True(report.Intact);
        Assert.Equal((150L, 0L), (report.Checked, report.Unsealed));
    }

    [Fact]
    public async Task AnEventCommittedLate_WithALowerIdThanSealedOnes_IsSealedInALaterBatch_NotSkipped()
    {
        await using var app = await PortalAsync();
        await using var late = new NpgsqlConnection(app.ConnectionString);
        await late.OpenAsync();
        await using var transaction = await late.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_events (occurred_at, action, outcome) VALUES (date_trunc('milliseconds', now()), 'Late', 'Succeeded')", late, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await AppendAsync(app, 3);
        Assert.Equal(3, await Sealer(app).SealAllAsync(CancellationToken.None));
        await transaction.CommitAsync();
        Assert.Equal(1, await Sealer(app).SealAllAsync(CancellationToken.None));

        var events = await EventsAsync(app);
        var lateEvent = Assert.Single(events, e => e.Action == "Late");
        Assert.Equal(events.Min(e => e.Id), lateEvent.Id);
        Assert.Equal(4, lateEvent.Sequence);
        Assert.True((await app.SendAsync(new VerifyAuditChainQuery())).Intact);
    }

    [Fact]
    public async Task SealerCancelledMidBatch_LosesNothing_AndTheNextRoundSealsTheWholeBatch()
    {
        await using var app = await PortalAsync();
        await AppendAsync(app, 6);
        var events = await EventsAsync(app);

        // Hold the fourth event's row so the sealer's updates stop there, with the first three already updated.
        await using var blocker = new NpgsqlConnection(app.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM audit_events WHERE id = {events[3].Id} FOR UPDATE", blocker, hold))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        using var kill = new CancellationTokenSource();
        var sealing = Sealer(app).SealBatchAsync(kill.Token);
        await using (var watch = new NpgsqlConnection(app.ConnectionString))
        {
            await watch.OpenAsync();
            var until = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                await using var waiting = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE audit_events%'", watch);
                if ((long)(await waiting.ExecuteScalarAsync())! > 0 || DateTime.UtcNow > until)
                {
                    break;
                }

                await Task.Delay(20);
            }
        }

        Assert.False(sealing.IsCompleted);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => sealing);
        await hold.RollbackAsync();

        Assert.All(await EventsAsync(app), e => Assert.Null(e.Sequence));
        Assert.Equal(6, await Sealer(app).SealAllAsync(CancellationToken.None));
        var report = await app.SendAsync(new VerifyAuditChainQuery());
        Assert.True(report.Intact);
        Assert.Equal((6L, 0L), (report.Checked, report.Unsealed));
    }

    [Fact]
    public async Task ThePortalsOwnSealer_SealsNewEventsWithinSeconds()
    {
        await using var app = new PortalFactory();
        await app.InitializeAsync();
        await AppendAsync(app, 3);

        var until = DateTime.UtcNow.AddSeconds(20);
        while ((await EventsAsync(app)).Any(e => e.Sequence is null) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.All(await EventsAsync(app), e => Assert.NotNull(e.Sequence));
    }
}
