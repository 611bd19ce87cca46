using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Stands in for a future API endpoint: it names no rate-limit policy of its own.</summary>
[ApiController]
[Route("api/test/ping")]
public sealed class PingApiController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok(new { pong = true });
}

/// <summary>The portal with the test's API controller and a small, configured API budget.</summary>
public sealed class ApiPortal : PortalFactory
{
    public const int Budget = 3;

    protected override bool RealRateLimits => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Api:PerAddress", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddControllers().AddApplicationPart(typeof(PingApiController).Assembly));
    }
}

public sealed class ApiRateLimitTests(ApiPortal app) : IClassFixture<ApiPortal>
{
    [Fact]
    public async Task ApiEndpoint_WithoutAPolicyOfItsOwn_IsHeldToTheConfiguredApiPolicy()
    {
        var client = WebPage.Open(app).Client;
        for (var i = 0; i < ApiPortal.Budget; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/test/ping", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/test/ping", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var (home, _) = await WebPage.Open(app).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home);
    }
}
