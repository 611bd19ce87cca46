using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Output caching of the public pages anonymous visitors read (the catalogue, a call's page with its results, the home
/// page), ADR 29. A page is stored only for a request with no sign-in (neither a user nor an auth, two-factor or
/// TempData cookie), only when it is a 200 that sets no cookie and carries no antiforgery token (the antiforgery system
/// marks such responses no-store), per culture and per query string; the copies of one call's pages carry the tag
/// <c>call:{id}</c>, the catalogue's the tag <c>catalogue</c>, and both are evicted through <see cref="IPublicPageCache"/>.
/// </summary>
public static class PublicPageCaching
{
    public const string Policy = "PublicPage";
    public const string CatalogueTag = "catalogue";
    public const string AuthCookie = "socialorder.auth";
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static string CallTag(Guid callId) => "call:" + callId.ToString("N", CultureInfo.InvariantCulture);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("PublicPages:CacheSeconds", 300);
        services.AddOutputCache(o =>
        {
            // Bounded: the catalogue varies by every filter, so its copies must not grow without limit (300 MB goal).
            o.SizeLimit = configuration.GetValue<long>("PublicPages:CacheSizeBytes", 64L * 1024 * 1024);
            o.MaximumBodySize = 1024 * 1024;
            o.AddPolicy(Policy, new PublicPagePolicy(TimeSpan.FromSeconds(Math.Max(0, seconds))));
        });
        services.Replace(ServiceDescriptor.Scoped<IPublicPageCache, OutputCachePublicPages>());
        return services;
    }

    /// <summary>
    /// Called by an action that renders a call: tags the stored copy with the call and keeps it no longer than the
    /// call's next phase change (it opens or closes: the page's phase, hints and bid counts change by the clock).
    /// </summary>
    public static void CacheAsCallPage(this HttpContext http, Guid callId, DateTimeOffset? nextChange, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { } context)
        {
            return;
        }

        context.Tags.Add(CallTag(callId));
        LimitTo(context, nextChange, now);
    }

    /// <summary>Tags a catalogue page, kept no longer than the next instant any call opens or closes.</summary>
    public static void CacheAsCataloguePage(this HttpContext http, DateTimeOffset? nextChange, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { } context)
        {
            return;
        }

        context.Tags.Add(CatalogueTag);
        LimitTo(context, nextChange, now);
    }

    /// <summary>A signed-in visitor (or one in the middle of signing in, or with a message waiting) is never served or stored.</summary>
    public static bool IsAnonymous(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.Identity?.IsAuthenticated == true || !string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            return false;
        }

        foreach (var name in http.Request.Cookies.Keys)
        {
            if (name.StartsWith(AuthCookie, StringComparison.Ordinal)
                || name.StartsWith("Identity.", StringComparison.Ordinal)
                || name.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)
                || name.StartsWith(TempDataCookie, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void LimitTo(OutputCacheContext context, DateTimeOffset? nextChange, DateTimeOffset now)
    {
        if (nextChange is not { } until)
        {
            return;
        }

        var left = until - now;
        if (left <= TimeSpan.Zero)
        {
            context.AllowCacheStorage = false;
        }
        else if (context.ResponseExpirationTimeSpan is not { } current || left < current)
        {
            context.ResponseExpirationTimeSpan = left;
        }
    }

    /// <summary>The policy of public pages (public so that its rules can be tested on their own).</summary>
    public sealed class PublicPagePolicy(TimeSpan expiry) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var attempt = expiry > TimeSpan.Zero
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && IsAnonymous(http);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = attempt;
            context.AllowCacheStorage = attempt;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.ResponseExpirationTimeSpan = expiry;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;

            // A cookie is one visitor's; no-store is how the antiforgery system marks a page carrying a token.
            if (response.StatusCode != StatusCodes.Status200OK
                || !string.IsNullOrEmpty(response.Headers.SetCookie)
                || response.Headers.CacheControl.Any(v => v?.Contains("no-store", StringComparison.OrdinalIgnoreCase) == true)
                || !IsAnonymous(context.HttpContext))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Evicts by tag at once (domain events run before the commit) and again when the request's scope ends, after
    /// the commit, so a visitor who read the old data in between cannot leave it stored.
    /// </summary>
    private sealed class OutputCachePublicPages(IOutputCacheStore store, ILogger<OutputCachePublicPages> logger) : IPublicPageCache, IAsyncDisposable, IDisposable
    {
        private readonly HashSet<Guid> _changed = [];

        public async ValueTask CallChangedAsync(Guid callId, CancellationToken cancellationToken)
        {
            _changed.Add(callId);
            await EvictAsync(callId, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var id in _changed)
            {
                await EvictAsync(id, CancellationToken.None);
            }

            _changed.Clear();
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        private async Task EvictAsync(Guid callId, CancellationToken cancellationToken)
        {
            try
            {
                await store.EvictByTagAsync(CallTag(callId), cancellationToken);
                await store.EvictByTagAsync(CatalogueTag, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A shared store that does not answer must not undo a committed change; its copies expire by themselves.
                logger.LogWarning(ex, "Could not evict the public pages of call {CallId}", callId);
            }
        }
    }
}
