using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Organizations.RegisterOrganization;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Administrators edit state bodies and reference data and see organizations' members (ADR 31).</summary>
public sealed class AdminReferencePagesTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EditStateBody_ChecksTheBinBesideTheField_RefusesAnotherBodysBin_AndSavesNamesAndRegion()
    {
        var admin = await SignedInAsync("admin@socialorder.kz");
        var id = await StateBodyIdAsync(DemoDataSeeder.AkimatBin);
        var url = $"/Admin/StateBodies/Edit/{id}";
        var fields = new Dictionary<string, string>
        {
            ["Form.NameKk"] = "Алматы қаласы әкімдігі", ["Form.NameRu"] = "Акимат города Алматы (изменён)", ["Form.NameEn"] = "Almaty city akimat",
            ["Form.Bin"] = "120240021113", ["Form.RegionId"] = "19",
        };

        using (var badChecksum = await admin.PostFormAsync(url, url, fields))
        {
            Assert.Equal(HttpStatusCode.OK, badChecksum.StatusCode);
            Assert.Equal(Resources.Text("Organization.BinInvalid"), WebPage.FieldError(await badChecksum.Content.ReadAsStringAsync(), "Form_Bin"));
        }

        fields["Form.Bin"] = DemoDataSeeder.MinistryBin;
        using (var taken = await admin.PostFormAsync(url, url, fields))
        {
            Assert.Equal(Resources.Text("StateBody.BinTaken"), WebPage.FieldError(await taken.Content.ReadAsStringAsync(), "Form_Bin"));
        }

        fields["Form.Bin"] = DemoDataSeeder.AkimatBin;
        fields["Form.RegionId"] = string.Empty;
        using (var akimatWithoutRegion = await admin.PostFormAsync(url, url, fields))
        {
            Assert.Equal(HttpStatusCode.OK, akimatWithoutRegion.StatusCode);
        }

        fields["Form.RegionId"] = "19";
        using (var saved = await admin.PostFormAsync(url, url, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var (_, list) = await admin.GetAsync("/Admin/StateBodies");
        Assert.Contains("Акимат города Алматы (изменён)", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/StateBodies/Edit/{Guid.NewGuid()}")).Status);
        using (var unknown = await admin.PostFormAsync(url, $"/Admin/StateBodies/Edit/{Guid.NewGuid()}", fields))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "EditStateBody" && e.EntityId == id.ToString() && e.Outcome == "Succeeded"));
    }

    [Fact]
    public async Task ReferenceData_RenamesAndDeactivates_AndAnInactiveAreaIsNoLongerOffered()
    {
        var admin = await SignedInAsync("admin@socialorder.kz");
        var fields = new Dictionary<string, string>
        {
            ["List"] = "PriorityArea", ["Id"] = "2", ["NameKk"] = "Мүгедектігі бар адамдар", ["NameRu"] = "Люди с инвалидностью", ["NameEn"] = "Persons with disabilities",
            ["IsActive"] = "false",
        };
        using (var saved = await admin.PostFormAsync("/Admin/ReferenceData", "/Admin/ReferenceData/Edit", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var (_, page) = await admin.GetAsync("/Admin/ReferenceData");
        Assert.Contains("Люди с инвалидностью", page, StringComparison.Ordinal);
        // Forms for new records stop offering it; the administration (and records that use it) still see it.
        Assert.DoesNotContain((await app.SendAsync(new GetReferenceDataQuery())).PriorityAreas, a => a.Id == "2");
        Assert.Contains((await app.SendAsync(new GetReferenceDataQuery(IncludeInactive: true))).PriorityAreas, a => a.Id == "2" && !a.IsActive);

        fields["IsActive"] = "true";
        (await admin.PostFormAsync("/Admin/ReferenceData", "/Admin/ReferenceData/Edit", fields)).Dispose();
        Assert.Contains((await app.SendAsync(new GetReferenceDataQuery())).PriorityAreas, a => a.Id == "2");

        fields["Id"] = "99999";
        using var unknown = await admin.PostFormAsync("/Admin/ReferenceData", "/Admin/ReferenceData/Edit", fields);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var area = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PriorityAreas.AsNoTracking().SingleAsync(a => a.Id == new PriorityAreaId(2));
        Assert.True(area.IsActive);
        Assert.Equal("Persons with disabilities", area.Name.En);
    }

    [Fact]
    public async Task Organizations_AreSearchedByNameOrBin_AndShowTheirMembers()
    {
        var applicant = await UserIdAsync("applicant@socialorder.kz");
        var org = await app.SendAsync(
            new RegisterOrganizationCommand("880540000009", "Қайырымдылық қоры", "Благотворительный фонд «Рассвет»", LegalForm.PublicFoundation, 19, "Алматы", "+7 727 000 00 00", "fund@example.kz", "Руководитель", false, null),
            PortalFactory.Principal(applicant, "applicant@socialorder.kz", Roles.Applicant));
        Assert.True(org.IsSuccess);

        var admin = await SignedInAsync("admin@socialorder.kz");
        var (status, byName) = await admin.GetAsync("/Admin/Organizations?search=" + Uri.EscapeDataString("рассвет"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Благотворительный фонд «Рассвет»", WebUtility.HtmlDecode(byName), StringComparison.Ordinal);
        var (_, byBin) = await admin.GetAsync("/Admin/Organizations?search=880540000009");
        Assert.Contains("880540000009", byBin, StringComparison.Ordinal);
        var (_, none) = await admin.GetAsync("/Admin/Organizations?search=nothing-like-this&page=2147483647");
        Assert.DoesNotContain("data-testid=\"organization-row\"", none, StringComparison.Ordinal);

        var (membersStatus, members) = await admin.GetAsync($"/Admin/Organizations/Members/{org.Value}");
        Assert.Equal(HttpStatusCode.OK, membersStatus);
        Assert.Contains("applicant@socialorder.kz", members, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Resources.Text("Organization.Role.Administrator")), members, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Organizations/Members/{Guid.NewGuid()}")).Status);

        var official = await SignedInAsync("official@socialorder.kz");
        Assert.NotEqual(HttpStatusCode.OK, (await official.GetAsync($"/Admin/Organizations/Members/{org.Value}")).Status);
    }

    private async Task<WebPage> SignedInAsync(string email)
    {
        var page = WebPage.Open(app);
        using var response = await page.SignInAsync(email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return page;
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> StateBodyIdAsync(string bin)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.SingleAsync(b => b.Bin == bin)).Id.Value;
    }
}
