using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialOrder.Application.Accounts.CreateStaffAccount;
using SocialOrder.Application.Accounts.DecideExpertCandidacy;
using SocialOrder.Application.Accounts.GetUsers;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed class StartupTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin =
        PortalFactory.Principal(Guid.NewGuid(), "admin@socialorder.kz", Roles.Administrator);

    [Fact]
    public async Task ReferenceData_Has17OblastsAnd3CitiesAndPriorityAreas()
    {
        var data = await app.SendAsync(new GetReferenceDataQuery());

        Assert.Equal(20, data.Regions.Count);
        Assert.Contains(data.Regions, r => r.Name.Ru == "город Шымкент");
        Assert.Contains(data.Regions, r => r.Name.Kk == "Ұлытау облысы");
        Assert.True(data.PriorityAreas.Count >= 10);
        Assert.Equal(2, data.StateBodies.Count);
    }

    [Fact]
    public async Task Initialize_RunTwice_IsIdempotent()
    {
        await DatabaseInitializer.InitializeAsync(app.Services, seedDemo: true);
        await DatabaseInitializer.InitializeAsync(app.Services, seedDemo: true);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(20, await db.Regions.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "admin@socialorder.kz"));
        Assert.Equal(5, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task Initialize_AgainstADatabaseMigratedByANewerVersion_Refuses()
    {
        await using var factory = new PortalFactory();
        await factory.InitializeAsync();
        _ = factory.Services;
        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ('29991231000000_FromTheFuture', '99.0.0')", connection);
            await insert.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<UnknownMigrationsException>(() => DatabaseInitializer.InitializeAsync(factory.Services, seedDemo: false));

        Assert.Contains("29991231000000_FromTheFuture", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStaffAccount_ByAdmin_TiesOfficialToStateBodyAndMailsAnInvitation()
    {
        var body = (await app.SendAsync(new GetReferenceDataQuery())).StateBodies[0];

        var result = await app.SendAsync(new CreateStaffAccountCommand("new.official@gov.kz", "Сауле Бекова", Roles.Official, body.Id, "ru"), Admin);

        Assert.True(result.IsSuccess);
        var users = await app.SendAsync(new GetUsersQuery("new.official", Roles.Official, false, 1));
        var user = Assert.Single(users.Items);
        Assert.Equal(body.Id, user.StateBodyId);
        Assert.Contains(app.Outbox(), m => m.To == "new.official@gov.kz" && m.HtmlBody.Contains("/Account/ResetPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateStaffAccount_ByNonAdmin_IsForbidden()
    {
        var body = (await app.SendAsync(new GetReferenceDataQuery())).StateBodies[0];
        var official = PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", Roles.Official);

        var result = await app.SendAsync(new CreateStaffAccountCommand("sneaky@gov.kz", "Sneaky", Roles.Official, body.Id, "ru"), official);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Empty((await app.SendAsync(new GetUsersQuery("sneaky", null, false, 1))).Items);
    }

    [Fact]
    public async Task CreateStaffAccount_WithApplicantRoleOrUnknownBody_IsRefusedPerField()
    {
        var result = await app.SendAsync(new CreateStaffAccountCommand("x@gov.kz", "X", Roles.Applicant, Guid.NewGuid(), "ru"), Admin);
        Assert.Contains(result.Errors, e => e.Field == "Role");

        var unknownBody = await app.SendAsync(new CreateStaffAccountCommand("y@gov.kz", "Y", Roles.Observer, Guid.NewGuid(), "ru"), Admin);
        Assert.Equal(("StateBodyId", "Account.StateBodyUnknown"), (unknownBody.Errors[0].Field, unknownBody.Errors[0].Code));
    }

    [Fact]
    public async Task DecideExpertCandidacy_Approve_GrantsExpertRoleOnce()
    {
        const string password = "expert candidate passphrase";
        var registered = await app.SendAsync(new RegisterAccountCommand("cand@example.kz", password, password, "Кандидат", AccountType.ExpertCandidate, "ru"));
        var withoutProfile = await app.SendAsync(new DecideExpertCandidacyCommand(registered.Value, true), Admin);
        var candidate = PortalFactory.Principal(registered.Value, "cand@example.kz");
        var saved = await app.SendAsync(new SocialOrder.Application.Evaluation.SaveExpertProfile.SaveExpertProfileCommand(
            new SocialOrder.Application.Evaluation.SaveExpertProfile.ExpertProfileForm([1, 2], [19], true, true, "Оценка социальных проектов, 8 лет.", true, 12)), candidate);

        var approved = await app.SendAsync(new DecideExpertCandidacyCommand(registered.Value, true), Admin);
        var again = await app.SendAsync(new DecideExpertCandidacyCommand(registered.Value, false), Admin);

        Assert.Equal("Expert.ProfileMissing", withoutProfile.Errors[0].Code);
        Assert.True(saved.IsSuccess);
        Assert.True(approved.IsSuccess);
        Assert.Equal(ResultStatus.Conflict, again.Status);
        var user = Assert.Single((await app.SendAsync(new GetUsersQuery("cand@example.kz", Roles.Expert, false, 1))).Items);
        Assert.Equal("Approved", user.ExpertCandidacy);
    }

    [Fact]
    public async Task GetUsers_Paginates()
    {
        var page1 = await app.SendAsync(new GetUsersQuery(null, null, false, 1, 2));
        var page2 = await app.SendAsync(new GetUsersQuery(null, null, false, 2, 2));

        Assert.Equal(2, page1.Items.Count);
        Assert.True(page1.TotalCount >= 6);
        Assert.Empty(page1.Items.Select(u => u.Id).Intersect(page2.Items.Select(u => u.Id)));
    }
}
