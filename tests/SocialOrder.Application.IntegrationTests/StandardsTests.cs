using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Bids.GetBidEditor;
using SocialOrder.Application.Bids.SaveBidDraft;
using SocialOrder.Application.Bids.StartBid;
using SocialOrder.Application.Bids.SubmitBid;
using SocialOrder.Application.Calls.GetManagedCall;
using SocialOrder.Application.Calls.PublicCall;
using SocialOrder.Application.Calls.Publish;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Organizations.RegisterOrganization;
using SocialOrder.Application.Standards.GetPublicStandard;
using SocialOrder.Application.Standards.GetPublicStandards;
using SocialOrder.Application.Standards.NewStandardVersion;
using SocialOrder.Application.Standards.PublishStandard;
using SocialOrder.Application.Standards.SaveStandardDraft;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Service standards and the calls that link to them, through the use cases and PostgreSQL (issue 11, ADR 26).</summary>
public sealed class StandardsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    private ClaimsPrincipal Ministry
    {
        get
        {
            using var scope = app.Services.CreateScope();
            var body = scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.AsNoTracking().Single(b => b.Bin == DemoDataSeeder.MinistryBin).Id.Value;
            return PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", body, Roles.Official);
        }
    }

    private static SaveStandardDraftCommand Command(StandardContent c, Guid? id = null) => new(
        id, c.Code, c.Title.Kk, c.Title.Ru, c.Title.En, c.Service.Kk, c.Service.Ru, c.Service.En,
        c.Conditions.StaffQualifications.Kk, c.Conditions.StaffQualifications.Ru, null, c.Conditions.Premises.Kk, c.Conditions.Premises.Ru, null,
        c.Conditions.Hours.Kk, c.Conditions.Hours.Ru, null, c.Conditions.Accessibility.Kk, c.Conditions.Accessibility.Ru, null,
        [.. c.Indicators.Select(i => new QualityIndicatorInput(i.Code, i.Name.Kk, i.Name.Ru, i.Name.En, i.Unit.Kk, i.Unit.Ru, null, i.Measurement.Kk, i.Measurement.Ru, null))],
        [.. c.Criteria.Select(x => new StandardCriterionInput(x.Code, x.Name.Kk, x.Name.Ru, null, x.Weight))],
        c.UnitCostNorm, c.UnitCostBasis, c.Thresholds.EffectiveFrom, c.Thresholds.PartlyEffectiveFrom, c.PriorityAreaId?.Value);

    private async Task<Guid> PublishedStandardAsync(string code, int? area = null, decimal? unitCost = 250_000m)
    {
        var saved = await app.SendAsync(Command(StandardSamples.Content(code, area is { } a ? new PriorityAreaId(a) : null, unitCost)), Admin);
        Assert.True(saved.IsSuccess, string.Join(",", saved.Errors.Select(e => e.Code)));
        var published = await app.SendAsync(new PublishStandardCommand(saved.Value), Admin);
        Assert.True(published.IsSuccess, string.Join(",", published.Errors.Select(e => e.Code)));
        return saved.Value;
    }

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task OnlyAnAdministrator_RecordsStandards_OthersGetNotFound()
    {
        var content = StandardSamples.Content("ADM-ONLY");
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(Command(content), Ministry)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(Command(content))).Status);
        var id = await PublishedStandardAsync("ADM-ONLY2");
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new NewStandardVersionCommand(id), Ministry)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new PublishStandardCommand(id), Ministry)).Status);
    }

    [Fact]
    public async Task APublishedVersion_IsNeverEdited_ANewVersionSupersedesIt_AndThePublicSeesBoth()
    {
        var v1 = await PublishedStandardAsync("VERS-1");
        var edit = await app.SendAsync(Command(StandardSamples.Content("VERS-1") with { UnitCostNorm = 1m }, v1), Admin);
        Assert.Equal("Standard.OnlyDraftEdited", edit.Errors[0].Code);

        var v2 = await app.SendAsync(new NewStandardVersionCommand(v1), Admin);
        Assert.True(v2.IsSuccess);
        Assert.Equal("Standard.DraftExists", (await app.SendAsync(new NewStandardVersionCommand(v1), Admin)).Errors[0].Code);
        Assert.True((await app.SendAsync(Command(StandardSamples.Content("VERS-1") with { UnitCostNorm = 300_000m }, v2.Value), Admin)).IsSuccess);

        // The public never sees a draft.
        Assert.Null(await app.SendAsync(new GetPublicStandardQuery("VERS-1", 2)));
        Assert.True((await app.SendAsync(new PublishStandardCommand(v2.Value), Admin)).IsSuccess);

        var old = await app.SendAsync(new GetPublicStandardQuery("vers-1", 1));
        var current = await app.SendAsync(new GetPublicStandardQuery("VERS-1", 2));
        Assert.Equal((StandardStatus.Superseded, 250_000m), (old!.Status, old.Content.UnitCostNorm));
        Assert.Equal((StandardStatus.Published, 300_000m), (current!.Status, current.Content.UnitCostNorm));
        var list = await app.SendAsync(new GetPublicStandardsQuery());
        Assert.Equal(2, Assert.Single(list.Items, s => s.Code == "VERS-1").Version);
    }

    [Fact]
    public async Task PublishingADraftWhoseWeightsDoNotAddUpTo100_IsRefused()
    {
        var content = StandardSamples.Content("WEIGHTS") with { Criteria = [new AssessmentCriterion("C1", new("a", "а"), 70m)] };
        var saved = await app.SendAsync(Command(content), Admin);
        var published = await app.SendAsync(new PublishStandardCommand(saved.Value), Admin);
        Assert.Equal(ResultStatus.RuleBroken, published.Status);
        Assert.Contains(published.Errors, e => e.Code == "Standard.WeightsNot100");
        Assert.Equal(StandardStatus.Draft, await Db(db => db.ServiceStandards.Where(s => s.Id == new ServiceStandardId(saved.Value)).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task ACallOfAnAreaWithAStandard_MustLinkToIt_AndIsWarnedWhenTheBudgetIsBelowTheNorm()
    {
        var standard = await PublishedStandardAsync("AREA-3", area: 3);
        var now = app.Clock.GetUtcNow();
        var draft = await app.SendAsync(CallCommandBuilder.Complete(now) with { PriorityAreaId = 3 }, Ministry);

        var refused = await app.SendAsync(new PublishCallCommand(draft.Value), Ministry);
        Assert.Contains(refused.Errors, e => e.Code == "Call.StandardRequired" && e.Field == "StandardId");

        // 10 000 000 ₸ < 250 000 ₸ × 50: warned, not stopped.
        Assert.True((await app.SendAsync(CallCommandBuilder.Complete(now, draft.Value) with { PriorityAreaId = 3, StandardId = standard, PlannedBeneficiaries = 50 }, Ministry)).IsSuccess);
        var managed = await app.SendAsync(new GetManagedCallQuery(draft.Value), Ministry);
        Assert.Empty(managed!.PublishProblems);
        Assert.Equal("Call.BudgetBelowStandardNorm", Assert.Single(managed.PublishWarnings!).Code);
        Assert.True((await app.SendAsync(new PublishCallCommand(draft.Value), Ministry)).IsSuccess);
    }

    [Fact]
    public async Task AnEditedStandard_NeverChangesAPublishedCall_WhichKeepsItsVersion()
    {
        var v1 = await PublishedStandardAsync("KEEP-4", area: 4);
        var now = app.Clock.GetUtcNow();
        var call = await app.SendAsync(CallCommandBuilder.Complete(now) with { PriorityAreaId = 4, StandardId = v1, PlannedBeneficiaries = 10 }, Ministry);
        Assert.True((await app.SendAsync(new PublishCallCommand(call.Value), Ministry)).IsSuccess);

        // A draft linked to v1 while v2 gets published must take the current version before publishing.
        var late = await app.SendAsync(CallCommandBuilder.Complete(now) with { PriorityAreaId = 4, StandardId = v1 }, Ministry);
        var v2 = await app.SendAsync(new NewStandardVersionCommand(v1), Admin);
        var changed = StandardSamples.Content("KEEP-4", new PriorityAreaId(4)) with
        {
            Indicators = [new QualityIndicator("QI-9", new("Жаңа", "Новый показатель"), new("%", "%"), new("Сауалнама", "Опрос"))],
        };
        Assert.True((await app.SendAsync(Command(changed, v2.Value), Admin)).IsSuccess);
        Assert.True((await app.SendAsync(new PublishStandardCommand(v2.Value), Admin)).IsSuccess);

        var stored = await Db(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == new CallId(call.Value)));
        Assert.Equal(v1, stored.StandardId!.Value.Value);
        var page = await app.SendAsync(new GetPublicCallQuery(call.Value));
        Assert.Equal(("KEEP-4", 1, StandardStatus.Superseded), (page.Value.Standard!.Code, page.Value.Standard.Version, page.Value.Standard.Status));
        var v1Indicators = await Db(db => db.ServiceStandards.AsNoTracking().Where(s => s.Id == new ServiceStandardId(v1)).Select(s => s.Indicators).SingleAsync());
        Assert.Equal(["QI-1", "QI-2"], v1Indicators.Select(i => i.Code));

        var refused = await app.SendAsync(new PublishCallCommand(late.Value), Ministry);
        Assert.Contains(refused.Errors, e => e.Code == "Call.StandardNotCurrent");
    }

    [Fact]
    public async Task ABid_MustIncludeTheStandardsQualityIndicators_ThePreSubmissionCheckNamesTheMissingOnes()
    {
        var standard = await PublishedStandardAsync("BID-5", area: 5);
        var now = app.Clock.GetUtcNow();
        var created = await app.SendAsync(
            CallCommandBuilder.Complete(now) with { PriorityAreaId = 5, StandardId = standard, RequiredDocuments = [], OpensAt = now.AddMinutes(1), ClosesAt = now.AddDays(20) }, Ministry);
        Assert.True((await app.SendAsync(new PublishCallCommand(created.Value), Ministry)).IsSuccess);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var n = Interlocked.Increment(ref _people);
        var email = $"std.ngo{n}.{Guid.NewGuid():N}@example.kz";
        var account = await app.SendAsync(new RegisterAccountCommand(email, "a long enough passphrase", "a long enough passphrase", "Member", AccountType.Applicant, "ru"));
        var user = PortalFactory.Principal(account.Value, email, Roles.Applicant);
        var org = await app.SendAsync(new RegisterOrganizationCommand("940140000385", "Ұйым", "Организация", LegalForm.PublicFoundation, 19, "Алматы", "+7 727 000 00 00", "org@example.kz", "Руководитель", false, null), user);
        Assert.True(org.IsSuccess, string.Join(",", org.Errors.Select(e => e.Code)));
        var bid = await app.SendAsync(new StartBidCommand(created.Value, org.Value), user);

        SaveBidDraftCommand Draft(int revision, params IndicatorInput[] indicators) => new(
            bid.Value, revision, "Үйде күтім", "Кратко", "Проблема", "Люди с инвалидностью", "Цели",
            [new ActivityInput("Уход", 1, 12)], "Результаты", indicators, "Устойчивость", "Команда",
            [new BudgetLineInput(1, BudgetCategory.Staff, "Соцработники", 1_500_000m)], 1_500_000m, 0m);

        Assert.True((await app.SendAsync(Draft(1, new IndicatorInput("QI-1 Охват", "0", "40"), new IndicatorInput("Другое", "0", "1")), user)).IsSuccess);
        var editor = await app.SendAsync(new GetBidEditorQuery(bid.Value), user);
        Assert.Equal(["QI-1", "QI-2"], editor!.StandardIndicators!.Select(i => i.Code));
        Assert.Equal(["QI-2"], editor.MissingIndicatorCodes);

        var refused = await app.SendAsync(new SubmitBidCommand(bid.Value, Guid.NewGuid()), user);
        var missing = Assert.Single(refused.Errors, e => e.Code == "Bid.StandardIndicatorMissing");
        Assert.Contains("QI-2", (string)missing.Args![0], StringComparison.Ordinal);

        Assert.True((await app.SendAsync(Draft(2, new IndicatorInput("QI-1 Охват", "0", "40"), new IndicatorInput("Доля удовлетворённых получателей", "0", "90")), user)).IsSuccess);
        var submitted = await app.SendAsync(new SubmitBidCommand(bid.Value, Guid.NewGuid()), user);
        Assert.True(submitted.IsSuccess, string.Join(",", submitted.Errors.Select(e => e.Code)));
    }
}
