using SocialOrder.Application.OpenData;
using SocialOrder.Infrastructure.OpenData;

namespace SocialOrder.Web.Infrastructure;

/// <summary>Public addresses for OCDS releases, from the same base as every other link of the portal.</summary>
public sealed class OcdsLinks(PortalLinks portal, LinkGenerator links) : IOcdsLinks
{
    public string CallPage(Guid callId) => portal.CallPage(callId);

    public string Protocol(Guid callId, string language) =>
        portal.BaseUrl() + (links.GetPathByAction("Protocol", "Calls", new { area = string.Empty, id = callId, lang = language })
            ?? throw new InvalidOperationException("No route for Calls.Protocol."));

    public string Api(string pathAndQuery) => portal.BaseUrl() + pathAndQuery;
}

public static class OpenDataSetup
{
    /// <summary>The OCDS API's parts: options, the event index, the release builder, the bulk file and its daily job (ADR 20).</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenDataInfrastructure(configuration);
        services.AddScoped<IOcdsLinks, OcdsLinks>();
        return services;
    }
}
