using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

// Deadline spike: N organizations (seeded with `dotnet run --project src/SocialOrder.Web -- --seed-spike N`) sign in,
// open their ready drafts, then all press "Submit" within a few seconds; one in ten also double-clicks (same key).
// Afterwards the database is asked what it holds: nothing lost, nothing duplicated. Loopback only.
var options = Args.Parse(args);
if (!options.Url.IsLoopback)
{
    Console.Error.WriteLine("Only a portal on this machine (localhost / 127.0.0.1) may be targeted.");
    return 2;
}

var clients = new ConcurrentBag<Applicant>();
var preparation = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(1, options.Users), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
{
    var applicant = new Applicant(options.Url, $"spike{i}@load.test");
    try
    {
        if (await applicant.PrepareAsync(options.Password, ct))
        {
            clients.Add(applicant);
            return;
        }
    }
    catch (HttpRequestException ex)
    {
        Console.Error.WriteLine($"spike{i}: {ex.Message}");
    }

    applicant.Dispose();
});
Console.WriteLine($"prepared {clients.Count}/{options.Users} applicants in {preparation.Elapsed.TotalSeconds:0.0} s");

var random = new Random(42);
var plan = clients.Select(c => (Client: c, Delay: TimeSpan.FromMilliseconds(random.NextDouble() * options.Seconds * 1000), Double: random.NextDouble() < 0.1)).ToList();
var results = new ConcurrentBag<(Applicant Client, string Outcome, double Ms)>();
var spikeStartedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
var spike = Stopwatch.StartNew();
await Task.WhenAll(plan.Select(async p =>
{
    await Task.Delay(p.Delay);
    var first = p.Client.SubmitAsync();
    Task<(string, double)>? second = null;
    if (p.Double)
    {
        await Task.Delay(20);
        second = p.Client.SubmitAsync();
    }

    var (outcome, ms) = await first;
    results.Add((p.Client, outcome, ms));
    if (second is not null)
    {
        var (o2, ms2) = await second;
        results.Add((p.Client, o2 + "(repeat)", ms2));
    }
}));
spike.Stop();

var latencies = results.Select(r => r.Ms).Order().ToArray();
double Percentile(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
var accepted = results.Where(r => r.Outcome == "accepted").Select(r => r.Client.BidId).Distinct().ToList();
Console.WriteLine($"requests {results.Count} in {spike.Elapsed.TotalSeconds:0.0} s; organizations {plan.Count}; double-clicks {plan.Count(p => p.Double)}");
foreach (var group in results.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {group.Key}: {group.Count()}");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"submit latency: p50 {Percentile(0.50):0} ms, p99 {Percentile(0.99):0} ms, max {latencies.LastOrDefault():0} ms"));

if (options.Database is { Length: > 0 } cs)
{
    await using var db = new NpgsqlConnection(cs);
    await db.OpenAsync();
    var ids = accepted.ToArray();
    await using var stored = new NpgsqlCommand("SELECT bid_id, count(*) FROM bid_submissions WHERE bid_id = ANY(@ids) AND submitted_at >= @since GROUP BY bid_id", db);
    stored.Parameters.AddWithValue("ids", ids);
    stored.Parameters.AddWithValue("since", spikeStartedAt);
    var counts = new Dictionary<Guid, long>();
    await using (var reader = await stored.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt64(1);
        }
    }

    var lost = ids.Count(id => !counts.ContainsKey(id));
    var duplicated = counts.Count(c => c.Value > 1);
    Console.WriteLine($"database: accepted bids {ids.Length}, stored {counts.Count}, lost {lost}, duplicated {duplicated}");
    return lost == 0 && duplicated == 0 ? 0 : 1;
}

return 0;

internal sealed record Args(Uri Url, int Users, double Seconds, string Password, string? Database)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new Args(
            new Uri(Get("--url", "http://localhost:5090")),
            int.Parse(Get("--users", "500"), CultureInfo.InvariantCulture),
            double.Parse(Get("--seconds", "10"), CultureInfo.InvariantCulture),
            Get("--password", "Spike-Password-2026"),
            Get("--db", string.Empty));
    }
}

internal sealed partial class Applicant(Uri baseUrl, string email) : IDisposable
{
    private readonly HttpClient _http = new(new CookieJar(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    private string _submitUrl = string.Empty;
    private string _token = string.Empty;
    private string _key = string.Empty;

    public Guid BidId { get; private set; }

    public void Dispose() => _http.Dispose();

    public async Task<bool> PrepareAsync(string password, CancellationToken ct)
    {
        var login = await _http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        using var signIn = await _http.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = Token(login),
        }), ct);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            return false;
        }

        using var bidsResponse = await _http.GetAsync(new Uri("/Applicant/Bids", UriKind.Relative), ct);
        if (bidsResponse.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"my bids: {(int)bidsResponse.StatusCode} {bidsResponse.Headers.Location} after sign-in to {signIn.Headers.Location}");
        }

        var bids = await bidsResponse.Content.ReadAsStringAsync(ct);
        var edit = EditLink().Match(bids);
        if (!edit.Success)
        {
            return false;
        }

        BidId = Guid.Parse(edit.Groups[1].Value);
        var editor = await _http.GetStringAsync(new Uri($"/Applicant/Bids/Edit/{BidId}", UriKind.Relative), ct);
        _key = SubmitKey().Match(editor).Groups[1].Value;
        _token = Token(editor);
        _submitUrl = $"/Applicant/Bids/Submit/{BidId}";
        return _key.Length > 0;
    }

    public async Task<(string Outcome, double Ms)> SubmitAsync()
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.PostAsync(new Uri(_submitUrl, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["submitKey"] = _key, ["__RequestVerificationToken"] = _token,
            }));
            var ms = watch.Elapsed.TotalMilliseconds;
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Receipt/", StringComparison.Ordinal) == true)
            {
                return ("accepted", ms);
            }

            return (response.StatusCode == HttpStatusCode.OK ? "refused" : "error-" + (int)response.StatusCode, ms);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ("error-" + ex.GetType().Name, watch.Elapsed.TotalMilliseconds);
        }
    }

    private static string Token(string html) => TokenRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("/Applicant/Bids/Edit/([0-9a-f-]{36})")]
    private static partial Regex EditLink();

    [GeneratedRegex("name=\"submitKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmitKey();
}

/// <summary>A minimal cookie jar (name=value only): enough for one portal session per simulated applicant.</summary>
internal sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }
        }

        return response;
    }
}
