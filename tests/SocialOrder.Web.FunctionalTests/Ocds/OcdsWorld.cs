using SocialOrder.Application.Awards.AddDissent;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests.Ocds;

/// <summary>The records the OCDS tests read: a whole competition, an open call with a sealed bid, drafts that must stay hidden.</summary>
public sealed class OcdsWorld(PortalFactory app)
{
    public const string DraftTitle = "Черновик-невидимка 7Q";
    public const string CancelledDraftTitle = "Отменённый черновик 8Z";
    public const string SecretBidTitle = "Секретный проект заявки 5K";
    public const decimal SecretBidAmount = 1_234_567m;
    public const string Question = "Можно ли подать одну заявку от двух организаций?";
    public const string Answer = "Нет: одна заявка подаётся одной организацией.";
    public const string AmendmentReason = "Увеличен бюджет и продлён срок приёма заявок.";

    /// <summary>People whose names and addresses must never be published: commission members, experts, heads of NGOs.</summary>
    public static readonly string[] CommissionNames = ["Айгерим Сапарова", "Ерлан Жумабеков", "Динара Абенова"];

    public sealed record Competition(Guid CallId, string Reference, decimal OriginalBudget, decimal AmendedBudget, DateTimeOffset OriginalCloses, DateTimeOffset AmendedCloses, IReadOnlyList<string> Secrets);

    public sealed record OpenCall(Guid CallId, string Reference, string Receipt, string OrganizationName);

    /// <summary>Published, a question answered, amended (budget up, deadline later), closed with scored bids: the decision is not yet taken.</summary>
    public async Task<(Competition Competition, ClaimsPrincipal Chair)> ClosedCompetitionAsync()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 4, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var callId = new CallId(seeded.CallId);
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var opens = call.OpensAt!.Value;
        var original = (Budget: call.Budget, Closes: call.ClosesAt!.Value);

        var question = Clarification.Ask(call, Guid.NewGuid(), Question, opens.AddDays(2));
        question.AnswerWith(Answer, Guid.NewGuid(), opens.AddDays(3));
        db.Clarifications.Add(question);
        call.Amend(new CallAmendment(null, null, null, call.Budget + 1_000_000m, null, null, original.Closes.AddDays(1), null), AmendmentReason, opens.AddDays(5), 5);
        call.ClearDomainEvents();
        await db.SaveChangesAsync();

