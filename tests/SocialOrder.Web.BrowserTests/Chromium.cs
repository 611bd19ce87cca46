namespace SocialOrder.Web.BrowserTests;

/// <summary>Finds the machine's Chromium: SOCIALORDER_CHROMIUM when set, else /usr/bin/chromium. Never downloads one.</summary>
public static class Chromium
{
    public const string EnvironmentVariable = "SOCIALORDER_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    public const string MissingMessage =
        "Browser tests need Chromium: install it with 'apt-get install chromium' or set SOCIALORDER_CHROMIUM to its path.";

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The executable to launch, or an exception whose message is <see cref="MissingMessage"/>.</summary>
    public static string Locate(string? configuredPath)
    {
        var path = string.IsNullOrWhiteSpace(configuredPath) ? DefaultPath : configuredPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(MissingMessage);
        }

        return path;
    }
}
