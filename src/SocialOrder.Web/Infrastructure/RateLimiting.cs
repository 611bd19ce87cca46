using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SocialOrder.Web.Infrastructure;

/// <summary>The named rate-limit policies; an action opts in with <c>[EnableRateLimiting(RateLimitPolicies.X)]</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "SignIn";
    public const string Registration = "Registration";
    public const string PasswordReset = "PasswordReset";
    public const string EmailConfirmation = "EmailConfirmation";
    public const string Subscriptions = "Subscriptions";
    public const string Questions = "Questions";
    public const string Uploads = "Uploads";

    /// <summary>The public verification page: each check hashes an upload or looks a hash up.</summary>
    public const string Verification = "Verification";

    /// <summary>The public beneficiary feedback form (ADR 26): no account, so only the client address limits it.</summary>
    public const string Feedback = "Feedback";

    /// <summary>For every future /api endpoint.</summary>
    public const string Api = "Api";

    /// <summary>The public OCDS API and its bulk file (ADR 20).</summary>
    public const string OpenData = "OpenData";

    public static readonly IReadOnlyList<string> All = [SignIn, Registration, PasswordReset, EmailConfirmation, Subscriptions, Questions, Uploads, Verification, Feedback, Api, OpenData];
}

/// <summary>One policy's budgets: so many requests per window from one client address, and from one account.</summary>
public sealed class RateLimit
{
    public int PerAddress { get; set; }

    public int PerAccount { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>Bound from the <c>RateLimits</c> section (<c>RateLimits__SignIn__PerAddress</c> and so on).</summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    public RateLimit SignIn { get; set; } = new() { PerAddress = 20, PerAccount = 10, WindowSeconds = 60 };

    public RateLimit Registration { get; set; } = new() { PerAddress = 10, PerAccount = 3, WindowSeconds = 3600 };

    public RateLimit PasswordReset { get; set; } = new() { PerAddress = 10, PerAccount = 3, WindowSeconds = 3600 };

    public RateLimit EmailConfirmation { get; set; } = new() { PerAddress = 10, PerAccount = 3, WindowSeconds = 3600 };

    public RateLimit Subscriptions { get; set; } = new() { PerAddress = 10, PerAccount = 3, WindowSeconds = 3600 };

    public RateLimit Questions { get; set; } = new() { PerAddress = 30, PerAccount = 10, WindowSeconds = 3600 };

    public RateLimit Uploads { get; set; } = new() { PerAddress = 120, PerAccount = 60, WindowSeconds = 600 };

    public RateLimit Verification { get; set; } = new() { PerAddress = 30, PerAccount = 30, WindowSeconds = 60 };

    public RateLimit Feedback { get; set; } = new() { PerAddress = 10, PerAccount = 10, WindowSeconds = 3600 };

    public RateLimit Api { get; set; } = new() { PerAddress = 300, PerAccount = 300, WindowSeconds = 60 };

    public RateLimit OpenData { get; set; } = new() { PerAddress = 60, PerAccount = 60, WindowSeconds = 60 };

    public RateLimit For(string policy) => policy switch
    {
        RateLimitPolicies.SignIn => SignIn,
        RateLimitPolicies.Registration => Registration,
        RateLimitPolicies.PasswordReset => PasswordReset,
        RateLimitPolicies.EmailConfirmation => EmailConfirmation,
        RateLimitPolicies.Subscriptions => Subscriptions,
        RateLimitPolicies.Questions => Questions,
        RateLimitPolicies.Uploads => Uploads,
        RateLimitPolicies.Verification => Verification,
        RateLimitPolicies.Feedback => Feedback,
        RateLimitPolicies.Api => Api,
        RateLimitPolicies.OpenData => OpenData,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limit policy."),
    };
}

/// <summary>
/// Where no one is signed in, the account an anonymous form names (the e-mail of a sign-in, the user of a password
/// reset): the account budget of the action's policy is then spent against that field's value.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RateLimitAccountFieldAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}

public static class RateLimiting
{
    private const string AccountItem = "SocialOrder.RateLimitAccount";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitsOptions>()
            .Bind(configuration.GetSection(RateLimitsOptions.Section))
            .Validate(o => RateLimitPolicies.All.Select(o.For).All(l => l.PerAddress > 0 && l.PerAccount > 0 && l.WindowSeconds > 0), "RateLimits: every PerAddress, PerAccount and WindowSeconds must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitsOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };

            // Per client address: the named policies. Per account: one global limiter keyed by the endpoint's policy.
            foreach (var policy in RateLimitPolicies.All)
            {
                var limit = limits.Value.For(policy);
                options.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => Window(limit.PerAddress, limit.Window)));
            }

            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Policy, string Account)>(http =>
            {
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var account = Account(http);
                if (policy is null || !RateLimitPolicies.All.Contains(policy) || account is null)
                {
                    return RateLimitPartition.GetNoLimiter((string.Empty, string.Empty));
                }

                var limit = limits.Value.For(policy);
                return RateLimitPartition.GetFixedWindowLimiter((policy, account), _ => Window(limit.PerAccount, limit.Window));
            });
        });
        return services;
    }

    /// <summary>Between authorization and the rate limiter: reads the small anonymous forms that name an account.</summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitAccountFieldAttribute>() is { } field
                && HttpMethods.IsPost(context.Request.Method)
                && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    if (form[field.Field].ToString().Trim() is { Length: > 0 } value)
                    {
                        // An e-mail address is at most 254 characters; a longer value buys no extra partitions.
                        context.Items[AccountItem] = "form:" + (value.Length > 254 ? value[..254] : value).ToUpperInvariant();
                    }
                }
                catch (InvalidDataException)
                {
                    // A malformed form names no account; MVC answers it as it always does.
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client's address (after forwarded headers of known proxies); IPv6 clients by their /64 network.</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static string? Account(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            return "user:" + id;
        }

        return context.Items[AccountItem] as string;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>
/// Every action under <c>/api</c> (or of an <c>[ApiController]</c>) is held to the <see cref="RateLimitPolicies.Api"/>
/// policy unless it names its own, so a future API cannot be added without limits.
/// </summary>
public sealed class ApiRateLimitConvention : Microsoft.AspNetCore.Mvc.ApplicationModels.IActionModelConvention
{
    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var attributes = action.Attributes.Concat(action.Controller.Attributes).ToList();
        if (attributes.Any(a => a is EnableRateLimitingAttribute or DisableRateLimitingAttribute))
        {
            return;
        }

        var templates = action.Selectors.Concat(action.Controller.Selectors).Select(s => s.AttributeRouteModel?.Template ?? string.Empty);
        var isApi = attributes.Any(a => a is Microsoft.AspNetCore.Mvc.ApiControllerAttribute)
            || templates.Any(t => t.TrimStart('/', '~').StartsWith("api/", StringComparison.OrdinalIgnoreCase) || t.TrimStart('/', '~').Equals("api", StringComparison.OrdinalIgnoreCase));
        if (!isApi)
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimitPolicies.Api));
        }
    }
}
