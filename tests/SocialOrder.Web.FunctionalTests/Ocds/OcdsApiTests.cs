using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Infrastructure.OpenData;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests.Ocds;

/// <summary>
/// The OCDS API over a whole competition: every release and package it emits is valid against the official 1.1.5
/// schemas; drafts, sealed bids and personal data never appear; ETags, cursors and malformed parameters behave.
/// </summary>
public sealed class OcdsApiTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string Prefix = "ocds-xxxxxx";
    private readonly OcdsWorld _world = new(app);

    [Fact]
    public async Task Lifecycle_EveryReleaseRecordAndBulkLine_IsValidOcds115_AndTellsTheCallsStory()
    {
        var (competition, chair) = await _world.ClosedCompetitionAsync();
        var ocid = $"{Prefix}-{competition.Reference}";

        // Closed, not yet decided: statistics only, no bid of anyone, no award.
        var before = await RecordAsync(ocid);
        var beforeReleases = before["records"]![0]!["releases"]!.AsArray();
        Assert.Equal(["tender", "tenderUpdate", "tenderAmendment", "tenderUpdate"], beforeReleases.Select(r => r!["tag"]![0]!.GetValue<string>()));
        Assert.All(beforeReleases, r => Assert.Null(r!["awards"]));
        Assert.All(beforeReleases, r => Assert.Null(r!["bids"]?["details"]));
        Assert.Equal(4, beforeReleases[^1]!["bids"]!["statistics"]![0]!["value"]!.GetValue<int>());

        await _world.AwardAsync(competition, chair);
        var record = await RecordAsync(ocid);
        var releases = record["records"]![0]!["releases"]!.AsArray();
        var tender = releases[0]!;
        var enquiry = releases[1]!;
        var amendment = releases[2]!;
        var deadline = releases[3]!;
        var award = releases[4]!;
        Assert.Equal(5, releases.Count);
        Assert.All(releases, r => Assert.Equal(ocid, r!["ocid"]!.GetValue<string>()));
        Assert.Equal($"{ocid}-tender-", tender["id"]!.GetValue<string>()[..($"{ocid}-tender-".Length)]);

        // The tender as it stood: the original budget and deadline first, the amended ones from the amendment on.
        Assert.Equal(competition.OriginalBudget, tender["tender"]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("KZT", tender["tender"]!["value"]!["currency"]!.GetValue<string>());
        Assert.Equal(competition.AmendedBudget, amendment["tender"]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(DateTimeOffset.Parse(tender["tender"]!["tenderPeriod"]!["endDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            new DateTimeOffset(competition.OriginalCloses.Ticks - (competition.OriginalCloses.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        Assert.EndsWith("+05:00", tender["date"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(tender["tender"]!["amendments"]);
        Assert.Equal(OcdsWorld.AmendmentReason, amendment["tender"]!["amendments"]![0]!["rationale"]!.GetValue<string>());
        Assert.Equal(OcdsWorld.Answer, enquiry["tender"]!["enquiries"]![0]!["answer"]!.GetValue<string>());
        Assert.False(tender["tender"]!["hasEnquiries"]!.GetValue<bool>());
        Assert.Contains("REL", tender["tender"]!["awardCriteriaDetails"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("KZ-BIN-" + DemoDataSeeder.MinistryBin, tender["buyer"]!["id"]!.GetValue<string>());
        Assert.Equal(["buyer", "procuringEntity"], tender["parties"]![0]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(deadline["awards"]);
        Assert.Equal("complete", award["tender"]!["status"]!.GetValue<string>());

        // The award: winners by BIN with their amounts, the protocols with the hashes of the stored PDFs.
        AwardDecision decision;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var callId = new CallId(competition.CallId);
            decision = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AwardDecisions.AsNoTracking().SingleAsync(d => d.CallId == callId);
        }

        var awards = award["awards"]!.AsArray();
        var winners = decision.Lines.Where(l => l.Outcome == AwardOutcome.Awarded && l.Amount > 0).ToList();
        Assert.Equal(winners.Count, awards.Count);
        Assert.Equal(winners.Sum(w => w.Amount), awards.Sum(a => a!["value"]!["amount"]!.GetValue<decimal>()));
        var supplierIds = awards.Select(a => a!["suppliers"]![0]!["id"]!.GetValue<string>()).ToList();
        Assert.All(supplierIds, id => Assert.Matches("^KZ-BIN-[0-9]{12}$", id));
        Assert.All(supplierIds, id => Assert.Contains(award["parties"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id && p["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "supplier")));
        var protocols = awards[0]!["documents"]!.AsArray();
        Assert.Equal(decision.ProtocolRuSha256, protocols.Single(d => d!["language"]!.GetValue<string>() == "ru")!["sha256"]!.GetValue<string>());
        Assert.Equal(decision.ProtocolKkSha256, protocols.Single(d => d!["language"]!.GetValue<string>() == "kk")!["sha256"]!.GetValue<string>());
        using (var pdf = await WebPage.Open(app).Client.GetAsync(new Uri(new Uri(protocols[0]!["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal(protocols[0]!["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await pdf.Content.ReadAsByteArrayAsync())));
        }

        Assert.Equal(4, award["bids"]!["details"]!.AsArray().Count);
        Assert.All(award["bids"]!["details"]!.AsArray(), d => Assert.Equal(["id", "status"], d!.AsObject().Select(p => p.Key)));
        Assert.Equal(award["id"]!.GetValue<string>().Replace("-award-", "-", StringComparison.Ordinal)[..10], record["records"]![0]!["compiledRelease"]!["ocid"]!.GetValue<string>()[..10]);
        Assert.Equal(["compiled"], record["records"]![0]!["compiledRelease"]!["tag"]!.AsArray().Select(t => t!.GetValue<string>()));

        // Every package and release the API emits for it, and every line of the bulk file, against the official schemas.
        var failures = new List<string>();
        failures.AddRange(OcdsSchemas.Errors(OcdsSchemas.RecordPackage, before.ToJsonString()).Select(e => "record before award: " + e));
        failures.AddRange(OcdsSchemas.Errors(OcdsSchemas.RecordPackage, record.ToJsonString()).Select(e => "record: " + e));
        failures.AddRange(OcdsSchemas.Errors(OcdsSchemas.Release, record["records"]![0]!["compiledRelease"]!.ToJsonString()).Select(e => "compiled: " + e));
        var (pages, all) = await AllPagesAsync("/api/ocds/releases?limit=3");
        Assert.True(pages.Count >= 2, "the releases should span several pages");
        foreach (var page in pages)
        {
            failures.AddRange(OcdsSchemas.Errors(OcdsSchemas.ReleasePackage, page.ToJsonString()).Select(e => "package: " + e));
        }

        foreach (var release in all)
        {
            failures.AddRange(OcdsSchemas.Errors(OcdsSchemas.Release, release.ToJsonString()).Select(e => $"{release["id"]}: {e}"));
        }

        Assert.True(await app.Services.GetRequiredService<OcdsExportJob>().RunOnceAsync(CancellationToken.None));
        var lines = await BulkLinesAsync();
        Assert.Equal(all.Select(r => r["id"]!.GetValue<string>()), lines.Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()));
        foreach (var line in lines)
        {
            failures.AddRange(OcdsSchemas.Errors(OcdsSchemas.Release, line).Select(e => "bulk: " + e));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(50)));
        Assert.Contains(all, r => r["id"]!.GetValue<string>() == award["id"]!.GetValue<string>());

        // Nobody's name, e-mail or telephone: commission members, experts, heads and contacts of the organizations.
        var published = string.Join("\n", pages.Select(p => p.ToJsonString()).Append(record.ToJsonString()).Concat(lines));
        Assert.All(competition.Secrets.Where(s => s.Length > 3), secret => Assert.DoesNotContain(secret, published, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Абенов", published, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?<![0-9])[0-9]{12}(?![0-9])(?<!KZ-BIN-[0-9]{12})", System.Text.RegularExpressions.Regex.Replace(published, "\"(id|sha256|url|description)\":\"[^\"]*\"", string.Empty));
    }

    [Fact]
    public async Task DraftsAndCancelledDrafts_NeverAppear_AndTheirOcidIsNotFound()
    {
        var (draft, cancelled) = await _world.DraftsAsync();
        await _world.OpenCallWithBidAsync();

        var (_, all) = await AllPagesAsync("/api/ocds/releases");
        var text = string.Join("\n", all.Select(r => r.ToJsonString()));
        Assert.NotEmpty(all);
        Assert.DoesNotContain(OcdsWorld.DraftTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OcdsWorld.CancelledDraftTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, text, StringComparison.Ordinal);
        Assert.DoesNotContain(cancelled, text, StringComparison.Ordinal);
        foreach (var reference in new[] { draft, cancelled })
        {
            using var response = await WebPage.Open(app).Client.GetAsync(new Uri($"/api/ocds/records/{Prefix}-{reference}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task OpenCall_WithASubmittedBid_PublishesNoBidAtAll()
    {
        var open = await _world.OpenCallWithBidAsync();
        var record = await RecordAsync($"{Prefix}-{open.Reference}");
        var (_, all) = await AllPagesAsync("/api/ocds/releases");
        var text = record.ToJsonString() + string.Join("\n", all.Select(r => r.ToJsonString()));

        Assert.Equal(["tender"], record["records"]![0]!["releases"]!.AsArray().Select(r => r!["tag"]![0]!.GetValue<string>()));
        Assert.Null(record["records"]![0]!["releases"]![0]!["bids"]);
        Assert.Null(record["records"]![0]!["releases"]![0]!["tender"]!["numberOfTenderers"]);
        Assert.DoesNotContain(OcdsWorld.SecretBidTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(open.Receipt, text, StringComparison.Ordinal);
        Assert.DoesNotContain(open.OrganizationName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Асель Нурланова", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret.ngo@example.kz", text, StringComparison.Ordinal);
        Assert.Empty(OcdsSchemas.Errors(OcdsSchemas.RecordPackage, record.ToJsonString()));
    }

    [Fact]
    public async Task CursorPaging_ReturnsEveryReleaseExactlyOnce_InOrder()
    {
        await Scenarios.OpenCallAsync(app);
        await Scenarios.OpenCallAsync(app);
        await _world.OpenCallWithBidAsync();
        var (_, whole) = await AllPagesAsync("/api/ocds/releases");
        foreach (var limit in new[] { 1, 2, 5 })
        {
            var (pages, paged) = await AllPagesAsync($"/api/ocds/releases?limit={limit}");
            Assert.Equal(whole.Select(r => r["id"]!.GetValue<string>()), paged.Select(r => r["id"]!.GetValue<string>()));
            Assert.All(pages, p => Assert.True(p["releases"]!.AsArray().Count <= limit));
        }

        var ids = whole.Select(r => r["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var dates = whole.Select(r => DateTimeOffset.Parse(r["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
    }

    [Fact]
    public async Task Filters_BySinceUntilAndBody_KeepOnlyMatchingReleases()
    {
        var open = await _world.OpenCallWithBidAsync();
        var now = app.Clock.GetUtcNow();
        var (_, all) = await AllPagesAsync("/api/ocds/releases");
        var (_, ministry) = await AllPagesAsync($"/api/ocds/releases?body=KZ-BIN-{DemoDataSeeder.MinistryBin}");
        var (_, akimat) = await AllPagesAsync("/api/ocds/releases?body=000000000000");
        var since = Uri.EscapeDataString(now.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var (_, recent) = await AllPagesAsync($"/api/ocds/releases?since={since}");
        var (_, old) = await AllPagesAsync("/api/ocds/releases?until=2001-01-01");

        Assert.Equal(all.Count, ministry.Count);
        Assert.Empty(akimat);
        Assert.Empty(old);
        Assert.Contains(recent, r => r["ocid"]!.GetValue<string>() == $"{Prefix}-{open.Reference}");
        Assert.All(recent, r => Assert.True(DateTimeOffset.Parse(r["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= now.AddMinutes(-5).AddSeconds(-1)));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersIfNoneMatchWithItsETag_With304()
    {
        var open = await _world.OpenCallWithBidAsync();
        await app.Services.GetRequiredService<OcdsExportJob>().RunOnceAsync(CancellationToken.None);
        var client = WebPage.Open(app).Client;
        foreach (var path in new[] { "/api/ocds/releases?limit=2", $"/api/ocds/records/{Prefix}-{open.Reference}", "/api/ocds/releases.jsonl.gz", "/api/openapi.json" })
        {
            using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);

            using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            again.Headers.IfNoneMatch.Add(etag);
            using var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var other = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
            using var changed = await client.SendAsync(other);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
    }

    [Fact]
    public async Task MalformedParameters_AreRefusedWith400Problems_NeverA500()
    {
        await _world.OpenCallWithBidAsync();
        var (pages, _) = await AllPagesAsync("/api/ocds/releases?limit=1");
        var cursor = System.Web.HttpUtility.ParseQueryString(new Uri(pages[0]["links"]!["next"]!.GetValue<string>()).Query)["cursor"]!;
        var random = new Random(20);
        string Noise(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(33, 0x0500))]);
        var dates = new List<string>
        {
            "yesterday", "2027-13-01", "2027-02-30", "0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2027-1-1", "27-01-01", "2027/01/01",
            "2027-01-01T25:00:00+05:00", "2027-01-01T10:00:00", "2027-01-01T10:00:00+99:00", "-1", "0", "1e10", "null", "[]", "{}", "' OR 1=1 --",
            "2027-01-01T10:00:00.123456789012+05:00", new string('9', 1000), "%00", "２０２７-01-01",
        };
        var bodies = new List<string> { "1", "12345678901", "1234567890123", "KZ-BIN-", "KZ-BIN-12345", "abcdefghijkl", "٠١٢٣٤٥٦٧٨٩٠١", "' OR '1'='1", "KZ-IIN-123456789012", "-12345678901" };
        var cursors = new List<string> { "x", "====", cursor + "A", cursor[..^2], cursor.ToUpperInvariant(), "MXwxfDF8MXwx", "MXw5OTk5OTk5OTk5OTk5OTk5OTk5fDB8dGVuZGVyfA", "../../etc/passwd", new string('A', 500), "MXwtMXw" };
        var limits = new List<string> { "0", "101", "-1", "1.5", "abc", "1e2", "99999999999999999999", " 5", "0x10", "１" };
        for (var i = 0; i < 60; i++)
        {
            dates.Add(Noise(random.Next(1, 30)));
            bodies.Add(Noise(random.Next(1, 20)));
            cursors.Add(Convert.ToBase64String(Enumerable.Range(0, random.Next(1, 60)).Select(_ => (byte)random.Next(0, 256)).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            limits.Add(Noise(random.Next(1, 6)));
        }

        var requests = dates.Select(d => $"since={Uri.EscapeDataString(d)}")
            .Concat(dates.Select(d => $"until={Uri.EscapeDataString(d)}"))
            .Concat(bodies.Select(b => $"body={Uri.EscapeDataString(b)}"))
            .Concat(cursors.Select(c => $"cursor={Uri.EscapeDataString(c)}"))
            .Concat(limits.Select(l => $"limit={Uri.EscapeDataString(l)}"))
            .Append("since=2027-02-01&until=2027-01-01")
            .ToList();
        Assert.True(requests.Count >= 300, $"{requests.Count} requests");
        var client = WebPage.Open(app).Client;
        var failures = new List<string>();
        var refused = 0;
        foreach (var query in requests)
        {
            using var response = await client.GetAsync(new Uri("/api/ocds/releases?" + query, UriKind.Relative));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{query}: {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refused++;
                var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || problem["errors"] is not JsonObject { Count: > 0 } || problem["status"]!.GetValue<int>() != 400)
                {
                    failures.Add($"{query}: 400 without a problem naming the parameter");
                }
            }
            else if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{query}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(refused >= requests.Count - 20, $"only {refused} of {requests.Count} malformed requests were refused");
        foreach (var ocid in new[] { "x", Prefix, Prefix + "-", Prefix + "-../../x", Prefix + "-" + new string('A', 300), "ocds-other-SG-2099-0001", Prefix + "-%00" })
        {
            using var response = await client.GetAsync(new Uri("/api/ocds/records/" + Uri.EscapeDataString(ocid), UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task BulkJob_UnderTheAdvisoryLock_RunsOnOneNodeOnly_AndOncePerInterval()
    {
        await _world.OpenCallWithBidAsync();
        var job = app.Services.GetRequiredService<OcdsExportJob>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Another node holds the lock: this one does nothing.
            // Unpooled, so closing it ends the session and with it the lock (a pooled one would keep it while idle).
            await using var other = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ConnectionString);
            await other.OpenAsync();
            await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({OcdsExportJob.LockKey})", other))
            {
                await take.ExecuteNonQueryAsync();
            }

            var before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OcdsExport>().CountAsync();
            Assert.False(await job.RunOnceAsync(CancellationToken.None));
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OcdsExport>().CountAsync());
        }

        // Released, and no file yet (other tests of this class may have made one): two passes at once generate one
        // file between them; a third within the interval does nothing.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OcdsExport>().ExecuteDeleteAsync();
        }

        var passes = await Task.WhenAll(job.RunOnceAsync(CancellationToken.None), job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, passes.Count(p => p));
        Assert.False(await job.RunOnceAsync(CancellationToken.None));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OcdsExport>().CountAsync());
        }

        var (_, all) = await AllPagesAsync("/api/ocds/releases");
        Assert.Equal(all.Count, (await BulkLinesAsync()).Count);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesExactlyTheApiRoutes()
    {
        var (status, text) = await WebPage.Open(app).GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var document = JsonNode.Parse(text)!;
        Assert.StartsWith("3.0", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var described = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.AttributeRouteInfo?.Template)
            .OfType<string>()
            .Where(t => t.StartsWith("api/", StringComparison.Ordinal) && !t.StartsWith("api/test/", StringComparison.Ordinal))
            .Select(t => "/" + t)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(routes, described);
        var releases = document["paths"]!["/api/ocds/releases"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["since", "until", "body", "cursor", "limit", "If-None-Match"], releases);
    }

    [Fact]
    public void Schemas_UseNoDraft04OnlyConstructButTheRootId()
    {
        foreach (var file in OcdsSchemas.Files)
        {
            var schema = OcdsSchemas.Raw(file);
            Assert.Equal("http://json-schema.org/draft-04/schema#", schema["$schema"]!.GetValue<string>());
            Assert.Equal(OcdsSchemas.Base + file, schema["id"]!.GetValue<string>());
            var offending = new List<string>();
            Walk(schema, "#", offending, isSchema: true);
            Assert.True(offending.Count == 0, file + ": " + string.Join(", ", offending));
        }

        static void Walk(JsonNode? node, string path, List<string> offending, bool isSchema)
        {
            if (node is JsonObject o)
            {
                foreach (var (key, value) in o)
                {
                    if (isSchema && key is "exclusiveMinimum" or "exclusiveMaximum" && value is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
                    {
                        offending.Add($"{path}/{key} (boolean)");
                    }

                    if (isSchema && key == "id" && path != "#" && value is JsonValue)
                    {
                        offending.Add($"{path}/id");
                    }

                    // Under properties/definitions/patternProperties the keys are names, their values schemas.
                    var names = key is "properties" or "definitions" or "patternProperties";
                    if (isSchema && names && value is JsonObject children)
                    {
                        foreach (var (name, child) in children)
                        {
                            Walk(child, $"{path}/{key}/{name}", offending, isSchema: true);
                        }
                    }
                    else
                    {
                        Walk(value, $"{path}/{key}", offending, isSchema: isSchema && key is "items" or "additionalProperties" or "not" or "allOf" or "anyOf" or "oneOf");
                    }
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item, path + "/[]", offending, isSchema);
                }
            }
        }
    }

    [Fact]
    public void SchemaValidator_RefusesAReleaseWithoutOcid_OrWithABadDate()
    {
        var valid = new JsonObject
        {
            ["ocid"] = "ocds-xxxxxx-SG-2099-0001",
            ["id"] = "ocds-xxxxxx-SG-2099-0001-tender-20990101T000000Z",
            ["date"] = "2099-01-01T05:00:00+05:00",
            ["tag"] = new JsonArray("tender"),
            ["initiationType"] = "tender",
            ["tender"] = new JsonObject { ["id"] = "SG-2099-0001", ["value"] = new JsonObject { ["amount"] = 10, ["currency"] = "KZT" } },
        };
        Assert.Empty(OcdsSchemas.Errors(OcdsSchemas.Release, valid.ToJsonString()));

        var noOcid = (JsonObject)valid.DeepClone();
        noOcid.Remove("ocid");
        var badDate = (JsonObject)valid.DeepClone();
        badDate["date"] = "04.12.2026 10:00";
        var badCurrency = (JsonObject)valid.DeepClone();
        badCurrency["tender"]!["value"]!["currency"] = "TENGE";
        var badTag = (JsonObject)valid.DeepClone();
        badTag["tag"] = new JsonArray("bidding");
        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.Release, noOcid.ToJsonString()));
        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.Release, badDate.ToJsonString()));
        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.Release, badCurrency.ToJsonString()));
        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.Release, badTag.ToJsonString()));

        // Through the package's $ref to the release schema, resolved locally.
        var package = new JsonObject
        {
            ["uri"] = "https://portal.example/api/ocds/releases",
            ["version"] = "1.1",
            ["publishedDate"] = "2099-01-01T05:00:00+05:00",
            ["publisher"] = new JsonObject { ["name"] = "SocialOrder" },
            ["releases"] = new JsonArray(valid.DeepClone()),
        };
        Assert.Empty(OcdsSchemas.Errors(OcdsSchemas.ReleasePackage, package.ToJsonString()));
        package["releases"] = new JsonArray(noOcid.DeepClone());
        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.ReleasePackage, package.ToJsonString()));
    }

    private async Task<JsonObject> RecordAsync(string ocid)
    {
        using var response = await WebPage.Open(app).Client.GetAsync(new Uri($"/api/ocds/records/{ocid}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Follows links.next from the first page to the last; the packages and all their releases.</summary>
    private async Task<(List<JsonObject> Pages, List<JsonObject> Releases)> AllPagesAsync(string first)
    {
        var client = WebPage.Open(app).Client;
        var pages = new List<JsonObject>();
        var next = first;
        while (next is not null)
        {
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{next}: {(int)response.StatusCode} {text}");
            var page = JsonNode.Parse(text)!.AsObject();
            pages.Add(page);
            next = page["links"]?["next"]?.GetValue<string>() is { } link ? new Uri(link).PathAndQuery : null;
            Assert.True(pages.Count < 500, "paging does not end");
        }

        return (pages, [.. pages.SelectMany(p => p["releases"]!.AsArray().Select(r => r!.AsObject()))]);
    }

    private async Task<List<string>> BulkLinesAsync()
    {
        using var response = await WebPage.Open(app).Client.GetAsync(new Uri("/api/ocds/releases.jsonl.gz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType!.MediaType);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
