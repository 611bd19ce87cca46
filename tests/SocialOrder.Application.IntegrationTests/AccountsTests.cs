using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Accounts.SignIn;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed class AccountsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string GoodPassword = "correct horse battery";

    [Fact]
    public async Task RegisterAccount_WithValidData_CreatesUnconfirmedApplicantAndMailsConfirmationLink()
    {
        var result = await app.SendAsync(new RegisterAccountCommand("ngo.head@example.kz", GoodPassword, GoodPassword, "Асель Нурова", AccountType.Applicant, "kk"));

        Assert.True(result.IsSuccess);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.QueryUsers(Roles.Applicant).SingleAsync(u => u.Email == "ngo.head@example.kz");
        Assert.False(user.EmailConfirmed);
        Assert.Equal(result.Value, user.Id);
        var mail = Assert.Single(app.Outbox(), m => m.To == "ngo.head@example.kz");
        Assert.Contains("электрондық поштаны растаңыз", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/Account/ConfirmEmail?userId=" + user.Id, mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAccount_AsExpertCandidate_GetsNoExpertRoleUntilApproved()
    {
        var result = await app.SendAsync(new RegisterAccountCommand("candidate@example.kz", GoodPassword, GoodPassword, "Ерлан Омаров", AccountType.ExpertCandidate, "ru"));

        Assert.True(result.IsSuccess);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.QueryUsers(null).SingleAsync(u => u.Email == "candidate@example.kz");
        Assert.Empty(user.Roles);
        Assert.Equal("Pending", user.ExpertCandidacy);
    }

    [Fact]
    public async Task RegisterAccount_WithShortPasswordAndMissingName_FailsPerFieldAndCreatesNothing()
    {
        var result = await app.SendAsync(new RegisterAccountCommand("short@example.kz", "short", "short", "", AccountType.Applicant, "ru"));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == "Password" && e.Code == "Validation.MinimumLengthValidator");
        Assert.Contains(result.Errors, e => e.Field == "FullName" && e.Code == "Validation.NotEmptyValidator");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "short@example.kz"));
    }

    [Fact]
    public async Task RegisterAccount_WithTakenEmail_AnswersAsForANewAddress_CreatesNothing_AndTellsTheOwner()
    {
        var taken = DemoDataSeeder.Accounts[3].Email;

        var result = await app.SendAsync(new RegisterAccountCommand(taken, GoodPassword, GoodPassword, "Someone", AccountType.Applicant, "en"));

        Assert.True(result.IsSuccess);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == taken));
        var mail = Assert.Single(app.Outbox(), m => m.To == taken && m.Subject == "SocialOrder: you already have an account");
        Assert.Contains("/Account/ResetPassword?", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAccount_WithMismatchedConfirmation_FailsOnConfirmField()
    {
        var result = await app.SendAsync(new RegisterAccountCommand("mismatch@example.kz", GoodPassword, GoodPassword + "x", "Name", AccountType.Applicant, "ru"));

        Assert.Contains(result.Errors, e => e.Field == "ConfirmPassword" && e.Code == "Account.PasswordsDoNotMatch");
    }

    [Fact]
    public async Task SignIn_TenWrongPasswords_LockTheAccountEvenForTheRightPassword_TellOnlyTheOwner_AndMailAnUnlockLink()
    {
        var email = "lock.me@example.kz";
        var created = await app.SendAsync(new RegisterAccountCommand(email, GoodPassword, GoodPassword, "Lock Me", AccountType.Applicant, "en"));
        Assert.True(created.IsSuccess);
        await ConfirmAsync(created.Value);

        for (var attempt = 1; attempt <= 9; attempt++)
        {
            var wrong = await app.SendAsync(new SignInCommand(email, "wrong password " + attempt, false));
            Assert.Equal("Account.InvalidLogin", Assert.Single(wrong.Errors).Code);
        }

        await app.DeliverEmailsAsync();
        Assert.DoesNotContain(app.Outbox(), m => m.To == email && m.Subject.Contains("locked", StringComparison.Ordinal));
        var tenth = await app.SendAsync(new SignInCommand(email, "wrong password 10", false));
        Assert.Equal("Account.InvalidLogin", Assert.Single(tenth.Errors).Code);
        var unknown = await app.SendAsync(new SignInCommand("nobody.here@example.kz", "wrong password 11", false));
        Assert.Equal("Account.InvalidLogin", Assert.Single(unknown.Errors).Code);
        var right = await app.SendAsync(new SignInCommand(email, GoodPassword, false));
        Assert.Equal("Account.LockedOut", Assert.Single(right.Errors).Code);

        // The attempt that locked it e-mailed the owner, in the owner's language, once.
        await app.DeliverEmailsAsync();
        var mail = Assert.Single(app.Outbox(), m => m.To == email && m.Subject == "SocialOrder: your account was locked");
        var link = System.Text.RegularExpressions.Regex.Match(mail.HtmlBody, "/Account/Unlock\\?userId=([0-9a-f-]+)&amp;code=([^\"&]+)");
        Assert.True(link.Success, mail.HtmlBody);
        Assert.Equal(created.Value.ToString(), link.Groups[1].Value);

        var forged = await app.SendAsync(new SocialOrder.Application.Accounts.Unlock.UnlockAccountCommand(created.Value, "bm90LWEtdG9rZW4"));
        Assert.Equal("Account.InvalidToken", Assert.Single(forged.Errors).Code);
        var unlocked = await app.SendAsync(new SocialOrder.Application.Accounts.Unlock.UnlockAccountCommand(created.Value, link.Groups[2].Value));
        Assert.True(unlocked.IsSuccess);
        var after = await app.SendAsync(new SignInCommand(email, GoodPassword, false));
        Assert.True(after.IsSuccess);
    }

    [Fact]
    public async Task SignIn_EveryAttempt_IsRecordedForTheAccountWithItsOutcome()
    {
        var email = "history@example.kz";
        var created = await app.SendAsync(new RegisterAccountCommand(email, GoodPassword, GoodPassword, "History", AccountType.Applicant, "ru"));
        await ConfirmAsync(created.Value);

        await app.SendAsync(new SignInCommand(email, "a wrong password", false));
        await app.SendAsync(new SignInCommand(email, GoodPassword, false));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = await db.SignInAttempts.Where(a => a.UserId == created.Value).OrderBy(a => a.Id).Select(a => a.Succeeded).ToListAsync();
        Assert.Equal([false, true], attempts);
    }

    [Fact]
    public async Task SignIn_BeforeEmailConfirmed_IsRefusedWithConfirmMessage()
    {
        var email = "unconfirmed@example.kz";
        Assert.True((await app.SendAsync(new RegisterAccountCommand(email, GoodPassword, GoodPassword, "U", AccountType.Applicant, "ru"))).IsSuccess);

        var result = await app.SendAsync(new SignInCommand(email, GoodPassword, false));

        Assert.Equal("Account.EmailNotConfirmed", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task SignIn_DemoOfficial_SucceedsWithOfficialRole()
    {
        var result = await app.SendAsync(new SignInCommand("official@socialorder.kz", DemoDataSeeder.DemoPassword, false));

        Assert.True(result.IsSuccess);
        Assert.Contains(Roles.Official, result.Value.Roles);
    }

    private async Task ConfirmAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
        var token = await identity.GenerateEmailConfirmationTokenAsync(userId);
        Assert.True((await identity.ConfirmEmailAsync(userId, token!)).IsSuccess);
    }
}
