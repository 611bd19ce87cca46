using System.Net;
using Microsoft.AspNetCore.Hosting;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests.Ocds;

/// <summary>The portal with the OpenData policy's real limiter and a small budget per address.</summary>
public sealed class OpenDataLimitedPortal : PortalFactory
{
    public const int Budget = 4;

    protected override bool RealRateLimits => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:OpenData:PerAddress", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class OcdsRateLimitTests(OpenDataLimitedPortal app) : IClassFixture<OpenDataLimitedPortal>
{
    [Fact]
    public async Task OpenDataApi_BeyondTheBudgetOfOneAddress_Answers429WithRetryAfter_AcrossItsEndpoints()
    {
        var client = WebPage.Open(app).Client;
        string[] paths = ["/api/ocds/releases", "/api/openapi.json", "/api/ocds/records/ocds-xxxxxx-NONE", "/api/ocds/releases?limit=1"];
        foreach (var path in paths)
        {
            using var allowed = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/ocds/releases.jsonl.gz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        // The rest of the portal has budgets of its own.
        var (home, _) = await WebPage.Open(app).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home);
    }
}
