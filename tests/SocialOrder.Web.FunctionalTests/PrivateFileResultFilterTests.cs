using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>Which answers the portal marks Cache-Control: no-store (receipts, bid files, ZIPs, protocol drafts).</summary>
public sealed class PrivateFileResultFilterTests
{
    [Theory]
    [InlineData(false, true, true)]   // a receipt, bid file or ZIP behind [Authorize]
    [InlineData(true, true, true)]    // the same, signed in
    [InlineData(false, false, false)] // the public award protocol, anonymously
    [InlineData(true, false, true)]   // the public protocol downloaded by a signed-in visitor
    public void OnResultExecuting_FileResult_IsNoStoreWhenPrivate(bool signedIn, bool requiresAuthorization, bool expectedNoStore)
    {
        var context = Context(new FileContentResult([1, 2, 3], "application/pdf"), requiresAuthorization, signedIn);

        new PrivateFileResultFilter().OnResultExecuting(context);

        Assert.Equal(expectedNoStore, context.HttpContext.Response.Headers.CacheControl.ToString() == "no-store");
    }

    [Fact]
    public void OnResultExecuting_PageBehindAuthorization_IsLeftAlone()
    {
        var context = Context(new ViewResult(), requiresAuthorization: true, signedIn: true);

        new PrivateFileResultFilter().OnResultExecuting(context);

        Assert.Empty(context.HttpContext.Response.Headers.CacheControl.ToString());
    }

    private static ResultExecutingContext Context(IActionResult result, bool requiresAuthorization, bool signedIn)
    {
        var http = new DefaultHttpContext();
        var metadata = requiresAuthorization ? new EndpointMetadataCollection(new AuthorizeAttribute()) : new EndpointMetadataCollection(new AllowAnonymousAttribute());
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, "test"));
        if (signedIn)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "Test"));
        }

        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        return new ResultExecutingContext(action, [], result, controller: new object());
    }
}
