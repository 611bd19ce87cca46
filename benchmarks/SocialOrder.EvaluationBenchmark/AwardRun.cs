using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialOrder.EvaluationBenchmark;

/// <summary>
/// The commission's decision on a fully scored call, driven as an official would in a browser: every official and
/// observer of the body offered on the page becomes a member (the first chair, the second secretary), all present,
/// the draft protocol downloaded, the decision confirmed (locked, protocols stored), and both stored protocols
/// downloaded from the public call page. Each step is timed once. The quorum sent is the page's own default value,
/// as a browser sends it, unless one is given.
/// </summary>
internal static partial class AwardRun
{
    public static async Task RunAsync(Portal portal, Guid callId, string folder, string? quorum)
    {
        Directory.CreateDirectory(folder);
        var page = $"/Organizer/Awards/Index/{callId}";
        var (_, html) = await portal.GetAsync(page);
        var token = Portal.Token(html);
        var candidates = Candidate().Matches(html).Select(m => (Index: m.Groups[1].Value, UserId: m.Groups[2].Value)).ToList();
        if (candidates.Count < 2)
        {
            throw new InvalidOperationException($"the award page offers {candidates.Count} commission candidate(s); a chair and a secretary are needed");
        }

        quorum ??= Quorum().Match(html) is { Success: true } q ? q.Groups[1].Value : "100";
        var form = new List<KeyValuePair<string, string>> { new("quorumPercent", quorum) };
        foreach (var (c, i) in candidates.Select((c, i) => (c, i)))
        {
            form.Add(new($"Members[{c.Index}].UserId", c.UserId));
            form.Add(new($"Members[{c.Index}].Role", i switch { 0 => "Chair", 1 => "Secretary", _ => "Member" }));
        }

        await TimedAsync("prepare", () => portal.PostFormAsync($"/Organizer/Awards/Prepare/{callId}", token, form));
        (_, html) = await portal.GetAsync(page);
        var present = Present().Matches(html).Select(m => new KeyValuePair<string, string>("present", m.Groups[1].Value)).ToList();
        await TimedAsync("attendance", () => portal.PostFormAsync($"/Organizer/Awards/Attendance/{callId}", token, present));
        Console.WriteLine($"commission  {candidates.Count} members, {present.Count} present, quorum sent as \"{quorum}\"");

        foreach (var lang in (string[])["kk", "ru"])
        {
            var draft = await TimedAsync($"draft {lang}", () => portal.GetBytesAsync($"/Organizer/Awards/Protocol/{callId}?lang={lang}&draft=true"));
            await Save(folder, $"draft-{lang}.pdf", draft);
        }

        await TimedAsync("confirm", () => portal.PostFormAsync($"/Organizer/Awards/Confirm/{callId}", token, []));
        (_, html) = await portal.GetAsync(page);
        var locked = html.Contains("data-status=\"Locked\"", StringComparison.Ordinal);
        Console.WriteLine($"decision    {(locked ? "Locked" : "NOT LOCKED: see the page for the confirmation problems")}");
        if (!locked)
        {
            throw new InvalidOperationException("the decision was not locked");
        }

        foreach (var lang in (string[])["kk", "ru"])
        {
            var stored = await TimedAsync($"protocol {lang}", () => portal.GetBytesAsync($"/Calls/{callId}/protocol/{lang}"));
            await Save(folder, $"protocol-{lang}.pdf", stored);
        }
    }

    private static async Task<T> TimedAsync<T>(string step, Func<Task<T>> action)
    {
        var t0 = Stopwatch.GetTimestamp();
        var result = await action();
        Console.WriteLine(FormattableString.Invariant($"award       {step,-12} {Stopwatch.GetElapsedTime(t0).TotalMilliseconds,8:0.0} ms"));
        return result;
    }

    private static async Task Save(string folder, string name, byte[] pdf)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, pdf);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved       {path} ({pdf.Length / 1024.0:0} KiB)"));
    }

    [GeneratedRegex("name=\"Members\\[(\\d+)\\]\\.UserId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Candidate();

    [GeneratedRegex("name=\"quorumPercent\" value=\"([^\"]*)\"")]
    private static partial Regex Quorum();

    [GeneratedRegex("name=\"present\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Present();
}