        var secrets = new List<string>(CommissionNames);
        var experts = await db.ExpertProfiles.AsNoTracking().Where(e => seeded.ExpertIds.Contains(e.UserId)).Select(e => new { e.FullName, e.Email }).ToListAsync();
        secrets.AddRange(experts.SelectMany(e => new[] { e.FullName, e.Email }));
        var bidIds = seeded.BidIds.Select(b => new BidId(b)).ToList();
        var organizations = await (from b in db.Bids.AsNoTracking()
                                   join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                                   where bidIds.Contains(b.Id)
                                   select new { o.Email, o.Phone, o.HeadName, o.Address }).ToListAsync();
        secrets.AddRange(organizations.SelectMany(o => new[] { o.Email, o.Phone, o.HeadName }));
        return (new Competition(seeded.CallId, seeded.Reference, original.Budget, call.Budget, original.Closes, call.ClosesAt!.Value, [.. secrets.Distinct()]),
            await CommissionAsync(seeded.CallId, seeded.OfficialStateBodyId));
    }

    /// <summary>The commission confirms the portal's proposal (with a dissent): the decision is locked and the protocols stored.</summary>
    public async Task AwardAsync(Competition competition, ClaimsPrincipal chair)
    {
        ArgumentNullException.ThrowIfNull(competition);
        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(competition.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));
    }

    /// <summary>An open call of the ministry with one submitted bid whose content must stay sealed.</summary>
    public async Task<OpenCall> OpenCallWithBidAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin);
        var now = app.Clock.GetUtcNow();

        // No required documents: the bid is complete without uploads.
        var call = Call.CreateDraft("SG-2099-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), body.Id, new CallContent(
            new LocalizedText("Жастар", "Молодёжь"), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(1), null, Instrument.StateGrant, 10_000_000m, 2_000_000m, 12, CallTerm.Short, [],
            now.AddMinutes(-1), now.AddDays(10), [], DefaultMethodology.Criteria, 3, 30m, 50m), now.AddMinutes(-2));
        call.Publish(now.AddMinutes(-2));
        call.ClearDomainEvents();
        db.Calls.Add(call);
        var callId = call.Id.Value;
        var founder = Guid.NewGuid();
        var name = $"Фонд «Тайный заявитель {Random.Shared.Next(1000, 9999)}»";
        var organization = Organization.Register(Bin.Parse(NextBin()), new OrganizationDetails(
            new LocalizedText(name, name), LegalForm.PublicFoundation, new RegionId(19), "Алматы", "+7 727 111 22 33", "secret.ngo@example.kz", "Асель Нурланова", null), founder, now);
        db.Organizations.Add(organization);
        var bid = Bid.Start(call, organization.Id, founder, now);
        bid.SaveDraft(call, new BidContent(
            SecretBidTitle, "Краткое описание", "Проблема", "Молодёжь", "Цели", [new Activity("Тренинги", 1, 6)], "Результаты",
            [new Indicator("Участники", "0", "100")], "Устойчивость", "Команда", [new BudgetLine(1, BudgetCategory.Staff, "Тренеры", SecretBidAmount)],
            SecretBidAmount, 0m), 1, founder, now);
        var receipt = $"{call.ReferenceNumber}-777";
        db.BidSubmissions.Add(bid.Submit(call, receipt, Guid.NewGuid(), founder, now));
        bid.ClearDomainEvents();
        db.Bids.Add(bid);
        await db.SaveChangesAsync();
        return new OpenCall(callId, call.ReferenceNumber, receipt, name);
    }

    /// <summary>A draft never published, and a draft cancelled before publishing: neither may appear anywhere.</summary>
    public async Task<(string Draft, string CancelledDraft)> DraftsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin);
        var now = app.Clock.GetUtcNow();
        Call Draft(string title) => Call.CreateDraft("DR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), body.Id, new CallContent(
            new LocalizedText(title, title), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(1), null, Instrument.StateGrant, 10_000_000m, 2_000_000m, 12, CallTerm.Short, [],
            now.AddDays(-5), now.AddDays(-1), DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 30m, 50m), now.AddDays(-6));
        var draft = Draft(DraftTitle);
        var cancelled = Draft(CancelledDraftTitle);
        cancelled.Cancel("Передумали", now.AddDays(-5));
        cancelled.ClearDomainEvents();
        db.Calls.AddRange(draft, cancelled);
        await db.SaveChangesAsync();
        return (draft.ReferenceNumber, cancelled.ReferenceNumber);
    }

    private async Task<ClaimsPrincipal> CommissionAsync(Guid callId, Guid bodyId)
    {
        var admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
        var ids = new List<Guid>();
        foreach (var name in CommissionNames)
        {
            var created = await app.SendAsync(new CreateStaffAccountCommand($"{Guid.NewGuid():N}@commission.gov.kz", name, Roles.Official, bodyId, "ru"), admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var chair = PortalFactory.Principal(ids[0], $"{ids[0]}@gov.kz", bodyId, Roles.Official);
        var secretary = PortalFactory.Principal(ids[1], $"{ids[1]}@gov.kz", bodyId, Roles.Official);
        var members = new List<MemberInput> { new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member) };
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(callId, members, 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(callId, [ids[0], ids[1], ids[2]]), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new AddDissentCommand(callId, ids[2], "Особое мнение члена комиссии Абеновой."), secretary)).IsSuccess);
        return chair;
    }

    private static string NextBin()
    {
        while (true)
        {
            var candidate = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Bin.IsValid(candidate))
            {
                return candidate;
            }
        }
    }
}
