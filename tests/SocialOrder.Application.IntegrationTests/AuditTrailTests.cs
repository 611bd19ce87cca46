using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialOrder.Application.Auditing.GetAuditEvents;
using SocialOrder.Application.Auditing.VerifyAuditChain;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.ReferenceData.CreateStateBody;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Auditing;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed class AuditTrailTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin =
        PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);

    [Fact]
    public async Task StateChangingCommand_IsRecordedWithActorRecordAndOutcome()
    {
        var created = await app.SendAsync(new CreateStateBodyCommand("Ақмола облысы әкімдігі", "Акимат Акмолинской области", null, "991240001234", StateBodyKind.Akimat, 2), Admin);
        Assert.True(created.IsSuccess);

        var page = await app.SendAsync(new GetAuditEventsQuery("CreateStateBody", null, null, 1));

        var row = Assert.Single(page.Items, e => e.EntityId == created.Value.ToString());
        Assert.Equal(("admin@socialorder.kz", "StateBody", "Succeeded"), (row.ActorName, row.EntityType, row.Outcome));
    }

    [Fact]
    public async Task RefusedCommand_IsRecordedToo()
    {
        var applicant = PortalFactory.Principal(Guid.NewGuid(), "intruder@example.kz", Roles.Applicant);

        var refused = await app.SendAsync(new CreateStateBodyCommand("Х", "Х", null, "991240009999", StateBodyKind.Ministry, null), applicant);

        Assert.False(refused.IsSuccess);
        var page = await app.SendAsync(new GetAuditEventsQuery("CreateStateBody", "intruder@example.kz", null, 1));
        Assert.Equal("Forbidden", Assert.Single(page.Items).Outcome);
    }

    [Fact]
    public async Task AuditTable_RefusesUpdateAndDelete()
    {
        await app.SendAsync(new CreateStateBodyCommand("А", "А", null, "991240005555", StateBodyKind.Ministry, null), Admin);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        await using var update = new NpgsqlCommand("UPDATE audit_events SET outcome = 'Hidden'", connection);
        var updateError = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = new NpgsqlCommand("DELETE FROM audit_events", connection);
        var deleteError = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        Assert.Contains("append-only", updateError.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", deleteError.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditChain_AfterConcurrentWrites_IsIntact()
    {
        var writes = Enumerable.Range(0, 12).Select(i =>
            app.SendAsync(new CreateStateBodyCommand($"Орган {i}", $"Орган {i}", null, $"99124100{i:0000}", StateBodyKind.Ministry, null), Admin));
        var results = await Task.WhenAll(writes);
        Assert.All(results, r => Assert.True(r.IsSuccess));
        await app.Services.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None);

        var report = await app.SendAsync(new VerifyAuditChainQuery());

        Assert.Null(report.FirstBrokenId);
        Assert.True(report.Checked >= 12);
        Assert.Equal(0, report.Unsealed);
    }

    [Fact]
    public async Task VerifyAuditChain_WhenARowWasForgedBehindTheTrigger_FindsIt()
    {
        await using var factory = new PortalFactory();
        await factory.InitializeAsync();
        for (var i = 0; i < 3; i++)
        {
            await factory.SendAsync(new CreateStateBodyCommand($"Б {i}", $"Б {i}", null, $"99124200{i:0000}", StateBodyKind.Ministry, null), Admin);
        }

        await factory.Services.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None);

        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var forge = new NpgsqlCommand(
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete; " +
                "UPDATE audit_events SET actor_name = 'someone-else' WHERE id = (SELECT min(id) + 1 FROM audit_events); " +
                "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;",
                connection);
            await forge.ExecuteNonQueryAsync();
        }

        var report = await factory.SendAsync(new VerifyAuditChainQuery());

        Assert.NotNull(report.FirstBrokenId);
    }

    [Fact]
    public async Task CreateStateBody_DuplicateBin_IsRefusedOnTheBinField()
    {
        Assert.True((await app.SendAsync(new CreateStateBodyCommand("В", "В", null, "991240007777", StateBodyKind.Ministry, null), Admin)).IsSuccess);

        var second = await app.SendAsync(new CreateStateBodyCommand("Г", "Г", null, "991240007777", StateBodyKind.Ministry, null), Admin);

        Assert.Equal(("Bin", "StateBody.BinTaken"), (second.Errors[0].Field, second.Errors[0].Code));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.CountAsync(b => b.Bin == "991240007777"));
    }

    [Fact]
    public async Task CreateStateBody_AkimatWithoutRegion_IsRefused()
    {
        var result = await app.SendAsync(new CreateStateBodyCommand("Д", "Д", null, "991240008888", StateBodyKind.Akimat, null), Admin);

        Assert.Contains(result.Errors, e => e.Code == "Rule.AkimatMustHaveRegion");
    }
}
