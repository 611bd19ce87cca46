using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Absolute links from the portal's own routes: Portal:PublicBaseUrl when set, else the scheme and host of the request
/// that caused the message. Outside a request (a background job) without the setting there is no right answer, so it
/// refuses in Production rather than guess a host (and Production refuses to start without the setting, see
/// <see cref="PortalLinksSetup"/>); elsewhere it takes the address the portal listens on.
/// </summary>
public sealed class PortalLinks(
    IHttpContextAccessor accessor, LinkGenerator links, IConfiguration configuration, IHostEnvironment environment, Microsoft.AspNetCore.Hosting.Server.IServer server)
    : IPortalLinks
{
    public string CallPage(Guid callId) => Action("Details", "Calls", new { area = string.Empty, id = callId });

    public string ConfirmSubscription(string token) => Action("Confirm", "CallSubscriptions", new { area = string.Empty, token });

    public string Unsubscribe(string token) => Action("Unsubscribe", "CallSubscriptions", new { area = string.Empty, token });

    public string ConfirmEmail(Guid userId, string token) => Action("ConfirmEmail", "Account", new { area = string.Empty, userId, code = token });

    public string ResetPassword(Guid userId, string token) => Action("ResetPassword", "Account", new { area = string.Empty, userId, code = token });

    public string UnlockAccount(Guid userId, string token) => Action("Unlock", "Account", new { area = string.Empty, userId, code = token });

    public string ConfirmEmailChange(Guid userId, string email, string token) =>
        Action("ConfirmEmailChange", "Account", new { area = string.Empty, userId, email, code = token });

    public string JoinOrganization(string token) => Action("Join", "Organizations", new { area = "Applicant", token });

    public string MyBids() => Action("Index", "Bids", new { area = "Applicant" });

    public string MyProject(Guid agreementId) => Action("Details", "Projects", new { area = "Applicant", id = agreementId });

    public string BidReceipt(Guid submissionId) => Action("Receipt", "Bids", new { area = "Applicant", id = submissionId });

    public string MyAssignments() => Action("Index", "Assignments", new { area = "Expert" });

    public string ScoreSheet(Guid assignmentId) => Action("Score", "Assignments", new { area = "Expert", id = assignmentId });

    public string EvaluationDashboard(Guid callId) => Action("Index", "Evaluation", new { area = "Organizer", id = callId });

    public string CallAppeals(Guid callId) => Action("Index", "Appeals", new { area = "Organizer", id = callId });

    public string Verify(string sha256) => Action("Hash", "Verify", new { area = string.Empty, hash = sha256 });

    private string Action(string action, string controller, object values)
    {
        var path = links.GetPathByAction(action, controller, values)
            ?? throw new InvalidOperationException($"No route for {controller}.{action}.");
        return BaseUrl() + path;
    }

    /// <summary>The portal's public address without a trailing slash.</summary>
    public string BaseUrl()
    {
        if (PortalLinksSetup.ConfiguredBaseUrl(configuration) is { } configured)
        {
            return configured;
        }

        var request = accessor.HttpContext?.Request;
        if (request is { Host.HasValue: true })
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(PortalLinksSetup.MissingBaseUrl);
        }

        // Development and tests, outside a request (a seeder publishing calls): the address this portal listens on.
        var listening = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null
            ? "http://localhost"
            : listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}

public static class PortalLinksSetup
{
    public const string Key = "Portal:PublicBaseUrl";

    public const string MissingBaseUrl =
        "Portal__PublicBaseUrl is not set: links in e-mails sent outside a request (reminders, background jobs) would have no host. " +
        "Set it to the portal's public address, e.g. Portal__PublicBaseUrl=https://socialorder.example.kz.";

    public static string? ConfiguredBaseUrl(IConfiguration configuration) =>
        configuration[Key] is { Length: > 0 } configured ? configured.TrimEnd('/') : null;

    public static IServiceCollection AddPortalLinks(this IServiceCollection services) =>
        services.AddScoped<PortalLinks>().AddScoped<IPortalLinks>(sp => sp.GetRequiredService<PortalLinks>());

    /// <summary>
    /// Production sends e-mails from background jobs, where no request tells the host: without the setting (or with one
    /// that is not an absolute http(s) address) the portal does not start, and says why.
    /// </summary>
    public static void EnsureConfigured(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var configured = ConfiguredBaseUrl(configuration);
        if (configured is null || !Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new PortalConfigurationException(MissingBaseUrl);
        }
    }
}

/// <summary>A setting the portal cannot run without, or a combination it refuses to run with: said in one sentence at start-up.</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);
