using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using SocialOrder.Application;
using SocialOrder.Application.Common.Behaviours;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Infrastructure.Persistence.Embedded;
using SocialOrder.Web;
using SocialOrder.Web.Authorization;
using SocialOrder.Web.Infrastructure;

// A plain (not reloadable) start-up logger: several hosts in one test process must not share a frozen one.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Host.UseSerilog((context, services, logger) =>
    {
        logger.ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
        var file = context.Configuration["Logging:File"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            logger.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: CultureInfo.InvariantCulture);
        }
    });

    builder.Services.AddPortal(builder.Configuration, builder.Environment);

    var app = builder.Build();
    var seedDemo = args.Contains("--seed-demo") || app.Configuration.GetValue<bool>("Seed:Demo");
    DemoAccountsGuard.RefuseDemoSeedInProduction(app.Environment, app.Configuration, seedDemo);
    await DatabaseInitializer.InitializeAsync(app.Services, seedDemo);
    if (Array.IndexOf(args, "--seed-spike") is var spike and >= 0)
    {
        var count = spike + 1 < args.Length && int.TryParse(args[spike + 1], CultureInfo.InvariantCulture, out var n) ? n : 500;
        var callId = await SpikeSeeder.SeedAsync(app.Services, count, minutesToDeadline: 30, CancellationToken.None);
        Log.Information("Seeded {Count} organizations with ready bids for call {CallId}", count, callId);
        await app.DisposeAsync();
        return 0;
    }

    // For the evaluation benchmarks: --seed-evaluation BIDS EXPERTS [SHEETS]: a closed call of the demo ministry with eligible bids.
    if (Array.IndexOf(args, "--seed-evaluation") is var evaluation and >= 0)
    {
        int Arg(int offset, int fallback) => evaluation + offset < args.Length && int.TryParse(args[evaluation + offset], CultureInfo.InvariantCulture, out var v) ? v : fallback;
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, Arg(1, 500), Arg(2, 60), Arg(3, 0), CancellationToken.None);
        Log.Information("Seeded evaluation call {Reference} {CallId} with {Bids} bids", seeded.Reference, seeded.CallId, seeded.BidIds.Count);
        Console.WriteLine(seeded.CallId.ToString());
        await app.DisposeAsync();
        return 0;
    }

    if (await AdminBootstrap.CreateAdminIfRequestedAsync(app, args) is { } adminExitCode)
    {
        await app.DisposeAsync();
        return adminExitCode;
    }

    if (await AuditCommand.VerifyIfRequestedAsync(app, args) is { } auditExitCode)
    {
        await app.DisposeAsync();
        return auditExitCode;
    }

    if (await PublicCallsSetup.SeedCallsIfRequestedAsync(app, args) is { } seedExitCode)
    {
        await app.DisposeAsync();
        return seedExitCode;
    }

    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is PostgresNotAvailableException or UnknownMigrationsException or PortalConfigurationException)
{
    Log.Fatal("{Message}", ex.Message);
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;

namespace SocialOrder.Web
{
    internal static class PortalSetup
    {
        public static readonly string[] Cultures = ["ru", "kk", "en"];

        public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
        {
            services.AddSingleton<DatabaseConnection>();
            services.AddHostedService<ProductionGuard>();
            services.AddApplication();
            services.AddInfrastructure(configuration, sp => sp.GetRequiredService<DatabaseConnection>().ConnectionString);
            services.PostConfigure<SocialOrder.Infrastructure.Email.EmailOptions>(o =>
            {
                if (string.IsNullOrWhiteSpace(o.OutboxPath))
                {
                    o.OutboxPath = Path.Combine(environment.ContentRootPath, "..", "..", ".data", "outbox");
                }
            });
            services.AddSingleton(TimeProvider.System);
            services.AddHttpContextAccessor();
            services.AddScoped<ICurrentUser, CurrentUser>();
            services.AddPublicCalls(configuration);
            services.AddPublicPageCache(configuration);
            services.AddPortalProtection(configuration);
            services.AddOpenData(configuration);

            services.AddMediator(options =>
            {
                options.ServiceLifetime = ServiceLifetime.Scoped;
                // The domain assembly holds the events (notifications); without it the generator drops every Publish.
                options.Assemblies = [typeof(SocialOrder.Domain.Common.Entity), typeof(SocialOrder.Application.DependencyInjection), typeof(SocialOrder.Infrastructure.DependencyInjection)];
                options.PipelineBehaviors =
                [
                    typeof(LoggingBehaviour<,>),
                    typeof(AuditBehaviour<,>),
                    typeof(ValidationBehaviour<,>),
                    typeof(RuleViolationBehaviour<,>),
                ];
            });

            services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
                o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
            services.AddLocalization(o => o.ResourcesPath = "Resources");
            services.Configure<RequestLocalizationOptions>(o =>
            {
                o.SetDefaultCulture("ru").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
                o.FallBackToParentCultures = true;
                o.FallBackToParentUICultures = true;

                // Russian unless the visitor chose otherwise; the browser's language is not guessed from.
                o.RequestCultureProviders =
                [
                    new QueryStringRequestCultureProvider(),
                    new CookieRequestCultureProvider(),
                ];
            });

            services
                .AddControllersWithViews(o =>
                {
                    o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                    o.ModelBinderProviders.Insert(0, new DecimalModelBinderProvider());
                    o.ModelBinderProviders.Insert(0, new TextModelBinderProvider());
                    o.Filters.Add(new FormListsFilter());
                    o.Filters.Add(new PrivateFileResultFilter());
                    o.Conventions.Add(new ApiRateLimitConvention());
                })
                .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
                .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

            services.AddAuthorization(Policies.Add);
            services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TwoFactorRequirementHandler>();
            services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentRedirect>();
            services.ConfigureApplicationCookie(o =>
            {
                o.Cookie.Name = "socialorder.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);

                // Staff idle expiry and deactivated accounts (ADR 31); the security-stamp check runs first.
                o.Events.OnSigningIn = SessionCookieEvents.OnSigningIn;
                o.Events.OnValidatePrincipal = SessionCookieEvents.OnValidatePrincipal;
            });
            services.AddAntiforgery(o =>
            {
                o.Cookie.Name = "socialorder.af";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.SameSite = SameSiteMode.Strict;
            });

            services.AddHealthChecks()
                .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
                .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"])
                .AddCheck<MalwareScannerHealthCheck>("malware-scanner", tags: ["ready"]);
            return services;
        }

        public static WebApplication UsePortal(this WebApplication app)
        {
            // Behind a TLS-terminating proxy the original scheme arrives in X-Forwarded-Proto, so cookies are
            // marked Secure whenever the visitor's connection is HTTPS (SameAsRequest); only known proxies are believed.
            app.UsePortalForwardedHeaders();
            if (app.Configuration.GetValue<bool>("Portal:RequireHttps"))
            {
                app.UseHsts();
                app.UseHttpsRedirection();
            }

            app.UseExceptionHandler("/Error/500");
            app.UseStatusCodePagesWithReExecute("/Error/{0}");
            app.UseMiddleware<SecurityHeadersMiddleware>();
            app.UseSerilogRequestLogging();
            app.UseStaticFiles();
            app.UseRequestLocalization();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UsePortalRateLimits();

            // After localization (copies vary by culture) and authentication (signed-in visitors bypass it), ADR 29.
            app.UseOutputCache();

            app.MapHealthChecks("/health", new() { Predicate = _ => false });
            app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
            app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
            app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
            return app;
        }
    }

    internal sealed class MigrationsHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database, cancellationToken);
            return pending.Any() ? HealthCheckResult.Unhealthy("Pending migrations") : HealthCheckResult.Healthy();
        }
    }
}
