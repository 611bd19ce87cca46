using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto. They are
/// believed only from the proxies named in <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c>
/// (CIDR): with neither set, the headers are ignored, so a client cannot choose its own address (and rate-limit budget).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "Proxy";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var proxies = Values(configuration.GetSection($"{Section}:KnownProxies")).Select(IPAddress.Parse).ToList();
            var networks = Values(configuration.GetSection($"{Section}:KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                // An empty list would mean "trust everyone" to the middleware; nothing is read instead.
                o.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = null;
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        return options.ForwardedHeaders == ForwardedHeaders.None ? app : app.UseForwardedHeaders();
    }

    /// <summary>"10.0.0.5, 10.0.0.6" (one environment variable) or an array in JSON.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty))
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
