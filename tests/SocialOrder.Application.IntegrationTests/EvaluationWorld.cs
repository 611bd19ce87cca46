using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Auditing.GetAuditEvents;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.ConfirmAssignments;
using SocialOrder.Application.Evaluation.DeclareConflict;
using SocialOrder.Application.Evaluation.GetEvaluationDashboard;
using SocialOrder.Application.Evaluation.ProposeAssignments;
using SocialOrder.Application.Evaluation.SubmitScoreSheet;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Email;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>How a test's call is set up; lists are per bid, in the order the bids are created.</summary>
internal sealed record CallSpec
{
    public int Bids { get; init; } = 1;

    public int ExpertsPerBid { get; init; } = 2;

    /// <summary>The submission window is still open (the deadline is ten days ahead); bids are submitted but not checked.</summary>
    public bool StillOpen { get; init; }

    public bool ExpertsSeeOtherSheets { get; init; }

    public decimal DivergenceThreshold { get; init; } = 30m;

    public decimal MinimumTotal { get; init; }

    /// <summary>The methodology, when not <see cref="EvaluationWorld.Criteria"/> (same codes and maxima, e.g. with minimums).</summary>
    public IReadOnlyList<Criterion>? Criteria { get; init; }

    public decimal Budget { get; init; } = 10_000_000m;

    public decimal Requested { get; init; } = 2_000_000m;

    /// <summary>Per bid: true eligible (the default), false ineligible with <see cref="EvaluationWorld.IneligibleReason"/>, null not checked.</summary>
    public IReadOnlyList<bool?>? Eligible { get; init; }

    /// <summary>Per bid: the user who founds the bidding organization (a new id when absent).</summary>
    public IReadOnlyList<Guid>? Founders { get; init; }

    /// <summary>Bid with the organizations (and founders) of an earlier scenario instead of new ones.</summary>
    public CallScenario? SameOrganizationsAs { get; init; }

    /// <summary>Receive the bids in the reverse order of their ids, so that a tie broken by receipt time differs from one broken by id.</summary>
    public bool LaterIdsReceivedFirst { get; init; }
}

internal sealed record CallScenario(
    Call Call, ClaimsPrincipal Official, IReadOnlyList<Guid> Bids, IReadOnlyList<Guid> Organizations, IReadOnlyList<Guid> Founders,
    IReadOnlyList<DateTimeOffset> ReceivedAt, IReadOnlyList<string> Receipts)
{
    public Guid Id => Call.Id.Value;

    /// <summary>The position of a bid in <see cref="Bids"/> (creation order).</summary>
    public int Index(Guid bidId) => Bids.ToList().IndexOf(bidId);
}

/// <summary>What a test's expert knows and how much they take; by default every priority area, region 1, both languages, ten bids.</summary>
internal sealed record ExpertSpec
{
    public IReadOnlyList<int>? Areas { get; init; }

    public IReadOnlyList<int> Regions { get; init; } = [1];

    public ExpertLanguages Languages { get; init; } = ExpertLanguages.Kazakh | ExpertLanguages.Russian;

    public int Capacity { get; init; } = 10;

    public string Name { get; init; } = "Эксперт";
}

/// <summary>
/// Builds the world an evaluation test needs directly through the domain (a closed call of the demo ministry with a
/// small methodology, submitted bids, approved experts), and drives and reads it through the use cases and the database.
/// </summary>
internal sealed class EvaluationWorld(PortalFactory app)
{
    public const string IneligibleReason = "Не представлена копия устава организации";
    public const string Password = "a long enough passphrase";

    private static long _bins = 77_000_000_000L + (Environment.ProcessId % 1_000) * 1_000_000L;
    private static int _people;

    public static ClaimsPrincipal Admin { get; } = PortalFactory.Principal(Guid.NewGuid(), "admin.itests@socialorder.kz", Roles.Administrator);

    /// <summary>Three criteria: A (0..10, weight 50), B (0..10, weight 30), C (0..5, weight 20); the weighted maximum is 900.</summary>
    public static IReadOnlyList<Criterion> Criteria { get; } =
    [
        new("A", new("Өзектілік", "Актуальность"), new("Мәселе дәлелденген бе?", "Обоснована ли проблема?"), 10, 50m, null),
        new("B", new("Жоспар", "Реалистичность плана"), new("Жоспар шынайы ма?", "Реалистичен ли план?"), 10, 30m, null),
        new("C", new("Бюджет", "Обоснованность бюджета"), new("Бюджет негізделген бе?", "Обоснован ли бюджет?"), 5, 20m, null),
    ];

    public static string ExpertEmail(Guid id) => $"{id:N}@experts.itest";

