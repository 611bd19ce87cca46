using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Web.Infrastructure;

/// <summary>The public side of calls: links for e-mails and the <c>--seed-calls N</c> command.</summary>
public static class PublicCallsSetup
{
    public static IServiceCollection AddPublicCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalLinks();
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
