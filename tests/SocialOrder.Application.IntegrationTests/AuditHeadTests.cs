using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialOrder.Application.Auditing.GetAuditHeads;
using SocialOrder.Application.Auditing.VerifyAuditChain;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.ReferenceData.CreateStateBody;
using SocialOrder.Domain.Auditing;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Auditing;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Published heads of the audit chain: one per interval whichever node publishes, listed newest first, checked by verification.</summary>
public sealed class AuditHeadTests
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);

    private static async Task<PortalFactory> PortalWithEventsAsync(int events)
    {
        var app = new PortalFactory();
        await app.InitializeAsync();
        for (var i = 0; i < events; i++)
        {
            var created = await app.SendAsync(new CreateStateBodyCommand($"Орган {i}", $"Орган {i}", null, $"99124300{i:0000}", StateBodyKind.Ministry, null), Admin);
            Assert.True(created.IsSuccess);
        }

        await SealAsync(app);
        return app;
    }

    private static Task<int> SealAsync(PortalFactory app) => app.Services.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None);

    private static AuditHeadPublisher Publisher(PortalFactory app) => app.Services.GetRequiredService<AuditHeadPublisher>();

    private static async Task<List<AuditEvent>> EventsAsync(PortalFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task Publisher_OnTwoNodesAtOnce_PublishesOneHead_ThenWaitsForTheInterval_AndTheListIsNewestFirst()
    {
        await using var app = await PortalWithEventsAsync(3);
        var tail = (await EventsAsync(app))[^1];

        // Two nodes' publishers at the same moment: the advisory lock and the check inside it leave one head.
        var published = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Publisher(app).PublishIfDueAsync(CancellationToken.None)));
        var first = Assert.Single(published, h => h is not null)!;
        Assert.Equal((tail.Sequence!.Value, tail.Hash), (first.Sequence, first.Hash));

        // The chain moves, but the interval (60 minutes) has not passed: nothing; after it, a new head.
        await app.SendAsync(new CreateStateBodyCommand("Ещё", "Ещё", null, "991243009999", StateBodyKind.Ministry, null), Admin);
        await SealAsync(app);
        Assert.Null(await Publisher(app).PublishIfDueAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var second = await Publisher(app).PublishIfDueAsync(CancellationToken.None);
        Assert.NotNull(second);
        Assert.True(second.Sequence > first.Sequence);

        // The chain stands still: no new head until a day has passed, then one all the same.
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(await Publisher(app).PublishIfDueAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await Publisher(app).PublishIfDueAsync(CancellationToken.None));

        var list = await app.SendAsync(new GetAuditHeadsQuery(1, 2));
        Assert.Equal(3, list.TotalCount);
        Assert.Equal(2, list.Items.Count);
        Assert.True(list.Items[0].PublishedAt > list.Items[1].PublishedAt);
        Assert.Equal(second.Sequence, list.Items[1].Sequence);

        var report = await app.SendAsync(new VerifyAuditChainQuery());
        Assert.True(report.Intact);
        Assert.Equal(3, report.HeadsChecked);
    }

    [Fact]
    public async Task EventBeforeAPublishedHead_RewrittenWithEveryLaterHashRecomputed_IsReportedByTheHead()
    {
        await using var app = await PortalWithEventsAsync(4);
        var head = await Publisher(app).PublishIfDueAsync(CancellationToken.None);
        Assert.NotNull(head);
        Assert.True((await app.SendAsync(new VerifyAuditChainQuery())).Intact);

        // A forger with database rights edits the second event and recomputes every hash after it, so the chain
        // alone still links up; only the head published before the edit gives it away.
        var events = await EventsAsync(app);
        var previous = events[0].Hash!;
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var off = new NpgsqlCommand("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete", connection))
            {
                await off.ExecuteNonQueryAsync();
            }

            foreach (var e in events.Skip(1))
            {
                var actor = e == events[1] ? "someone-else" : e.ActorName;
                var forged = AuditEvent.Record(e.OccurredAt, e.ActorId, actor, e.Action, e.EntityType, e.EntityId, e.Outcome, e.Details, e.IpAddress);
                forged.Seal(e.Sequence!.Value, previous, e.SealedAt!.Value);
                await using var update = new NpgsqlCommand("UPDATE audit_events SET actor_name = @actor, previous_hash = @previous, hash = @hash WHERE id = @id", connection);
                update.Parameters.AddWithValue("actor", (object?)actor ?? DBNull.Value);
                update.Parameters.AddWithValue("previous", previous);
                update.Parameters.AddWithValue("hash", forged.Hash!);
                update.Parameters.AddWithValue("id", e.Id);
                await update.ExecuteNonQueryAsync();
                previous = forged.Hash!;
            }

            await using var on = new NpgsqlCommand("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete", connection);
            await on.ExecuteNonQueryAsync();
        }

        var report = await app.SendAsync(new VerifyAuditChainQuery());

        Assert.Null(report.FirstBrokenId);
        Assert.Equal(head.Sequence, report.FirstMismatchedHeadSequence);
        Assert.False(report.Intact);
    }

    [Fact]
    public async Task EventBeforeAPublishedHead_EditedInPlace_BreaksTheChain_AndAHeadOfARemovedEventDoesNotMatch()
    {
        await using var app = await PortalWithEventsAsync(3);
        var head = await Publisher(app).PublishIfDueAsync(CancellationToken.None);
        Assert.NotNull(head);
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var forge = new NpgsqlCommand(
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete; " +
                "UPDATE audit_events SET details = 'rewritten' WHERE id = (SELECT min(id) FROM audit_events); " +
                $"DELETE FROM audit_events WHERE sequence = {head.Sequence}; " +
                "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;",
                connection);
            await forge.ExecuteNonQueryAsync();
        }

        var report = await app.SendAsync(new VerifyAuditChainQuery());

        Assert.NotNull(report.FirstBrokenId);
        Assert.Equal(head.Sequence, report.FirstMismatchedHeadSequence);
    }

    [Fact]
    public async Task PublishedHeads_AreAppendOnly()
    {
        await using var app = await PortalWithEventsAsync(1);
        Assert.NotNull(await Publisher(app).PublishIfDueAsync(CancellationToken.None));
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        await using var update = new NpgsqlCommand("UPDATE audit_heads SET hash = repeat('0', 64)", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }
}
