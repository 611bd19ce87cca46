using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SocialOrder.Infrastructure.Email;
using Xunit;

namespace SocialOrder.Testing;

/// <summary>
/// The real portal (Program, middleware, Identity, PostgreSQL) over a database of its own, with a clock the
/// test controls, a private outbox folder and uploads scanned by the test run's clamd (<see cref="TestClamd"/>).
/// Browser tests serve it on Kestrel (WebApplicationFactory.UseKestrel).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connectionString;
    private string? _scannerAddress;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), "socialorder-outbox-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Call InitializeAsync first.");

    protected virtual string Purpose => GetType().Name;

    /// <summary>The host of the request a message is sent in, which links in e-mails point to.</summary>
    public const string RequestHost = "portal.socialorder.test";

    /// <summary>Where the portal's malware scanner is: the test run's clamd unless a test wants it elsewhere (or down).</summary>
    protected virtual Task<string> ScannerAddressAsync() => TestClamd.SocketAddressAsync();

    /// <summary>
    /// False: every rate limit is raised far out of reach, so that suites signing in many times are not throttled.
    /// The rate-limit tests keep the portal's real defaults.
    /// </summary>
    protected virtual bool RealRateLimits => false;

    /// <summary>
    /// Two-factor sign-in for administrators and officials (on by default in the portal): off here, so the many
    /// tests that sign in as demo staff stay about what they test; the two-factor tests use a factory that turns it on.
    /// </summary>
    protected virtual bool TwoFactorRequiredForStaff => false;

    /// <summary>
    /// Output caching of public pages (ADR 29): off here, since many tests change data behind the portal's back and
    /// read the catalogue again; the cache's own tests use a factory that turns it on.
    /// </summary>
    protected virtual bool CachePublicPages => false;

    /// <summary>
    /// The appeal window in working days (ADR 28): none here, so suites that issue agreements right after the award stay
    /// about what they test; the appeal tests use a factory with the portal's default of five.
    /// </summary>
    protected virtual int AppealWorkingDays => 0;

    /// <summary>
    /// Staff idle sign-out (ADR 31; 30 minutes in the portal): off here (0), since many tests move the clock by days
    /// with an official still signed in; the idle-session tests turn it on.
    /// </summary>
    protected virtual int StaffIdleMinutes => 0;

    public async Task InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        _scannerAddress = await ScannerAddressAsync();
    }

    protected virtual Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync(Purpose);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("DevOutbox:Enabled", "true");
        builder.UseSetting("Email:OutboxPath", OutboxPath);
        builder.UseSetting("Email:SmtpHost", string.Empty);
        builder.UseSetting("Uploads:Scanner:Mode", "Required");
        builder.UseSetting("Uploads:Scanner:Address", _scannerAddress ?? throw new InvalidOperationException("Call InitializeAsync first."));
        if (!RealRateLimits)
        {
            foreach (var policy in SocialOrder.Web.Infrastructure.RateLimitPolicies.All)
            {
                builder.UseSetting($"RateLimits:{policy}:PerAddress", "1000000");
                builder.UseSetting($"RateLimits:{policy}:PerAccount", "1000000");
            }
        }

        // The per-address sign-in delays (ADR 21) are proved by their own tests; elsewhere, repeated wrong passwords
        // from the one test address must reach what those tests are about (the rate limit's 429, the lockout).
        builder.UseSetting("Accounts:FreeFailuresPerAddress", "1000000");

        builder.UseSetting("Accounts:StaffIdleMinutes", StaffIdleMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Ocds:ExportEnabled", "false");
        builder.UseSetting("Appeals:WorkingDays", AppealWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("TwoFactor:RequiredForStaff", TwoFactorRequiredForStaff ? "true" : "false");
        builder.UseSetting("PublicPages:CacheSeconds", CachePublicPages ? "300" : "0");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public IReadOnlyList<OutboxMessage> Outbox() => OutboxEmailSender.ReadAll(OutboxPath);

    /// <summary>
    /// Sends every queued e-mail now and returns when none is left unsent. The portal's own dispatcher may hold a row
    /// (FOR UPDATE SKIP LOCKED) while it writes the message, so one pass of our own can return before that file exists.
    /// </summary>
    public async Task DeliverEmailsAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().SendPendingAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<SocialOrder.Infrastructure.Persistence.AppDbContext>();
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<OutgoingEmail>(), e => e.SentAt == null) || DateTime.UtcNow > until)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    public Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, ClaimsPrincipal? user = null) => SendCoreAsync<TResponse>(command, user);

    public Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, ClaimsPrincipal? user = null) => SendCoreAsync<TResponse>(query, user);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Sends a message through the real pipeline as the given user (null: anonymous).</summary>
    private async Task<TResponse> SendCoreAsync<TResponse>(object message, ClaimsPrincipal? user)
    {
        await using var scope = Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = user ?? new ClaimsPrincipal(new ClaimsIdentity()),
            Request = { Scheme = "https", Host = new HostString(RequestHost) },
        };
        try
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var result = await sender.Send(message);
            return (TResponse)result!;
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    public static ClaimsPrincipal Principal(Guid id, string email, params string[] roles) => Principal(id, email, null, roles);

    public static ClaimsPrincipal Principal(Guid id, string email, Guid? stateBodyId, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id.ToString()), new(ClaimTypes.Name, email) };
        if (stateBodyId is { } body)
        {
            claims.Add(new Claim(SocialOrder.Application.Common.Interfaces.PortalClaims.StateBody, body.ToString()));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}


/// <summary>The portal as deployed: administrators and officials must use two-factor sign-in.</summary>
public class TwoFactorPortalFactory : PortalFactory
{
    protected override bool TwoFactorRequiredForStaff => true;
}
