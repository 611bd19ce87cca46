using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// Small values the scenario tests share: a valid PDF to upload, Kazakhstan local time as the forms take it, the demo
/// experts, and a call with submitted bids put straight into the database for scenarios that start after the deadline.
/// </summary>
public static class BrowserTestData
{
    public const string ApplicantEmail = "applicant@socialorder.kz";

    public const string OfficialEmail = "official@socialorder.kz";

    public const string AdminEmail = "admin@socialorder.kz";

    public const string ObserverEmail = "observer@socialorder.kz";

    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    /// <summary>The smallest PDF the portal's content sniffing accepts (a catalogue, one page tree, one page).</summary>
    public static readonly byte[] MinimalPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    // Receipt numbers are unique across the calls a test class seeds.
    private static int _receipts = 900_000;

    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    /// <summary>The value a <c>datetime-local</c> input in Kazakhstan time (UTC+5) takes: yyyy-MM-ddTHH:mm.</summary>
    public static string KzLocalInput(DateTimeOffset utc) =>
        utc.ToOffset(Kazakhstan).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>HH:mm in Kazakhstan time, as the autosave status shows it.</summary>
    public static string KzClock(DateTimeOffset utc) => utc.ToOffset(Kazakhstan).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = MinimalPdf };

    /// <summary>The e-mail of a demo expert (approved, with a profile) by the full name the official's pages show.</summary>
    public static string ExpertEmail(string fullName) =>
        DemoDataSeeder.Accounts.Single(a => a.Role == Roles.Expert && a.FullName == fullName).Email;

    /// <summary>The full name of a demo account, as the portal shows it.</summary>
    public static string FullName(string email) => DemoDataSeeder.Accounts.Single(a => a.Email == email).FullName;

    /// <summary>A total or a mean as the Russian pages show it: two decimals with a comma.</summary>
    public static string Points(decimal value) => value.ToString("0.00", Russian);

    /// <summary>
    /// A published call of the demo ministry (the default methodology, no required documents, three experts per bid,
    /// divergence at 30 points, 50 to pass), open for two days and closing at <paramref name="closesAt"/>, with one
    /// submitted bid from each named organization, received in the order given, a minute apart, none checked yet.
    /// </summary>
    public static async Task<SeededCall> SeedCallWithSubmittedBidsAsync(PortalFactory portal, string titleRu, DateTimeOffset closesAt, params string[] organizations)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin);
        var opens = closesAt.AddDays(-2);
        var year = KazakhstanTime.ToLocal(opens).Year;
        var call = Call.CreateDraft($"SG-{year}-{Random.Shared.Next(1000, 9999)}", body.Id, new CallContent(
            new LocalizedText(titleRu + " (kk)", titleRu), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
            new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(1), null, Instrument.StateGrant, 20_000_000m, 5_000_000m, 12, CallTerm.Short, [],
            opens, closesAt, [], DefaultMethodology.Criteria, 3, 30m, 50m), opens.AddHours(-1));
        call.Publish(opens.AddHours(-1));
        call.ClearDomainEvents();
        db.Calls.Add(call);

        var bids = new List<SeededBid>();
        var binSeed = 330_000_000L + Random.Shared.Next(100_000) * 100L;
        for (var i = 0; i < organizations.Length; i++)
        {
            var founder = Guid.CreateVersion7();
            var at = opens.AddHours(1).AddMinutes(i);
            var organization = Organization.Register(NextBin(ref binSeed), new OrganizationDetails(
                new LocalizedText(organizations[i] + " (kk)", organizations[i]), LegalForm.PublicAssociation, new RegionId(19), "г. Алматы, ул. Абая, 10",
                "+7 727 123 45 67", "ngo@example.kz", "Асанов Ерлан", null), founder, at);
            db.Organizations.Add(organization);
            var bid = Bid.Start(call, organization.Id, founder, at);
            var requested = 1_500_000m + i * 250_000m;
            bid.SaveDraft(call, new BidContent(
                $"Проект «{organizations[i]}»", "Краткое описание проекта.", "Проблема подтверждена данными опроса.", "Подростки 14–17 лет.", "Цели проекта.",
                [new Activity("Занятия", 1, 6)], "Ожидаемые результаты.", [new Indicator("Участники", "0", "100")], "Устойчивость.", "Команда из трёх человек.",
                [new BudgetLine(1, BudgetCategory.Staff, "Координаторы", requested)], requested, 0m), 1, founder, at);
            var receipt = $"RCP-{year}-{Interlocked.Increment(ref _receipts)}";
            db.BidSubmissions.Add(bid.Submit(call, receipt, Guid.NewGuid(), founder, at.AddSeconds(30)));
            bid.ClearDomainEvents();
            db.Bids.Add(bid);
            bids.Add(new SeededBid(bid.Id.Value, receipt, organizations[i]));
        }

        await db.SaveChangesAsync();
        return new SeededCall(call.Id.Value, bids);
    }

    /// <summary>A valid BIN nobody else in the test database is likely to have (for an organization registered in the UI).</summary>
    public static string NewBin()
    {
        var seed = 440_000_000L + Random.Shared.Next(100_000) * 100L;
        return NextBin(ref seed).Value;
    }

    private static Bin NextBin(ref long seed)
    {
        while (true)
        {
            var prefix = (++seed).ToString("00000000000", CultureInfo.InvariantCulture);
            if (Enumerable.Range(0, 10).Select(d => prefix + d).FirstOrDefault(Bin.IsValid) is { } valid)
            {
                return Bin.Parse(valid);
            }
        }
    }
}

public sealed record SeededBid(Guid BidId, string ReceiptNumber, string OrganizationRu);

public sealed record SeededCall(Guid CallId, IReadOnlyList<SeededBid> Bids);
