using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Bids.SubmitBid;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Receipt numbers from a PostgreSQL sequence per year (ADR 30): distinct under a burst, increasing, gaps allowed.</summary>
public sealed class ReceiptNumberTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static long NumberOf(string receipt) => long.Parse(receipt[(receipt.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    [Fact]
    public async Task TwoHundredConcurrentSubmissions_GetTwoHundredDistinctReceiptNumbers()
    {
        var callId = await SpikeSeeder.SeedAsync(app.Services, 200, minutesToDeadline: 60, CancellationToken.None);
        List<(Guid Bid, Guid User)> bids;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = new CallId(callId);
            bids = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bids.AsNoTracking()
                .Where(b => b.CallId == id)
                .Select(b => new { b.Id, b.UpdatedBy })
                .ToListAsync()).Select(b => (b.Id.Value, b.UpdatedBy)).ToList();
        }

        Assert.Equal(200, bids.Count);

        var results = await Task.WhenAll(bids.Select(b =>
            app.SendAsync(new SubmitBidCommand(b.Bid, Guid.NewGuid()), PortalFactory.Principal(b.User, $"{b.User}@load.test", Roles.Applicant))));

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join(",", r.Errors.Select(e => e.Code))));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ids = results.Select(r => r.Value).ToList();
            var receipts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().BidSubmissions.AsNoTracking()
                .Where(s => ids.Contains(s.Id))
                .Select(s => s.ReceiptNumber)
                .ToListAsync();
            Assert.Equal(200, receipts.Count);
            Assert.Equal(200, receipts.Distinct(StringComparer.Ordinal).Count());
            Assert.All(receipts, r => Assert.Matches(@"^RCP-\d{4}-\d{4,}$", r));
        }
    }

    [Fact]
    public async Task SequenceNumbers_StartAtOneInANewYear_IncreaseUnderConcurrency_AndARolledBackNumberIsAGap()
    {
        async Task<string> NextAsync(int year, bool rollBack = false)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var number = await scope.ServiceProvider.GetRequiredService<IReferenceNumbers>().NextFromSequenceAsync("TST", year, CancellationToken.None);
            if (rollBack)
            {
                await transaction.RollbackAsync();
            }
            else
            {
                await transaction.CommitAsync();
            }

            return number;
        }

        // The first numbers of a year nobody has used yet: the sequence is created on demand, even by racing callers.
        var first = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => NextAsync(2101)));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), first.Select(NumberOf).Order());
        Assert.All(first, n => Assert.StartsWith("TST-2101-", n, StringComparison.Ordinal));

        Assert.Equal("TST-2101-0021", await NextAsync(2101, rollBack: true));
        Assert.Equal("TST-2101-0022", await NextAsync(2101));
        Assert.Equal("TST-2102-0001", await NextAsync(2102));
    }
}
