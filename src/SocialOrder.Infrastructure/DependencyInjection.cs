using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Auditing;
using SocialOrder.Infrastructure.Email;
using SocialOrder.Infrastructure.Files;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Infrastructure.Pdf;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Infrastructure.Persistence.Interceptors;

namespace SocialOrder.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> connectionString)
    {
        services.AddScoped<DispatchDomainEventsInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseNpgsql(connectionString(sp), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<DispatchDomainEventsInterceptor>()));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());

        services
            .AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.AuthenticatorTokenProvider = TotpAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpAuthenticatorTokenProvider>(TotpAuthenticatorTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.Configure<SocialOrder.Application.Accounts.AccountOptions>(configuration.GetSection(SocialOrder.Application.Accounts.AccountOptions.Section));
        services.AddOptions<IdentityOptions>().Configure<Microsoft.Extensions.Options.IOptions<SocialOrder.Application.Accounts.AccountOptions>>((o, accounts) =>
        {
            o.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
        });
        services.AddSingleton<TrustedDevices>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IReferenceNumbers, ReferenceNumbers>();
        services.AddScoped<IEmailQueue, EmailQueue>();
        services.AddScoped<SocialOrder.Application.Calls.Catalogue.ICallCatalogue, CallCatalogue>();
        services.AddSingleton<EmailSignal>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());
        services.Configure<AuditHeadOptions>(configuration.GetSection(AuditHeadOptions.Section));
        services.AddSingleton<AuditHeadPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditHeadPublisher>());
        services.Configure<AuditSealerOptions>(configuration.GetSection(AuditSealerOptions.Section));
        services.AddSingleton<AuditSealer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditSealer>());
        services.Configure<Reminders.ReminderOptions>(configuration.GetSection(Reminders.ReminderOptions.Section));
        services.AddSingleton<Reminders.ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Reminders.ReminderJob>());
        services.Configure<CallOptions>(configuration.GetSection(CallOptions.Section));
        services.Configure<SocialOrder.Application.Appeals.AppealOptions>(configuration.GetSection(SocialOrder.Application.Appeals.AppealOptions.Section));
        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.Section));
        services.AddOptions<FileLimits>()
            .Bind(configuration.GetSection(FileLimits.Section))
            .Validate(l => l.MaxFileBytes > 0 && l.MaxBidBytes >= l.MaxFileBytes, "Uploads: MaxFileBytes must be positive and at most MaxBidBytes.")
            .ValidateOnStart();
        services.AddScoped<IFileStore, PostgresFileStore>();
        services.Configure<UploadScanOptions>(configuration.GetSection(UploadScanOptions.Section));
        services.AddOptions<ClamdOptions>()
            .Bind(configuration.GetSection(ClamdOptions.Section))
            .Validate(o => ClamdScanner.IsValidAddress(o.Address) && o.TimeoutSeconds > 0, "Uploads:Scanner: Address must be a socket path or host:port, TimeoutSeconds positive.")
            .ValidateOnStart();
        services.AddSingleton<IMalwareScanner, ClamdScanner>();
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<IReceiptRenderer, PdfSharpReceiptRenderer>();
        services.AddSingleton<IAwardProtocolRenderer, PdfSharpAwardProtocolRenderer>();
        services.AddSingleton<IAgreementRenderer, PdfSharpAgreementRenderer>();
        services.AddSingleton<IReportRenderer, PdfSharpReportRenderer>();
        services.Configure<SocialOrder.Application.Reports.ReportOptions>(configuration.GetSection(SocialOrder.Application.Reports.ReportOptions.Section));

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        if (string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:SmtpHost"]))
        {
            services.AddScoped<IEmailSender, OutboxEmailSender>();
        }
        else
        {
            services.AddScoped<IEmailSender, SmtpEmailSender>();
        }

        return services;
    }
}
