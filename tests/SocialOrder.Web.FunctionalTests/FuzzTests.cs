using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>
/// Malformed requests, as a hostile or clumsy client sends them, against every kind of form and list the portal has:
/// huge and overflowing numbers, 100 KB strings, impossible dates, wrong types, duplicated fields, bidi overrides, NULs
/// and bytes that are not UTF-8. Whatever is sent, the answer is a page or a refusal, never a 500.
/// </summary>
public sealed partial class FuzzTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const int RequestsPerTarget = 110;

    private static readonly string[] Hostile =
    [
        string.Empty, " ", "0", "-1", "2147483648", "-2147483649", "99999999999999999999999999999999", "79228162514264337593543950336",
        "1e308", "NaN", "-0", "1,5", "1.5.5", "0x10", "true", "null", "[]", "{}", "undefined",
        "0001-01-01T00:00", "9999-12-31T23:59", "2027-02-30T10:00", "24:61", "yesterday",
        "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "not-a-guid",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE calls; --", "../../etc/passwd",
        "\u202Eevil.exe", "😀🇰🇿", "Z\u0301\u0301\u0301", "\uFEFF", "қазақ тілі", "%00", "%%", "&=&=",
        new string('я', 100_000), new string('9', 5_000),
    ];

    /// <summary>Bytes that are not UTF-8, and a NUL: the framework cannot read such a form at all (400).</summary>
    private static readonly byte[][] Unreadable = [[0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x41, 0x00, 0x42]];

    private sealed record Target(string Name, WebPage Page, string FormUrl, string Action, bool Get, IReadOnlyList<string> Fields);

    [Fact]
    public async Task OneThousandMalformedRequests_AcrossFormsListsAndDocuments_NeverAnswer500()
    {
        var targets = await TargetsAsync();
        var random = new Random(20261204);
        var failures = new List<string>();
        var sent = 0;
        foreach (var target in targets)
        {
            var token = target.Get ? null : WebPage.AntiforgeryToken((await target.Page.GetAsync(target.FormUrl)).Html);
            for (var i = 0; i < RequestsPerTarget; i++)
            {
                var body = Mutate(target.Fields, random, token);
                using var response = target.Get
                    ? await target.Page.Client.GetAsync(new Uri(target.Action + "?" + Encoding.Latin1.GetString(body), UriKind.Relative))
                    : await target.Page.Client.PostAsync(new Uri(target.Action, UriKind.Relative), Form(body));
                sent++;
                var status = (int)response.StatusCode;
                if (status is >= 500 or < 100)
                {
                    failures.Add($"{target.Name} #{i}: {status} for {Encoding.Latin1.GetString(body)[..Math.Min(300, body.Length)]}");
                }
                else if (status == 200 && (await response.Content.ReadAsStringAsync()).Contains("   at SocialOrder.", StringComparison.Ordinal))
                {
                    failures.Add($"{target.Name} #{i}: a stack trace in the page");
                }
            }
        }

        Assert.True(sent >= 1000, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static ByteArrayContent Form(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>The form's own fields (and a few it does not have), most with a hostile value, some twice, some left out.</summary>
    private static byte[] Mutate(IReadOnlyList<string> fields, Random random, string? token)
    {
        var body = new List<byte>();
        void Add(string name, byte[] value)
        {
            if (body.Count > 0)
            {
                body.Add((byte)'&');
            }

            body.AddRange(Encoding.ASCII.GetBytes(Uri.EscapeDataString(name)));
            body.Add((byte)'=');
            body.AddRange(value);
        }

        // Unreadable bytes make the whole form a 400, so only one request in eight carries them, in one field.
        var poisoned = random.Next(8) == 0 ? random.Next(fields.Count) : -1;
        var index = 0;
        byte[] Value()
        {
            if (index++ == poisoned)
            {
                return [.. Unreadable[random.Next(Unreadable.Length)].SelectMany(b => Encoding.ASCII.GetBytes($"%{b:X2}"))];
            }

            var text = Hostile[random.Next(Hostile.Length)];
            return Encoding.ASCII.GetBytes(Uri.EscapeDataString(text));
        }

        if (token is not null)
        {
            Add("__RequestVerificationToken", Encoding.ASCII.GetBytes(Uri.EscapeDataString(token)));
        }

        string[] extra = ["page", "Form.Criteria[2147483647].Weight", "Form.Budget[-1].Amount", "Form.Scores[99999].Points", "id", "Form.Activities.Index"];
        foreach (var name in fields.Concat(extra.Where(_ => random.Next(3) == 0)))
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                continue;
            }

            Add(name, Value());
            if (roll == 1)
            {
                Add(name, Value());
            }
        }

        return [.. body];
    }

    private async Task<WebPage> SignedInAsync(string email)
    {
        var page = WebPage.Open(app);
        (await page.SignInAsync(email, DemoDataSeeder.DemoPassword)).Dispose();
        return page;
    }

    private static IReadOnlyList<string> FieldNames(string html) =>
        [.. FieldName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(n => n != "__RequestVerificationToken" && n != "culture" && n != "returnUrl").Distinct()];

    private static async Task<Target> FormTargetAsync(string name, WebPage page, string formUrl, string action)
    {
        var (status, html) = await page.GetAsync(formUrl);
        Assert.True(status == HttpStatusCode.OK, $"{name}: {formUrl} answered {status}");
        var fields = FieldNames(html);
        Assert.True(fields.Count > 0, $"{name}: no fields on {formUrl}");
        return new Target(name, page, formUrl, action, false, fields);
    }

    private async Task<List<Target>> TargetsAsync()
    {
        var anonymous = WebPage.Open(app);
        var applicant = await SignedInAsync("applicant@socialorder.kz");
        var official = await SignedInAsync("official@socialorder.kz");
        var expert = await SignedInAsync("expert@socialorder.kz");
        var admin = await SignedInAsync("admin@socialorder.kz");
        var bidEditor = await BidEditorAsync(applicant);
        var sheet = $"/Expert/Assignments/Score/{(await Scenarios.AcceptedAssignmentAsync(app)).AssignmentId}";

        return
        [
            new("catalogue", anonymous, "/Calls", "/Calls", true, ["q", "status", "region", "area", "instrument", "term", "budgetFrom", "budgetTo", "sort", "page"]),
            new("audit", admin, "/Admin/Audit", "/Admin/Audit", true, ["action", "actor", "outcome", "page"]),
            new("pool", official, "/Organizer/Evaluation/Pool", "/Organizer/Evaluation/Pool", true, ["id", "priorityArea", "region", "language", "search", "page"]),
            await FormTargetAsync("sign-in", WebPage.Open(app), "/Account/Login", "/Account/Login"),
            await FormTargetAsync("registration", WebPage.Open(app), "/Account/Register", "/Account/Register"),
            await FormTargetAsync("organization", applicant, "/Applicant/Organizations/Register", "/Applicant/Organizations/Register"),
            await FormTargetAsync("bid", applicant, bidEditor, bidEditor),
            await FormTargetAsync("bid autosave", applicant, bidEditor, bidEditor.Replace("/Edit/", "/Autosave/", StringComparison.Ordinal)),
            await FormTargetAsync("score sheet", expert, sheet, sheet),
            await FormTargetAsync("call", official, "/Organizer/Calls/Create", "/Organizer/Calls/Create"),
        ];
    }

    private async Task<string> BidEditorAsync(WebPage applicant)
    {
        var callId = await Scenarios.OpenCallAsync(app);
        using (var org = await applicant.PostFormAsync("/Applicant/Organizations/Register", "/Applicant/Organizations/Register", new Dictionary<string, string>
        {
            ["Form.Bin"] = "940140000385", ["Form.NameKk"] = "Жастар дауысы", ["Form.NameRu"] = "Голос молодёжи", ["Form.LegalForm"] = "PublicAssociation",
            ["Form.RegionId"] = "19", ["Form.Address"] = "Алматы", ["Form.Phone"] = "+7 727 123 45 67", ["Form.Email"] = "ngo@example.kz", ["Form.HeadName"] = "Асанов",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, org.StatusCode);
        }

        var (_, applyHtml) = await applicant.GetAsync($"/Applicant/Bids/Apply?callId={callId}");
        var organizationId = Regex.Match(applyHtml, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        using var applied = await applicant.PostFormAsync($"/Applicant/Bids/Apply?callId={callId}", "/Applicant/Bids/Apply",
            new Dictionary<string, string> { ["callId"] = callId.ToString(), ["organizationId"] = organizationId });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        return applied.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sname=\"([^\"]+)\"")]
    private static partial Regex FieldName();
}