    public static ClaimsPrincipal Expert(Guid id) => PortalFactory.Principal(id, ExpertEmail(id), Roles.Expert);

    public static ClaimsPrincipal Applicant(Guid id) => PortalFactory.Principal(id, $"{id:N}@ngo.itest", Roles.Applicant);

    /// <summary>A justification long enough for any score, the extremes included, and telling whose it is.</summary>
    public static string Justification(string code, int points) =>
        $"Критерий {code}, {points} балл(ов): оценка обоснована содержанием заявки, данными о целевой группе и планом мероприятий.";

    public static IReadOnlyList<CriterionScore> Sheet(int a, int b, int c) =>
        [new("A", a, Justification("A", a)), new("B", b, Justification("B", b)), new("C", c, Justification("C", c))];

    public static string Snapshot(object value) => JsonSerializer.Serialize(value);

    public static string Codes(IResult result) => string.Join(", ", result.Errors.Select(e => e.Field is null ? e.Code : $"{e.Field}: {e.Code}"));

    public async Task<Guid> MinistryAsync() =>
        await DbAsync(db => db.StateBodies.AsNoTracking().Where(b => b.Bin == DemoDataSeeder.MinistryBin).Select(b => b.Id.Value).SingleAsync());

    /// <summary>An official of the demo ministry who exists only as a principal (enough for everything but e-mail to them).</summary>
    public async Task<ClaimsPrincipal> OfficialAsync()
    {
        var n = Interlocked.Increment(ref _people);
        return PortalFactory.Principal(Guid.NewGuid(), $"official{n}.{Guid.NewGuid():N}@gov.itest", await MinistryAsync(), Roles.Official);
    }

    /// <summary>An official of another state body (the body need not exist: the claim is what the use cases check).</summary>
    public static ClaimsPrincipal Stranger() => PortalFactory.Principal(Guid.NewGuid(), $"stranger.{Guid.NewGuid():N}@gov.itest", Guid.NewGuid(), Roles.Official);

