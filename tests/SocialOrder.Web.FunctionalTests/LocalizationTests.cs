using System.Text.RegularExpressions;

namespace SocialOrder.Web.FunctionalTests;

public sealed partial class LocalizationTests
{
    [Fact]
    public void ResourceFiles_EveryKey_HasANonEmptyTextInAllThreeLanguages()
    {
        var keys = Resources.All.Values.SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = (from key in keys
                       from culture in new[] { "ru", "kk", "en" }
                       where !Resources.All[culture].TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)
                       select $"{culture}: {key}").ToList();

        Assert.True(missing.Count == 0, "Missing translations:\n" + string.Join('\n', missing));
        Assert.True(keys.Count > 100);
    }

    [Fact]
    public void SourceCode_EveryLiteralResourceKey_ExistsInTheResourceFiles()
    {
        var src = Path.Combine(Resources.RepositoryRoot, "src");
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyUse().Matches(text))
            {
                used.Add(m.Groups[1].Value);
            }
        }

        var missing = used.Where(k => !Resources.All["ru"].ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Keys used in code but missing from SharedResource.resx:\n" + string.Join('\n', missing));
        Assert.Contains("Nav.Home", used);
    }

    [Fact]
    public void KazakhTexts_AreKazakh_NotCopiesOfRussian()
    {
        var kk = Resources.All["kk"];
        var ru = Resources.All["ru"];
        var copies = kk.Where(p => p.Value.Length > 12 && p.Value == ru[p.Key]).Select(p => p.Key).ToList();

        Assert.True(copies.Count == 0, "Kazakh texts identical to Russian:\n" + string.Join('\n', copies));
        Assert.Contains(kk.Values, v => v.IndexOfAny(['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']) >= 0);
    }

    // L["Key"], Status("Key"), new Error("Key"), ErrorMessage = "Key", Display(Name = "Key"), WithErrorCode("Key"), Invalid("Key"), Conflict("Key")
    [GeneratedRegex("(?:L\\[|Status\\(|new Error\\(|Result(?:<[^>]+>)?\\.(?:Invalid|Conflict)\\(|ErrorMessage = |Name = |WithErrorCode\\()\"([A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"")]
    private static partial Regex KeyUse();
}
