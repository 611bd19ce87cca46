using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Absolute links to public call pages for e-mails: Portal:PublicBaseUrl when set, else the host of the current
/// request, else Calls:PublicBaseUrl (e-mails queued outside a request).
/// </summary>
public sealed class PublicCallLinks(IHttpContextAccessor accessor, LinkGenerator links, IConfiguration configuration, IOptions<CallOptions> options)
    : IPublicCallLinks
{
    public string CallPage(Guid callId) => Absolute(links.GetPathByAction("Details", "Calls", new { area = string.Empty, id = callId }));

    public string ConfirmSubscription(string token) => Absolute(links.GetPathByAction("Confirm", "CallSubscriptions", new { area = string.Empty, token }));

    public string Unsubscribe(string token) => Absolute(links.GetPathByAction("Unsubscribe", "CallSubscriptions", new { area = string.Empty, token }));

    private string Absolute(string? path)
    {
        path ??= "/";
        var configured = configuration["Portal:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + path;
        }

        var request = accessor.HttpContext?.Request;
        return request is { Host.HasValue: true }
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{path}"
            : options.Value.PublicBaseUrl.TrimEnd('/') + path;
    }
}

/// <summary>The public side of calls: links for e-mails and the <c>--seed-calls N</c> command.</summary>
public static class PublicCallsSetup
{
    public static IServiceCollection AddPublicCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPublicCallLinks, PublicCallLinks>();
        services.PostConfigure<CallOptions>(o =>
        {
            var configured = configuration["Portal:PublicBaseUrl"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                o.PublicBaseUrl = configured.TrimEnd('/');
            }
        });
        return services;
    }

    /// <summary>
    /// <c>--seed-calls N</c>: inserts N demonstration calls and returns the exit code, so the portal exits without
    /// serving; null when the argument is absent.
    /// </summary>
    public static async Task<int?> SeedCallsIfRequestedAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, "--seed-calls");
        if (at < 0)
        {
            return null;
        }

        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            await Console.Error.WriteLineAsync("--seed-calls needs a positive number of calls, e.g. --seed-calls 10000");
            return 2;
        }

        var (seeded, elapsed) = await CallSeeder.SeedAsync(app.Services, count);
        await Console.Out.WriteLineAsync(FormattableString.Invariant($"Seeded {seeded} published calls in {elapsed.TotalSeconds:0.0} s."));
        return 0;
    }
}
