using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Agreements.Terminate;
using SocialOrder.Application.Awards.ChangeDecisionLine;
using SocialOrder.Application.Awards.ConfirmDecision;
using SocialOrder.Application.Awards.PrepareDecision;
using SocialOrder.Application.Awards.RecordAttendance;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Feedback.GetFeedbackForm;
using SocialOrder.Application.Feedback.GetFeedbackSummary;
using SocialOrder.Application.Feedback.GetProjectFeedback;
using SocialOrder.Application.Feedback.OpenFeedbackPoster;
using SocialOrder.Application.Feedback.SubmitFeedback;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Beneficiary feedback by a project's token: what the public form reaches, and who reads the comments (issue 11, ADR 26).</summary>
public sealed class FeedbackTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);
    private static int _people;

    private static ClaimsPrincipal Official(Guid id, Guid body) => PortalFactory.Principal(id, $"{id}@gov.kz", body, Roles.Official);

    /// <summary>A locked decision funding two bids; their agreements drafted; the first issued and accepted.</summary>
    private async Task<(Agreement Accepted, Agreement Other, ClaimsPrincipal Official, ClaimsPrincipal NgoAdmin, Guid BodyId)> AcceptedAsync()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, 3, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var n = Interlocked.Increment(ref _people);
            var created = await app.SendAsync(new CreateStaffAccountCommand($"fb.member{n}.{Guid.NewGuid():N}@gov.kz", $"Член {n}", Roles.Official, seeded.OfficialStateBodyId, "ru"), Admin);
            ids.Add(created.Value);
        }

        var chair = Official(ids[0], seeded.OfficialStateBodyId);
        var secretary = Official(ids[1], seeded.OfficialStateBodyId);
        Assert.True((await app.SendAsync(new PrepareDecisionCommand(seeded.CallId, [new(ids[0], CommissionRole.Chair), new(ids[1], CommissionRole.Secretary), new(ids[2], CommissionRole.Member)], 2m / 3m), chair)).IsSuccess);
        Assert.True((await app.SendAsync(new RecordAttendanceCommand(seeded.CallId, [ids[0], ids[1]]), chair)).IsSuccess);
        var decision = await Db(db => db.AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == new CallId(seeded.CallId)));
        var last = decision.Lines.OrderBy(l => l.Rank).Last();
        Assert.True((await app.SendAsync(new ChangeDecisionLineCommand(seeded.CallId, last.BidId.Value, 0m, AwardOutcome.NotAwarded, "Комиссия не поддержала проект"), secretary)).IsSuccess);
        Assert.True((await app.SendAsync(new ConfirmDecisionCommand(seeded.CallId), chair)).IsSuccess);

        var agreements = await Db(db => db.Agreements.AsNoTracking().Where(a => a.CallId == new CallId(seeded.CallId)).OrderBy(a => a.Number).ToListAsync());
        var first = agreements[0];
        Assert.True((await app.SendAsync(new IssueAgreementCommand(first.Id.Value), chair)).IsSuccess);
        var founder = await Db(db => db.Organizations.AsNoTracking().Where(o => o.Id == first.OrganizationId).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync());
        var admin = PortalFactory.Principal(founder, $"{founder:N}@ngo.itest", Roles.Applicant);
        Assert.True((await app.SendAsync(new AcceptAgreementCommand(first.Id.Value), admin)).IsSuccess);
        return (first, agreements[1], chair, admin, seeded.OfficialStateBodyId);
    }

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<int> StoredAsync(AgreementId id) => Db(db => db.BeneficiaryFeedback.CountAsync(f => f.AgreementId == id));

    [Fact]
    public async Task Feedback_ByToken_IsStored_OnlyTheBodyAndTheOrganizationReadIt_AndTheFormReachesNothingElse()
    {
        var (agreement, other, official, ngoAdmin, body) = await AcceptedAsync();

        var poster = await app.SendAsync(new OpenFeedbackPosterCommand(agreement.Id.Value), official);
        Assert.True(poster.IsSuccess);
        var token = poster.Value.Token;
        Assert.Equal(token, (await app.SendAsync(new OpenFeedbackPosterCommand(agreement.Id.Value), ngoAdmin)).Value.Token);
        Assert.DoesNotContain(agreement.Id.Value.ToString("N")[..12], token, StringComparison.OrdinalIgnoreCase);

        // A draft agreement has no poster; another body's official, an observer and an outsider get 404.
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new OpenFeedbackPosterCommand(other.Id.Value), official)).Status);
        var stranger = Official(Guid.NewGuid(), Guid.NewGuid());
        var observer = PortalFactory.Principal(Guid.NewGuid(), "observer@gov.kz", body, Roles.Observer);
        var outsider = PortalFactory.Principal(Guid.NewGuid(), "outsider@ngo.kz", Roles.Applicant);
        foreach (var who in new[] { stranger, observer, outsider })
        {
            Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new OpenFeedbackPosterCommand(agreement.Id.Value), who)).Status);
            Assert.Null(await app.SendAsync(new GetProjectFeedbackQuery(agreement.Id.Value), who));
        }

        var form = await app.SendAsync(new GetFeedbackFormQuery(token));
        Assert.True(form!.Open);
        Assert.Equal(agreement.ProjectTitle, form.ProjectTitle);
        Assert.True((await app.SendAsync(new SubmitFeedbackCommand(token, 5, "Очень помогли", null, "ru"))).IsSuccess);
        Assert.True((await app.SendAsync(new SubmitFeedbackCommand(token, 2, null, null, "kk"))).IsSuccess);

        // Wrong, malformed or id-shaped tokens reach nothing.
        foreach (var wrong in new[] { new string('A', 24), agreement.Id.Value.ToString(), token[..23], token + "x", "../Agreements" })
        {
            Assert.Null(await app.SendAsync(new GetFeedbackFormQuery(wrong)));
            Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new SubmitFeedbackCommand(wrong, 5, null, null, "ru"))).Status);
        }

        // Out of range, too long: refused; the honeypot: answered as accepted, not stored.
        Assert.Equal(ResultStatus.Invalid, (await app.SendAsync(new SubmitFeedbackCommand(token, 6, null, null, "ru"))).Status);
        Assert.Equal(ResultStatus.Invalid, (await app.SendAsync(new SubmitFeedbackCommand(token, null, null, null, "ru"))).Status);
        Assert.Equal(ResultStatus.Invalid, (await app.SendAsync(new SubmitFeedbackCommand(token, 3, new string('x', 1001), null, "ru"))).Status);
        var bot = await app.SendAsync(new SubmitFeedbackCommand(token, 1, "spam", "http://spam.example", "ru"));
        Assert.True(bot.IsSuccess);
        Assert.Equal(Guid.Empty, bot.Value);
        Assert.Equal(2, await StoredAsync(agreement.Id));

        var read = await app.SendAsync(new GetProjectFeedbackQuery(agreement.Id.Value), ngoAdmin);
        Assert.Equal((2, 3.5m), (read!.Summary.Count, read.Summary.Mean));
        Assert.Equal([0, 1, 0, 0, 1], read.Summary.Distribution);
        Assert.Contains(read.Entries.Items, e => e.Comment == "Очень помогли");
        Assert.NotNull(await app.SendAsync(new GetProjectFeedbackQuery(agreement.Id.Value), official));

        var summary = await app.SendAsync(new GetFeedbackSummaryQuery(agreement.Id.Value), observer);
        Assert.Equal(2, summary!.Ratings.Count);
        Assert.False(summary.CanReadComments);
        Assert.Null(await app.SendAsync(new GetFeedbackSummaryQuery(agreement.Id.Value), stranger));

        // Terminated: the form shows the closed message and takes nothing.
        Assert.True((await app.SendAsync(new TerminateAgreementCommand(agreement.Id.Value, "Организация прекратила деятельность"), official)).IsSuccess);
        Assert.False((await app.SendAsync(new GetFeedbackFormQuery(token)))!.Open);
        var closed = await app.SendAsync(new SubmitFeedbackCommand(token, 4, null, null, "ru"));
        Assert.Equal("Feedback.Closed", closed.Errors[0].Code);
        Assert.Equal(2, await StoredAsync(agreement.Id));
    }
}
