using System.Globalization;
using System.Xml.Linq;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>The portal's own resource files, read from the repository, so tests assert the texts users see.</summary>
public static class Resources
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Tables = new(Load);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocialOrder.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SocialOrder.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ResourceFolder => Path.Combine(RepositoryRoot, "src", "SocialOrder.Web", "Resources");

    public static IReadOnlyDictionary<string, Dictionary<string, string>> All => Tables.Value;

    public static string Text(string key, string culture = "ru", params object[] args)
    {
        var value = Tables.Value[culture][key];
        return args.Length == 0 ? value : string.Format(CultureInfo.InvariantCulture, value, args);
    }

    private static Dictionary<string, Dictionary<string, string>> Load() => new()
    {
        ["ru"] = Read("SharedResource.resx"),
        ["kk"] = Read("SharedResource.kk.resx"),
        ["en"] = Read("SharedResource.en.resx"),
    };

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!
            .Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);
}
