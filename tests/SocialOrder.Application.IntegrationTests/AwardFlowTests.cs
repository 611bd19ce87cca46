using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Awards;
using SocialOrder.Application.Awards.AddDissent;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.GetCallResults;
using SocialOrder.Application.Awards.GetProtocolPdf;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using UglyToad.PdfPig;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>The commission's decision through the use cases, with every refusal the issue names.</summary>
public sealed class AwardFlowTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    private async Task<(EvaluationSeeder.Seeded Seeded, ClaimsPrincipal Chair, ClaimsPrincipal Secretary, IReadOnlyList<MemberInput> Members)> ScoredCallAsync(int bids)
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var n = Interlocked.Increment(ref _people);
            var created = await app.SendAsync(new CreateStaffAccountCommand($"member{n}@gov.kz", $"Член комиссии {n}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            Assert.True(created.IsSuccess, string.Join(",", created.Errors.Select(e => e.Code)));
            ids.Add(created.Value);
        }

        var members = new List<MemberInput> { new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member) };
        return (seeded, Official(ids[0], seeded.OfficialStateBodyId), Official(ids[1], seeded.OfficialStateBodyId), members);
    }

    private static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);

    private async Task<AwardDecision> DecisionAsync(Guid callId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = new CallId(callId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == id);
    }

    [Fact]
    public async Task Decision_ProposedFromRanking_ChangedBySecretary_Confirmed_PublishesProtocolAndResults()
    {
        var (seeded, chair, secretary, members) = await ScoredCallAsync(bids: 5);
        var prepared = await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair);
        Assert.True(prepared.IsSuccess, string.Join(",", prepared.Errors.Select(e => e.Code)));
        var decision = await DecisionAsync(seeded.CallId);
        Assert.Equal(5, decision.Lines.Count);
        Assert.True(decision.Total <= decision.Budget);

        // No quorum yet: nobody is marked present.
        var early = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.Contains(early.Errors, e => e.Code == "Rule.DecisionNeedsQuorum");

        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [members[0].UserId, members[1].UserId]), chair)).IsSuccess);
        var winner = decision.Lines.OrderBy(l => l.Rank).First(l => l.Outcome == AwardOutcome.Awarded);

        var aboveRequest = await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, winner.BidId.Value, winner.Requested + 1, AwardOutcome.Awarded, "Больше, чем просили"), secretary);
        var unjustified = await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, winner.BidId.Value, winner.Requested - 100_000m, AwardOutcome.Awarded, null), secretary);
        var byChair = await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, winner.BidId.Value, winner.Requested - 100_000m, AwardOutcome.Awarded, "Транспортные расходы завышены"), chair);
        Assert.Equal("Rule.AmountAboveRequest", aboveRequest.Errors[0].Code);
        Assert.Equal("Rule.ChangeNeedsJustification", unjustified.Errors[0].Code);
        Assert.Equal("Rule.OnlySecretaryChanges", byChair.Errors[0].Code);
        Assert.Equal(winner.Amount, (await DecisionAsync(seeded.CallId)).Lines.Single(l => l.BidId == winner.BidId).Amount);

        var changed = await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, winner.BidId.Value, winner.Requested - 100_000m, AwardOutcome.Awarded, "Транспортные расходы завышены"), secretary);
        Assert.True(changed.IsSuccess);
        Assert.True((await app.SendAsync(new AddDissentCommand(seeded.CallId, members[2].UserId, "Считаю, что резерв должен быть больше."), secretary)).IsSuccess);

        var confirmed = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.True(confirmed.IsSuccess, string.Join(",", confirmed.Errors.Select(e => e.Code)));
        var again = await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair);
        Assert.Equal("Rule.DecisionLocked", again.Errors[0].Code);

        var locked = await DecisionAsync(seeded.CallId);
        Assert.Equal(DecisionStatus.Locked, locked.Status);
        Assert.Matches("^PRT-\\d{4}-\\d{4,}$", locked.ProtocolNumber!);
        Assert.Equal(64, locked.DecisionSha256!.Length);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var callId = new CallId(seeded.CallId);
            var bids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bids.AsNoTracking().Where(b => b.CallId == callId).ToListAsync();
            Assert.All(bids, b => Assert.NotNull(b.Outcome));
            Assert.Equal(winner.Requested - 100_000m, bids.Single(b => b.Id == winner.BidId).AwardedAmount);
            Assert.Equal(locked.Total, bids.Sum(b => b.AwardedAmount));
        }

        var results = await app.SendAsync(new GetCallResultsQuery(seeded.CallId));
        Assert.NotNull(results);
        Assert.Equal(winner.Requested - 100_000m, results.Rows.Single(r => r.Rank == winner.Rank).Awarded);

        var ru = await app.SendAsync(new GetProtocolPdfQuery(seeded.CallId, ProtocolLanguage.Ru));
        var kk = await app.SendAsync(new GetProtocolPdfQuery(seeded.CallId, ProtocolLanguage.Kk));
        Assert.NotNull(ru);
        Assert.NotNull(kk);
        Assert.Equal(locked.ProtocolRuSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ru.Content)));
        using var pdf = PdfDocument.Open(ru.Content);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains(locked.ProtocolNumber!, words, StringComparison.Ordinal);
        Assert.Contains(locked.DecisionSha256![..16], words.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftProtocol_ForAnotherStateBody_IsNotFound_AndPrepareOfAnotherBody_IsNotFound()
    {
        var (seeded, chair, _, members) = await ScoredCallAsync(bids: 2);
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), chair)).IsSuccess);
        var stranger = Official(Guid.NewGuid(), Guid.NewGuid());

        var draft = await app.SendAsync(new GetProtocolPdfQuery(seeded.CallId, ProtocolLanguage.Kk, Draft: true), stranger);
        var own = await app.SendAsync(new GetProtocolPdfQuery(seeded.CallId, ProtocolLanguage.Kk, Draft: true), chair);
        var publicBeforeLock = await app.SendAsync(new GetProtocolPdfQuery(seeded.CallId, ProtocolLanguage.Kk));
        var prepare = await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, members, 2m / 3m), stranger);

        Assert.Null(draft);
        Assert.NotNull(own);
        Assert.Null(publicBeforeLock);
        Assert.Equal(ResultStatus.NotFound, prepare.Status);
    }
}
