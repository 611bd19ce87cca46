using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Agreements.RecordPayment;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Awards;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>
/// A call of the demo ministry taken through the use cases to the end: scored, every bid funded by a locked decision,
/// its agreements drafted; the first one issued, accepted and its advance paid with order "ПП-1".
/// </summary>
public static class AwardedScenario
{
    public sealed record Awarded(Guid CallId, string Reference, IReadOnlyList<Guid> BidIds, string PaidAgreementNumber, decimal PaidAmount);

    public static async Task<Awarded> AwardedWithPaymentAsync(PortalFactory app, int bids = 2)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await app.SendAsync(new CreateStaffAccountCommand($"member{i}.{Guid.NewGuid():N}@gov.kz", $"Член комиссии {i}", Roles.Official, seeded.OfficialStateBodyId, "ru"), admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = Official(ids[0], seeded.OfficialStateBodyId);
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, [new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member)], 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var callId = new CallId(seeded.CallId);
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.Number).FirstAsync();
        Assert.True((await app.SendAsync(new IssueAgreementCommand(agreement.Id.Value), chair)).IsSuccess);
        var founder = await db.Organizations.AsNoTracking().Where(o => o.Id == agreement.OrganizationId).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync();
        var accepted = await app.SendAsync(new AcceptAgreementCommand(agreement.Id.Value), PortalFactory.Principal(founder, $"{founder:N}@ngo.test", Roles.Applicant));
        Assert.True(accepted.IsSuccess, string.Join(",", accepted.Errors.Select(e => e.Code)));
        var advance = agreement.Tranches[0];
        var today = DateOnly.FromDateTime(KazakhstanTime.ToLocal(app.Clock.GetUtcNow()).Date);
        var paid = await app.SendAsync(new RecordTranchePaymentCommand(agreement.Id.Value, advance.Number, today, advance.Amount, "ПП-1"), chair);
        Assert.True(paid.IsSuccess, string.Join(",", paid.Errors.Select(e => e.Code)));
        return new Awarded(seeded.CallId, seeded.Reference, seeded.BidIds, agreement.Number, advance.Amount);
    }

    private static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);
}
