using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SocialOrder.EvaluationBenchmark;

/// <summary>Options of the load script; every count is bounded, and only loopback addresses are accepted.</summary>
internal sealed record PortalOptions(
    Uri BaseUrl, Guid? ProposeCall, Guid? RankingCall, Guid? AwardCall, string Out, string? Quorum, int Runs, int Requests, int Warmup, string Email, string Password,
    IReadOnlyList<int> ServerPids)
{
    public const string Usage =
        "usage: SocialOrder.EvaluationBenchmark --url http://localhost:5095 [--propose CALL_ID] [--runs 10] [--ranking CALL_ID] [--requests 200] [--warmup 20]" +
        " [--award CALL_ID] [--out DIR] [--quorum 70]\n" +
        "       [--email official@socialorder.kz] [--password ...] [--server-pids PORTAL_PID,POSTMASTER_PID]\n" +
        "   or: SocialOrder.EvaluationBenchmark --filter '*'   (BenchmarkDotNet: AssignmentPlanner.Plan, 500 bids × 60 experts)";

    public static PortalOptions? Parse(string[] args)
    {
        // "--name value" pairs; the last of a repeated name wins.
        var pairs = args.Chunk(2).ToList();
        if (pairs.Any(p => p.Length != 2 || !p[0].StartsWith("--", StringComparison.Ordinal)))
        {
            return null;
        }

        var values = pairs.GroupBy(p => p[0][2..], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        if (!Uri.TryCreate(values.GetValueOrDefault("url"), UriKind.Absolute, out var baseUrl))
        {
            return null;
        }

        Guid? Call(string name) => values.TryGetValue(name, out var v) && Guid.TryParse(v, out var id) ? id : null;
        int Count(string name, int fallback, int most) =>
            values.TryGetValue(name, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 0 ? Math.Min(n, most) : fallback;

        var pids = values.GetValueOrDefault("server-pids", string.Empty).Split(',')
            .Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var pid) ? pid : 0).Where(pid => pid > 0).ToList();
        var options = new PortalOptions(
            baseUrl, Call("propose"), Call("ranking"), Call("award"), values.GetValueOrDefault("out", "protocols"), values.GetValueOrDefault("quorum"),
            Count("runs", 10, 100), Count("requests", 200, 5000), Count("warmup", 20, 500),
            values.GetValueOrDefault("email", "official@socialorder.kz"), values.GetValueOrDefault("password", "SocialOrder-Demo-2026"), pids);
        return options.ProposeCall is null && options.RankingCall is null && options.AwardCall is null ? null : options;
    }
}

