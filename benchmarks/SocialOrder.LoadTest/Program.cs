using System.Diagnostics;
using System.Globalization;
using System.Net;
using SocialOrder.LoadTest;

// Load test of the public catalogue: N concurrent clients send a bounded number of randomized searches to a
// portal on this machine and the latencies are summarised. Only loopback addresses are accepted.
var options = LoadOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return 2;
}

if (!options.BaseUrl.IsLoopback)
{
    await Console.Error.WriteLineAsync($"Refusing {options.BaseUrl}: the load test only targets this machine (localhost, 127.0.0.1, ::1).");
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Clients,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    AutomaticDecompression = DecompressionMethods.None,
};

// The portal under test serves a throwaway self-signed certificate on loopback; nothing else is ever contacted.
handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => options.BaseUrl.IsLoopback;
using var client = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

var warmupRandom = new Random(options.Seed - 1);
try
{
    for (var i = 0; i < options.Warmup; i++)
    {
        using var response = await client.GetAsync(new Uri(CatalogueQueries.Next(warmupRandom), UriKind.Relative));
    }
}
catch (HttpRequestException ex)
{
    await Console.Error.WriteLineAsync($"The portal at {options.BaseUrl} does not answer: {ex.Message}");
    return 1;
}

var latencies = new double[options.Requests];
var statuses = new int[options.Requests];
var next = -1;
var started = Stopwatch.GetTimestamp();
var workers = Enumerable.Range(0, options.Clients).Select(worker => Task.Run(async () =>
{
    var random = new Random(options.Seed + worker);
    int index;
    while ((index = Interlocked.Increment(ref next)) < options.Requests)
    {
        var url = CatalogueQueries.Next(random);
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            statuses[index] = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            statuses[index] = -1;
        }

        latencies[index] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }
})).ToArray();
await Task.WhenAll(workers);
var elapsed = Stopwatch.GetElapsedTime(started);

Console.WriteLine(Report.Summarise(options, latencies, statuses, elapsed));
return statuses.All(s => s == 200) ? 0 : 1;

namespace SocialOrder.LoadTest
{
    internal sealed record LoadOptions(Uri BaseUrl, int Clients, int Requests, int Warmup, int Seed)
    {
        public const string Usage =
            "usage: SocialOrder.LoadTest --url https://localhost:5090 [--clients 32] [--requests 3000] [--warmup 100] [--seed 42]";

        public static LoadOptions? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                values[args[i][2..]] = args[i + 1];
            }

            if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
            {
                return null;
            }

            int Int(string name, int fallback) =>
                values.TryGetValue(name, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

            return new LoadOptions(baseUrl, Int("clients", 32), Int("requests", 3000), Int("warmup", 100), Int("seed", 42));
        }
    }

    /// <summary>Catalogue URLs with filters drawn the way visitors combine them; search words come from the seeded vocabulary.</summary>
    internal static class CatalogueQueries
    {
        // Kazakh words and Russian words in other inflected forms than the seeded titles (stemming is exercised).
        private static readonly string[] Words =
        [
            "жастар", "жастарды", "еріктілер", "мүгедектігі", "отбасы", "зорлық", "қалдықтарды", "мәдени", "театрын", "спорт",
            "қарттарға", "сауаттылық", "нашақорлықтың", "орталық", "қолдау", "форум", "лагерь", "онлайн", "балалар", "ауыл",
            "молодёжь", "молодёжных", "волонтёров", "инвалидностью", "семьям", "насилие", "отходы", "театр", "спорта",
            "пожилым", "грамотность", "наркомании", "культура", "наставничество", "поддержку", "центры", "кампании", "семинар",
        ];

        private static readonly string[] Statuses = ["upcoming", "open", "closed", "awarded", "cancelled"];
        private static readonly string[] Sorts = ["newest", "deadline", "budget"];
        private static readonly string[] Instruments = ["StateSocialOrder", "StateGrant"];
        private static readonly string[] Terms = ["Short", "Medium", "Long"];

        public static string Next(Random random)
        {
            var query = new List<string>();
            if (random.NextDouble() < 0.5)
            {
                var words = random.NextDouble() < 0.8 ? 1 : 2;
                var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
                query.Add("search=" + Uri.EscapeDataString(text));
            }

            if (random.NextDouble() < 0.4)
            {
                query.Add("region=" + random.Next(0, 21).ToString(CultureInfo.InvariantCulture));
            }

            if (random.NextDouble() < 0.4)
            {
                query.Add("area=" + random.Next(1, 13).ToString(CultureInfo.InvariantCulture));
            }

            if (random.NextDouble() < 0.5)
            {
                query.Add("status=" + Statuses[random.Next(Statuses.Length)]);
            }

            if (random.NextDouble() < 0.2)
            {
                query.Add("instrument=" + Instruments[random.Next(Instruments.Length)]);
            }

            if (random.NextDouble() < 0.2)
            {
                query.Add("term=" + Terms[random.Next(Terms.Length)]);
            }

            if (random.NextDouble() < 0.3)
            {
                var min = random.Next(0, 50) * 1_000_000;
                query.Add("minBudget=" + min.ToString(CultureInfo.InvariantCulture));
                query.Add("maxBudget=" + (min + (random.Next(10, 100) * 1_000_000)).ToString(CultureInfo.InvariantCulture));
            }

            query.Add("sort=" + Sorts[random.Next(Sorts.Length)]);
            if (random.NextDouble() < 0.3)
            {
                query.Add("page=" + random.Next(2, 6).ToString(CultureInfo.InvariantCulture));
            }

            return "/Calls?" + string.Join('&', query);
        }
    }

    internal static class Report
    {
        public static string Summarise(LoadOptions options, double[] latencies, int[] statuses, TimeSpan elapsed)
        {
            var sorted = latencies.Order().ToArray();
            var errors = statuses.Count(s => s != 200);
            var inv = CultureInfo.InvariantCulture;
            var byStatus = string.Join(", ", statuses.Where(s => s != 200).GroupBy(s => s).Select(g => $"{(g.Key < 0 ? "no response" : g.Key.ToString(inv))}×{g.Count()}"));
            return string.Join(
                Environment.NewLine,
                FormattableString.Invariant($"target      {options.BaseUrl}Calls (randomized filters, seed {options.Seed})"),
                FormattableString.Invariant($"clients     {options.Clients}"),
                FormattableString.Invariant($"requests    {sorted.Length} in {elapsed.TotalSeconds:0.00} s ({sorted.Length / elapsed.TotalSeconds:0.0} req/s)"),
                FormattableString.Invariant($"errors      {errors}{(errors > 0 ? " (" + byStatus + ")" : string.Empty)}"),
                FormattableString.Invariant($"latency ms  min {sorted[0]:0.0} · median {Percentile(sorted, 50):0.0} · p95 {Percentile(sorted, 95):0.0} · p99 {Percentile(sorted, 99):0.0} · max {sorted[^1]:0.0}"));
        }

        /// <summary>Nearest-rank percentile of sorted values.</summary>
        private static double Percentile(double[] sorted, int p)
        {
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
