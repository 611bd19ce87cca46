using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>A portal whose MVC pipeline throws on request, to see what a visitor gets from an unexpected failure.</summary>
public sealed class ThrowingPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(new ThrowOnRequestFilter())));
    }

    private sealed class ThrowOnRequestFilter : IActionFilter
    {
        public void OnActionExecuting(ActionExecutingContext context)
        {
            if (context.HttpContext.Request.Path == "/Home/Index")
            {
                throw new InvalidOperationException("Secret internal detail: connection to 10.0.0.7 refused");
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}

public sealed class ErrorPageTests(ThrowingPortalFactory app) : IClassFixture<ThrowingPortalFactory>
{
    [Fact]
    public async Task UnexpectedException_ShowsLocalized500WithoutStackTraceOrDetails()
    {
        var page = WebPage.Open(app);
        await page.ChooseLanguageAsync("en");

        var (status, html) = await page.GetAsync("/Home/Index");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains(Resources.Text("Error.500.Title", "en"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at SocialOrder", html, StringComparison.Ordinal);
    }
}
