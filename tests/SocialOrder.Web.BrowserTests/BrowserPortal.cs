using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialOrder.Testing;

namespace SocialOrder.Web.BrowserTests;

/// <summary>
/// The real portal on a Kestrel port of its own (over its own database, see <see cref="PortalFactory"/>) and a
/// headless Chromium from the machine to drive it. One per test class; every test opens its own browser context,
/// so cookies (sign-in, language) never leak from one test to the next.
/// </summary>
/// <remarks>
/// Served over HTTPS (a throwaway self-signed certificate for localhost, which the browser is told to accept), as in
/// production, so the Secure flag of the auth and antiforgery cookies is exercised the way users get it.
/// </remarks>
public class BrowserPortal : PortalFactory, IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly X509Certificate2 _certificate = CreateLocalhostCertificate();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _browserProblem;

    public BrowserPortal() =>
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));

    /// <summary>https://localhost:PORT/ (the browser is told to accept the self-signed certificate).</summary>
    public Uri BaseAddress { get; private set; } = new("https://localhost/");

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public new async Task InitializeAsync()
    {
        // A missing browser fails each test with one clear sentence (see NewContextAsync), not the fixture with a
        // stack trace; nothing else is started then.
        string executable;
        try
        {
            executable = Chromium.Locate();
        }
        catch (InvalidOperationException ex)
        {
            _browserProblem = ex.Message;
            return;
        }

        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var port = new Uri(addresses.First()).Port;
        BaseAddress = new Uri($"https://localhost:{port}/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ChromiumArgs });
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>A fresh browser context (no cookies) with a desktop-sized window, so the navigation bar is expanded.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        if (_browserProblem is not null)
        {
            throw new InvalidOperationException(_browserProblem);
        }

        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        _certificate.Dispose();
    }

    private static X509Certificate2 CreateLocalhostCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}

/// <summary>The browser portal as deployed: administrators and officials must use two-factor sign-in.</summary>
public sealed class TwoFactorBrowserPortal : BrowserPortal
{
    protected override bool TwoFactorRequiredForStaff => true;
}
