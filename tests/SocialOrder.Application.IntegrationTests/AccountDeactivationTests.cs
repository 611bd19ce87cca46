using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.DeactivateUser;
using SocialOrder.Application.Accounts.ReactivateUser;
using SocialOrder.Application.Accounts.SignIn;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Administrators deactivate and reactivate accounts (ADR 31); the rules are tried to be broken.</summary>
public sealed class AccountDeactivationTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Deactivate_RefusesTheAdministratorsOwnAccount_AndTheLastActiveAdministrator_AndNonAdministrators()
    {
        var admin = await UserIdAsync("admin@socialorder.kz");

        var own = await app.SendAsync(new DeactivateUserCommand(admin), PortalFactory.Principal(admin, "admin@socialorder.kz", Roles.Administrator));
        Assert.Equal(ResultStatus.RuleBroken, own.Status);
        Assert.Equal("Rule.CannotDeactivateOwnAccount", own.Errors[0].Code);

        // A session of an administrator whose role was taken away meanwhile: the last active administrator stays.
        var ghost = PortalFactory.Principal(Guid.NewGuid(), "former.admin@example.kz", Roles.Administrator);
        var last = await app.SendAsync(new DeactivateUserCommand(admin), ghost);
        Assert.Equal(ResultStatus.RuleBroken, last.Status);
        Assert.Equal("Rule.KeepOneActiveAdministrator", last.Errors[0].Code);

        var official = await UserIdAsync("official@socialorder.kz");
        var byOfficial = await app.SendAsync(new DeactivateUserCommand(await UserIdAsync("expert2@socialorder.kz")), PortalFactory.Principal(official, "official@socialorder.kz", Roles.Official));
        Assert.Equal(ResultStatus.Forbidden, byOfficial.Status);

        var unknown = await app.SendAsync(new DeactivateUserCommand(Guid.NewGuid()), PortalFactory.Principal(admin, "admin@socialorder.kz", Roles.Administrator));
        Assert.Equal(ResultStatus.NotFound, unknown.Status);
        Assert.Null(await DeactivatedAtAsync(admin));
    }

    [Fact]
    public async Task Deactivate_RefusesTheRightPasswordWithItsOwnMessage_IsAudited_MailsTheOwner_AndReactivateUndoesIt()
    {
        const string email = "expert3@socialorder.kz";
        var admin = PortalFactory.Principal(await UserIdAsync("admin@socialorder.kz"), "admin@socialorder.kz", Roles.Administrator);
        var target = await UserIdAsync(email);

        var deactivated = await app.SendAsync(new DeactivateUserCommand(target), admin);
        Assert.True(deactivated.IsSuccess);
        Assert.Equal(email, deactivated.Value);
        Assert.NotNull(await DeactivatedAtAsync(target));
        var again = await app.SendAsync(new DeactivateUserCommand(target), admin);
        Assert.Equal(ResultStatus.Conflict, again.Status);

        var right = await app.SendAsync(new SignInCommand(email, DemoDataSeeder.DemoPassword, false));
        Assert.Equal("Account.Deactivated", right.Errors[0].Code);
        var wrong = await app.SendAsync(new SignInCommand(email, "not the password at all", false));
        Assert.Equal("Account.InvalidLogin", wrong.Errors[0].Code);

        await app.DeliverEmailsAsync();
        Assert.Single(app.Outbox(), m => m.To == email && m.Subject.Contains("отключена", StringComparison.Ordinal));

        var reactivated = await app.SendAsync(new ReactivateUserCommand(target), admin);
        Assert.True(reactivated.IsSuccess);
        Assert.Null(await DeactivatedAtAsync(target));
        var back = await app.SendAsync(new SignInCommand(email, DemoDataSeeder.DemoPassword, false));
        Assert.True(back.IsSuccess);
        await app.DeliverEmailsAsync();
        Assert.Single(app.Outbox(), m => m.To == email && m.Subject.Contains("снова включена", StringComparison.Ordinal));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trail = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == target.ToString()).Select(e => e.Action + ":" + e.Outcome).ToListAsync();
        Assert.Contains("DeactivateUser:Succeeded", trail);
        Assert.Contains("DeactivateUser:Conflict", trail);
        Assert.Contains("ReactivateUser:Succeeded", trail);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<DateTimeOffset?> DeactivatedAtAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Id == id).Select(u => u.DeactivatedAt).SingleAsync();
    }
}
