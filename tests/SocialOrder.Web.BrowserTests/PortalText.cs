using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// The portal's UI strings, read from src/SocialOrder.Web/Resources/SharedResource*.resx at test time, so the
/// tests expect what a visitor should see without copying the texts. A key missing from a language's file fails
/// the test (the portal would silently fall back to Russian there).
/// </summary>
public static class PortalText
{
    private static readonly Lazy<string> ResourcesFolder = new(FindResourcesFolder);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Files = new(StringComparer.Ordinal);

    public static string Get(string key, string culture = "ru")
    {
        var values = Files.GetOrAdd(culture, Load);
        return values.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"'{key}' is missing from {FileName(culture)}.");
    }

    public static string Format(string key, string culture, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(culture), Get(key, culture), args);

    private static Dictionary<string, string> Load(string culture)
    {
        var document = XDocument.Load(Path.Combine(ResourcesFolder.Value, FileName(culture)));
        return document.Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => (string?)d.Element("value") ?? string.Empty,
            StringComparer.Ordinal);
    }

    private static string FileName(string culture) => culture == "ru" ? "SharedResource.resx" : $"SharedResource.{culture}.resx";

    private static string FindResourcesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SocialOrder.sln")))
            {
                return Path.Combine(folder.FullName, "src", "SocialOrder.Web", "Resources");
            }
        }

        throw new InvalidOperationException("SocialOrder.sln not found above " + AppContext.BaseDirectory + ": the browser tests read the UI texts from the repository.");
    }
}
