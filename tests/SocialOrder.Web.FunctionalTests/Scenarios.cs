using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Records the page tests start from, made through the domain: an open call, an expert's accepted assignment.</summary>
public static class Scenarios
{
    /// <summary>A published state-grant call of the ministry, open since a minute ago for ten days.</summary>
    public static async Task<Guid> OpenCallAsync(PortalFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin);
        var now = app.Clock.GetUtcNow();
        var call = Call.CreateDraft("SG-2099-" + Random.Shared.Next(1000, 9999), body.Id, new CallContent(
            new LocalizedText("Жастар", "Молодёжь"), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(1), null, Instrument.StateGrant, 10_000_000m, 2_000_000m, 12, CallTerm.Short, [],
            now.AddMinutes(-1), now.AddDays(10), DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 30m, 50m), now);
        call.Publish(now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id.Value;
    }

    /// <summary>A closed call with one eligible bid, assigned to the demo expert, who declared no conflict.</summary>
    public static async Task<(Guid CallId, Guid AssignmentId)> AcceptedAssignmentAsync(PortalFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expert = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("expert@socialorder.kz");
        var callId = new CallId(seeded.CallId);
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var bidId = new BidId(seeded.BidIds[0]);
        var bid = await db.Bids.SingleAsync(b => b.Id == bidId);
        var now = app.Clock.GetUtcNow();
        var assignment = ExpertAssignment.Propose(call, bid, expert!.Id, Guid.NewGuid(), false, now);
        assignment.Confirm(Guid.NewGuid(), now, now.AddDays(14));
        assignment.Declare(false, null, now);
        assignment.ClearDomainEvents();
        db.ExpertAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return (seeded.CallId, assignment.Id);
    }
}