    /// <summary>A real account of an official of the demo ministry: e-mail to them is queued, and they may sit on a commission.</summary>
    public async Task<(ClaimsPrincipal Principal, Guid Id, string Email)> OfficialAccountAsync(string name = "Должностное лицо")
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"staff{n}.{Guid.NewGuid():N}@gov.itest";
        var body = await MinistryAsync();
        var created = await app.SendAsync(new CreateStaffAccountCommand(email, $"{name} {n}", Roles.Official, body, "ru"), Admin);
        Assert.True(created.IsSuccess, Codes(created));
        return (PortalFactory.Principal(created.Value, email, body, Roles.Official), created.Value, email);
    }

    /// <summary>A real account registered through the portal (an applicant, or an expert candidate).</summary>
    public async Task<(Guid Id, string Email)> AccountAsync(AccountType type)
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"user{n}.{Guid.NewGuid():N}@example.kz";
        var created = await app.SendAsync(new RegisterAccountCommand(email, Password, Password, $"Пользователь {n}", type, "ru"));
        Assert.True(created.IsSuccess, Codes(created));
        return (created.Value, email);
    }

    /// <summary>Approved experts who are not Identity users (their principal is enough for the use cases).</summary>
    public async Task<IReadOnlyList<Guid>> ExpertsAsync(int count, ExpertSpec? spec = null)
    {
        spec ??= new ExpertSpec();
        var now = app.Clock.GetUtcNow();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var areas = spec.Areas?.Select(a => new PriorityAreaId(a)).ToList() ?? await db.PriorityAreas.AsNoTracking().Select(a => a.Id).ToListAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var n = Interlocked.Increment(ref _people);
            var profile = ExpertProfile.Apply(
                id, $"{spec.Name} {n}", ExpertEmail(id), areas, [.. spec.Regions.Select(r => new RegionId(r))], spec.Languages,
                "Опыт оценки социальных проектов НПО.", true, spec.Capacity, now);
            profile.Decide(true, now);
            db.ExpertProfiles.Add(profile);
            ids.Add(id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>
    /// New experts who are the only ones available: every other approved expert of this database (the demo experts, those of
    /// earlier tests) is marked away for years, so that what the planner proposes depends on this test alone.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> FreshPoolAsync(int count, ExpertSpec? spec = null)
    {
        var ids = await ExpertsAsync(count, spec);
        var now = app.Clock.GetUtcNow();
        var today = EvaluationAccess.Today(app.Clock);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var others = await db.ExpertProfiles.Where(p => p.Status == ExpertStatus.Approved && !ids.Contains(p.UserId)).ToListAsync();
        foreach (var other in others.Where(o => o.IsAvailable(today, today.AddYears(5))))
        {
            other.SetAvailability(other.MaxBidsPerCall, [new Unavailability(today.AddDays(-1), today.AddYears(20), "itests: not in this test's pool")], now);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>A published call of the demo ministry with submitted bids, closed ten days ago unless <see cref="CallSpec.StillOpen"/>.</summary>
    public async Task<CallScenario> CallAsync(CallSpec spec, ClaimsPrincipal? official = null)
    {
        official ??= await OfficialAsync();
        var officialId = Guid.Parse(official.FindFirst(ClaimTypes.NameIdentifier)!.Value);
        var now = app.Clock.GetUtcNow();
        var opens = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddDays(spec.StillOpen ? -10 : -40);
        var closes = opens.AddDays(30);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.AsNoTracking().Where(b => b.Bin == DemoDataSeeder.MinistryBin).Select(b => b.Id).SingleAsync();
        var reference = $"IT-{Guid.NewGuid():N}"[..15].ToUpperInvariant();
        var call = Call.CreateDraft(reference, body, new CallContent(
            new LocalizedText("Жастар бастамалары", "Молодёжные инициативы"), new LocalizedText("Конкурс", "Конкурс"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("ҮЕҰ", "НПО"), new PriorityAreaId(1), null, Instrument.StateGrant, spec.Budget, Math.Min(spec.Budget, spec.Requested), 12, CallTerm.Short, [],
            opens, closes, [], spec.Criteria ?? Criteria, spec.ExpertsPerBid, spec.DivergenceThreshold, spec.MinimumTotal, spec.ExpertsSeeOtherSheets), opens.AddDays(-2));
        call.Publish(opens.AddDays(-1));
        call.ClearDomainEvents();
        db.Calls.Add(call);

        var bids = new List<Bid>();
        var organizations = new List<Guid>();
        var founders = new List<Guid>();
        var started = opens.AddMinutes(1);
        for (var i = 0; i < spec.Bids; i++)
        {
            OrganizationId organization;
            Guid founder;
            if (spec.SameOrganizationsAs is { } earlier)
            {
                (organization, founder) = (new OrganizationId(earlier.Organizations[i]), earlier.Founders[i]);
            }
            else
            {
                founder = spec.Founders?[i] ?? Guid.NewGuid();
                var registered = Organization.Register(Bin.Parse(NextBin()), new OrganizationDetails(
                    new LocalizedText($"«Бастама {i + 1}» қоры", $"Фонд «Инициатива {i + 1}»"), LegalForm.PublicFoundation, new RegionId(19), "Алматы",
                    "+7 727 000 00 00", $"org{i + 1}@ngo.itest", "Руководитель", null), founder, started);
                db.Organizations.Add(registered);
                organization = registered.Id;
            }

            var bid = Bid.Start(call, organization, founder, started);
            bid.SaveDraft(call, new BidContent(
                $"Жоба {i + 1}", "Краткое описание", "Проблема", "Молодёжь", "Цели", [new Activity("Тренинги", 1, 6)], "Результаты",
                [new Indicator("Участники", "0", "100")], "Устойчивость", "Команда", [new BudgetLine(1, BudgetCategory.Staff, "Тренеры", spec.Requested)],
                spec.Requested, 0m), 1, founder, started);
            bids.Add(bid);
            organizations.Add(organization.Value);
            founders.Add(founder);
        }

        List<Bid> order = spec.LaterIdsReceivedFirst ? [.. bids.OrderByDescending(b => b.Id.Value)] : bids;
        var received = new List<DateTimeOffset>();
        var receipts = new List<string>();
        for (var i = 0; i < bids.Count; i++)
        {
            var bid = bids[i];
            var at = started.AddMinutes(10 + order.IndexOf(bid));
            var receipt = $"{reference}-{i + 1:000}";
            db.BidSubmissions.Add(bid.Submit(call, receipt, Guid.NewGuid(), founders[i], at));
            if (!spec.StillOpen && (spec.Eligible is null || spec.Eligible[i] is not null))
            {
                var eligible = spec.Eligible?[i] ?? true;
                bid.CheckEligibility(call, eligible, eligible ? null : IneligibleReason, officialId, now);
            }

            bid.ClearDomainEvents();
            db.Bids.Add(bid);
            received.Add(at);
            receipts.Add(receipt);
        }

        await db.SaveChangesAsync();
        return new CallScenario(call, official, [.. bids.Select(b => b.Id.Value)], organizations, founders, received, receipts);
    }

    /// <summary>The portal proposes experts for every bid and the official confirms; the call's assignments afterwards.</summary>
    public async Task<IReadOnlyList<ExpertAssignment>> StaffAsync(CallScenario call)
    {
        var proposed = await app.SendAsync(new ProposeAssignmentsCommand(call.Id), call.Official);
        Assert.True(proposed.IsSuccess, Codes(proposed));
        var confirmed = await app.SendAsync(new ConfirmAssignmentsCommand(call.Id), call.Official);
        Assert.True(confirmed.IsSuccess, Codes(confirmed));
        return await AssignmentsAsync(call.Id);
    }

    public async Task AcceptAsync(ExpertAssignment assignment)
    {
        var declared = await app.SendAsync(new DeclareConflictCommand(assignment.Id, false, null), Expert(assignment.ExpertId));
        Assert.True(declared.IsSuccess, Codes(declared));
    }

    public async Task SubmitAsync(ExpertAssignment assignment, int a, int b, int c)
    {
        var submitted = await app.SendAsync(new SubmitScoreSheetCommand(assignment.Id, Sheet(a, b, c)), Expert(assignment.ExpertId));
        Assert.True(submitted.IsSuccess, Codes(submitted));
    }

    /// <summary>Staffs the call, then every expert declares no conflict and submits the points <paramref name="points"/> gives for the bid's index.</summary>
    public async Task<IReadOnlyList<ExpertAssignment>> ScoreAsync(CallScenario call, Func<int, (int A, int B, int C)> points)
    {
        foreach (var a in await StaffAsync(call))
        {
            await AcceptAsync(a);
            var (x, y, z) = points(call.Index(a.BidId.Value));
            await SubmitAsync(a, x, y, z);
        }

        return await AssignmentsAsync(call.Id);
    }

    public async Task<EvaluationDashboard> DashboardAsync(CallScenario call)
    {
        var dashboard = await app.SendAsync(new GetEvaluationDashboardQuery(call.Id, "experts"), call.Official);
        Assert.True(dashboard.IsSuccess, Codes(dashboard));
        return dashboard.Value;
    }

    public Task<List<ExpertAssignment>> AssignmentsAsync(Guid callId)
    {
        var id = new CallId(callId);
        return DbAsync(db => db.ExpertAssignments.AsNoTracking().Where(a => a.CallId == id).OrderBy(a => a.ProposedAt).ThenBy(a => a.Id).ToListAsync());
    }

    public Task<ExpertAssignment> AssignmentAsync(Guid id) => DbAsync(db => db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == id));

    public Task<Bid> BidAsync(Guid id)
    {
        var bidId = new BidId(id);
        return DbAsync(db => db.Bids.AsNoTracking().SingleAsync(b => b.Id == bidId));
    }

    /// <summary>Everything a sheet holds, to compare before and after a refused attempt.</summary>
    public static string SheetState(ExpertAssignment a) => Snapshot(new
    {
        a.ExpertId, a.Status, a.SheetStatus, a.Scores, a.SheetRevision, a.SheetVersion, a.SubmittedAt, a.History, a.Declaration, a.DeclineReason,
    });

    /// <summary>The audit trail's entries of one action by one actor, newest first.</summary>
    public async Task<IReadOnlyList<AuditEventRow>> AuditAsync(string action, string actor) =>
        (await app.SendAsync(new GetAuditEventsQuery(action, actor, null, 1))).Items;

    /// <summary>The audit trail holds the attempt: this action by this actor on this record, with this outcome (and detail).</summary>
    public async Task AssertAuditedAsync(string action, ClaimsPrincipal actor, object? entityId, string outcome, string? detail = null)
    {
        var rows = await AuditAsync(action, actor.Identity!.Name!);
        var id = entityId?.ToString();
        Assert.True(
            rows.Any(r => r.EntityId == id && r.Outcome == outcome && (detail is null || (r.Details ?? string.Empty).Contains(detail, StringComparison.Ordinal))),
            $"No audit entry {action}/{outcome}/{detail} on {id}; found: {string.Join(" | ", rows.Select(r => $"{r.EntityId} {r.Outcome} {r.Details}"))}");
    }

    /// <summary>The e-mail queued (in the transactional outbox table) for one address, sent or not yet.</summary>
    public Task<List<OutgoingEmail>> MailsAsync(string to) =>
        DbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(e => e.To == to).OrderBy(e => e.Id).ToListAsync());

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string NextBin()
    {
        while (true)
        {
            var prefix = Interlocked.Increment(ref _bins).ToString("00000000000", CultureInfo.InvariantCulture);
            for (var d = 0; d < 10; d++)
            {
                if (Bin.IsValid(prefix + d))
                {
                    return prefix + d;
                }
            }
        }
    }
}
