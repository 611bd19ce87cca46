using System.Security.Claims;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Organizations;
using SocialOrder.Application.Organizations.AcceptInvitation;
using SocialOrder.Application.Organizations.GetMyOrganizations;
using SocialOrder.Application.Organizations.GetOrganization;
using SocialOrder.Application.Organizations.InviteMember;
using SocialOrder.Application.Organizations.RegisterOrganization;
using SocialOrder.Domain.Organizations;
using SocialOrder.Infrastructure.Email;
using SocialOrder.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SocialOrder.Application.IntegrationTests;

public sealed class OrganizationsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string Password = "a long enough passphrase";

    private static RegisterOrganizationCommand Ngo(string bin) => new(
        bin, "Жастар дауысы", "Голос молодёжи", LegalForm.PublicAssociation, 19, "Алматы, ул. Абая, 1", "+7 727 123 45 67",
        "info@example.kz", "Асанов Б.", true, "НПО-12345");

    private async Task<(Guid Id, ClaimsPrincipal Principal)> ApplicantAsync(string email)
    {
        var created = await app.SendAsync(new RegisterAccountCommand(email, Password, Password, "Person " + email, AccountType.Applicant, "ru"));
        Assert.True(created.IsSuccess);
        return (created.Value, PortalFactory.Principal(created.Value, email, Roles.Applicant));
    }

    [Fact]
    public async Task Register_ValidBin_MakesTheFounderItsAdministrator()
    {
        var (_, founder) = await ApplicantAsync("founder1@example.kz");

        var result = await app.SendAsync(Ngo("940140000385"), founder);

        Assert.True(result.IsSuccess);
        var view = await app.SendAsync(new GetOrganizationQuery(result.Value), founder);
        Assert.NotNull(view);
        Assert.True(view.YouAreAdministrator);
        Assert.Equal("НПО-12345", view.NgoDatabaseNumber);
        Assert.Equal("founder1@example.kz", Assert.Single(view.Members).Email);
    }

    [Fact]
    public async Task Register_InvalidOrTakenBin_IsRefusedOnTheBinField()
    {
        var (_, first) = await ApplicantAsync("founder2@example.kz");
        var (_, second) = await ApplicantAsync("founder3@example.kz");
        Assert.True((await app.SendAsync(Ngo("990140004654"), first)).IsSuccess);

        var invalid = await app.SendAsync(Ngo("990140004655"), second);
        var taken = await app.SendAsync(Ngo("990140004654"), second);

        Assert.Equal(("Bin", "Organization.BinInvalid"), (invalid.Errors[0].Field, invalid.Errors[0].Code));
        Assert.Equal(("Bin", "Organization.BinTaken"), (taken.Errors[0].Field, taken.Errors[0].Code));
    }

    [Fact]
    public async Task Register_SameBinTwiceAtOnce_CreatesOneOrganization()
    {
        var (_, a) = await ApplicantAsync("race.a@example.kz");
        var (_, b) = await ApplicantAsync("race.b@example.kz");

        var results = await Task.WhenAll(app.SendAsync(Ngo("061211600012"), a), app.SendAsync(Ngo("061211600012"), b));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.Errors.Any(e => e.Code == "Organization.BinTaken"));
    }

    [Fact]
    public async Task Invite_Accept_ThenTheColleagueSeesTheOrganization_AndOutsidersDoNot()
    {
        var (_, founder) = await ApplicantAsync("head@example.kz");
        var organization = (await app.SendAsync(Ngo("050540004455") with { NameRu = "Другая НПО" }, founder)).Value;
        var (colleagueId, colleague) = await ApplicantAsync("colleague@example.kz");
        var (_, outsider) = await ApplicantAsync("outsider@example.kz");

        Assert.Null(await app.SendAsync(new GetOrganizationQuery(organization), outsider));
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new InviteMemberCommand(organization, "x@example.kz", "ru"), outsider)).Status);

        Assert.True((await app.SendAsync(new InviteMemberCommand(organization, "colleague@example.kz", "kk"), founder)).IsSuccess);
        await app.DeliverEmailsAsync();

        var mail = Assert.Single(app.Outbox(), m => m.To == "colleague@example.kz" && m.Subject.Contains("шақыру", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(mail.HtmlBody, "token=([0-9a-f]+)").Groups[1].Value;

        var stolen = await app.SendAsync(new AcceptInvitationCommand(token), outsider);
        Assert.Equal("Rule.InvitationInvalid", Assert.Single(stolen.Errors).Code);
        var joined = await app.SendAsync(new AcceptInvitationCommand(token), colleague);
        Assert.True(joined.IsSuccess);

        var view = await app.SendAsync(new GetOrganizationQuery(organization), colleague);
        Assert.Contains(view!.Members, m => m.UserId == colleagueId && m.Role == MemberRole.Member);
        Assert.False(view.YouAreAdministrator);
        var mine = await app.SendAsync(new GetMyOrganizationsQuery(), colleague);
        Assert.Contains(mine, o => o.Id == organization);
    }
}
