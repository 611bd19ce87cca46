using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.GetCallResults;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Public results are read from what the lock stored, not recomputed from the sheets on every view (issue 14).</summary>
public sealed class LockedResultsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);

    [Fact]
    public async Task Results_AfterTheLock_ComeFromTheStoredEvaluation_EvenIfTheSheetsChangeAfterwards()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, 4, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await app.SendAsync(new CreateStaffAccountCommand($"locked{i}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {i}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = PortalFactory.Principal(ids[0], $"{ids[0]}@gov.kz", seeded.OfficialStateBodyId, Roles.Official);
        var members = new List<MemberInput> { new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member) };
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, ids), chair)).IsSuccess);
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));
        var before = await app.SendAsync(new GetCallResultsQuery(seeded.CallId));

        // Reopen every sheet behind the portal's back: a recomputation would now find no scores at all.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var callId = new CallId(seeded.CallId);
            var locked = await db.AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == callId);
            Assert.Equal(4, locked.Results.Count);
            Assert.All(locked.Results, r => Assert.Empty(r.Aggregate!.SheetTotals));
            Assert.Equal(4, locked.RankedCount);
            var bids = seeded.BidIds.ToArray();
            await db.Database.ExecuteSqlRawAsync("UPDATE expert_assignments SET sheet_status = 'Draft' WHERE bid_id = ANY({0})", bids);
        }

        var after = await app.SendAsync(new GetCallResultsQuery(seeded.CallId));

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(4, after.Rows.Count);
        Assert.Equal(before.Rows, after.Rows);
    }
}