/// <summary>The load script: sign in, then the assignment and ranking measurements, one request at a time.</summary>
internal static partial class PortalRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = PortalOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(PortalOptions.Usage);
            return 2;
        }

        if (!options.BaseUrl.IsLoopback)
        {
            await Console.Error.WriteLineAsync($"Refusing {options.BaseUrl}: the benchmark only targets this machine (localhost, 127.0.0.1, ::1).");
            return 2;
        }

        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
        };

        // A throwaway self-signed certificate on loopback is accepted; nothing else is ever contacted.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => options.BaseUrl.IsLoopback;
        using var client = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(120) };
        var portal = new Portal(client);
        var cpu = new CpuMeter(options.ServerPids);
        try
        {
            await portal.SignInAsync(options.Email, options.Password);
            Console.WriteLine($"signed in   {options.Email} at {options.BaseUrl}");
            if (options.ProposeCall is { } proposeCall)
            {
                await MeasureAssignmentAsync(portal, cpu, proposeCall, options.Runs);
            }

            if (options.RankingCall is { } rankingCall)
            {
                await MeasureRankingAsync(portal, cpu, rankingCall, options.Requests, options.Warmup);
            }

            if (options.AwardCall is { } awardCall)
            {
                await AwardRun.RunAsync(portal, awardCall, options.Out, options.Quorum);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"FAILED: {ex.Message}");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// POST Propose (timed until the redirect answer), the dashboard it redirects to (timed apart, and read to check the
    /// number proposed), then POST Discard-all (timed) so the next run starts from the same state. Run 0 is printed but
    /// left out of the summary: in a portal that has not proposed yet, it is the cold one (JIT, query compilation).
    /// </summary>
    private static async Task MeasureAssignmentAsync(Portal portal, CpuMeter cpu, Guid callId, int runs)
    {
        var dashboard = $"/Organizer/Evaluation/Index/{callId}";
        var (_, page) = await portal.GetAsync(dashboard);
        var token = Portal.Token(page);
        if (Proposed(page) > 0)
        {
            Console.WriteLine($"discarding  {Proposed(page)} proposed assignments left by an earlier run");
            await portal.PostAsync($"/Organizer/Evaluation/Discard/{callId}", token);
        }

        var propose = new List<double>();
        var landing = new List<double>();
        var discard = new List<double>();
        var counts = new HashSet<int>();
        var proposeCpu = new List<double[]>();
        var discardCpu = new List<double[]>();
        for (var run = 0; run <= runs; run++)
        {
            var before = cpu.Read();
            var t0 = Stopwatch.GetTimestamp();
            var location = await portal.PostAsync($"/Organizer/Evaluation/Propose/{callId}", token);
            propose.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            proposeCpu.Add(cpu.Since(before));

            t0 = Stopwatch.GetTimestamp();
            (_, page) = await portal.GetAsync(location);
            landing.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            var proposed = Proposed(page);
            if (proposed <= 0)
            {
                throw new InvalidOperationException($"run {run}: the dashboard after Propose shows no proposed assignment");
            }

            counts.Add(proposed);
            before = cpu.Read();
            t0 = Stopwatch.GetTimestamp();
            await portal.PostAsync($"/Organizer/Evaluation/Discard/{callId}", token);
            discard.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            discardCpu.Add(cpu.Since(before));
            (_, page) = await portal.GetAsync(dashboard);
            if (Proposed(page) != 0)
            {
                throw new InvalidOperationException($"run {run}: {Proposed(page)} proposed assignments left after Discard");
            }

            Console.WriteLine(FormattableString.Invariant(
                $"run {run,2}{(run == 0 ? " (first)" : "        ")}  propose {propose[^1],7:0.0} ms · dashboard after it {landing[^1],7:0.0} ms · discard {discard[^1],7:0.0} ms · {proposed} proposed"));
        }

        Console.WriteLine($"assignment  call {callId}, {runs} warm runs (run 0 is left out), proposed per run: {string.Join(", ", counts)}");
        Console.WriteLine(Stats.Line("propose", propose.Skip(1)));
        Console.WriteLine(Stats.Line("dashboard", landing.Skip(1)));
        Console.WriteLine(Stats.Line("discard", discard.Skip(1)));
        if (cpu.Enabled)
        {
            Console.WriteLine(cpu.Describe("propose", proposeCpu.Skip(1).ToList(), 1));
            Console.WriteLine(cpu.Describe("discard", discardCpu.Skip(1).ToList(), 1));
        }
    }

    /// <summary>GET the ranking tab: once to check it (every bid ranked), warm-up requests, then timed requests read to the end.</summary>
    private static async Task MeasureRankingAsync(Portal portal, CpuMeter cpu, Guid callId, int requests, int warmup)
    {
        var url = $"/Organizer/Evaluation/Index/{callId}?tab=ranking";
        var t0 = Stopwatch.GetTimestamp();
        var (_, page) = await portal.GetAsync(url);
        var first = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var rows = RankingRow().Count(page);
        var unranked = page.Contains("data-testid=\"unranked\"", StringComparison.Ordinal);
        Console.WriteLine(FormattableString.Invariant($"ranking     call {callId}: {rows} ranked rows{(unranked ? ", SOME BIDS UNRANKED" : string.Empty)}; first request {first:0.0} ms"));
        if (rows == 0)
        {
            throw new InvalidOperationException("the ranking page has no ranked row: seed the call with sheets (--seed-evaluation 500 60 5)");
        }

        for (var i = 0; i < warmup; i++)
        {
            await portal.GetAsync(url);
        }

        var latencies = new List<double>(requests);
        var bytes = new HashSet<long>();
        var before = cpu.Read();
        for (var i = 0; i < requests; i++)
        {
            t0 = Stopwatch.GetTimestamp();
            var (length, _) = await portal.GetAsync(url);
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            bytes.Add(length);
        }

        Console.WriteLine(FormattableString.Invariant($"ranking     {requests} requests after {warmup} warm-up, one at a time; bytes per page: {string.Join(", ", bytes.Order())}"));
        var used = cpu.Since(before);
        Console.WriteLine(Stats.Line("ranking", latencies));
        if (cpu.Enabled)
        {
            Console.WriteLine(cpu.Describe("ranking", [used], requests));
        }
    }

    private static int Proposed(string page) => ConfirmButton().Match(page) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("data-testid=\"confirm\">[^<(]*\\((\\d+)\\)")]
    private static partial Regex ConfirmButton();

    [GeneratedRegex("data-testid=\"ranking-row\"")]
    private static partial Regex RankingRow();
}

