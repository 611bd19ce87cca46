using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Web.Infrastructure;

/// <summary>What lets several identical nodes run behind a proxy safely: shared keys, client addresses, rate limits.</summary>
public static class PortalProtectionSetup
{
    /// <summary>Every node must protect and unprotect with the same keys, so the name is fixed, not the content root.</summary>
    public const string DataProtectionApplicationName = "SocialOrder";

    public static IServiceCollection AddPortalProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddPortalForwardedHeaders();
        services.AddPortalRateLimits(configuration);
        return services;
    }
}