/// <summary>A signed-in browser-like session: cookies kept, redirects not followed, anti-forgery tokens read from the pages.</summary>
internal sealed partial class Portal(HttpClient client)
{
    public static string Token(string page) =>
        AntiforgeryField().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no anti-forgery token on the page");

    public async Task SignInAsync(string email, string password)
    {
        var (_, login) = await GetAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = Token(login),
        });
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.OrdinalIgnoreCase) != false)
        {
            throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>GET, read to the end; anything but 200 is an error. Returns the length in bytes and the text.</summary>
    public async Task<(long Bytes, string Text)> GetAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        }

        return (bytes.Length, System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>GET a file (a PDF), which must answer 200.</summary>
    public async Task<byte[]> GetBytesAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? bytes : throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
    }

    /// <summary>POST a form with the anti-forgery token; the answer must be a redirect, whose target is returned.</summary>
    public Task<string> PostAsync(string url, string token) => PostFormAsync(url, token, []);

    /// <summary>POST the fields and the anti-forgery token; the answer must be a redirect (a refusal shows the page's alert text).</summary>
    public async Task<string> PostFormAsync(string url, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var form = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
        {
            var alert = Alert().Match(text) is { Success: true } m ? ": " + WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ").Trim()) : string.Empty;
            throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} instead of a redirect{alert}");
        }

        return response.Headers.Location.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("class=\"(?:alert alert-danger|invalid-feedback d-block)\"[^>]*>([^<]+)</div>")]
    private static partial Regex Alert();
}

/// <summary>
/// CPU time (user + system, from /proc) of the server processes named by pid and of their direct children (PostgreSQL's
/// backends are children of the postmaster): what a request cost the portal and the database, whatever the load average.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> roots)
{
    private const double MillisecondsPerTick = 10; // USER_HZ is 100 on Linux.

    public bool Enabled => roots.Count > 0;

    /// <summary>Ticks used so far, per root (the root and its direct children).</summary>
    public long[] Read()
    {
        var ticks = new long[roots.Count];
        if (!Enabled)
        {
            return ticks;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            for (var r = 0; r < roots.Count; r++)
            {
                if (pid == roots[r] || stat.Parent == roots[r])
                {
                    ticks[r] += stat.Ticks;
                }
            }
        }

        return ticks;
    }

    /// <summary>Milliseconds used since <paramref name="before"/>, per root.</summary>
    public double[] Since(long[] before) => [.. Read().Select((t, r) => (t - before[r]) * MillisecondsPerTick)];

    /// <summary>Per root: the median over the samples of the CPU milliseconds per operation.</summary>
    public string Describe(string name, IReadOnlyList<double[]> samples, int operationsPerSample)
    {
        var parts = roots.Select((pid, r) =>
        {
            var sorted = samples.Select(s => s[r] / operationsPerSample).Order().ToArray();
            var median = sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
            return FormattableString.Invariant($"pid {pid} {median:0.0} ms");
        });
        return $"{name,-11} server CPU per operation (median of {samples.Count} sample(s), user+system, 10 ms ticks): {string.Join(" · ", parts)}";
    }

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');

            // After the command: state, ppid, ..., utime (14th field of the line) and stime (15th).
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}

internal static class Stats
{
    /// <summary>min, median, p95 (nearest rank), max and the count, in milliseconds.</summary>
    public static string Line(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? $"{name,-11} no sample"
            : FormattableString.Invariant(
                $"{name,-11} ms  min {sorted[0]:0.0} · median {Median(sorted):0.0} · p95 {Rank(sorted, 95):0.0} · max {sorted[^1]:0.0}  (n={sorted.Length})");
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static double Rank(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
