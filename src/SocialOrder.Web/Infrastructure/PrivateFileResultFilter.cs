using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Receipts, bid files, ZIPs and protocol drafts are private: a file answered to a signed-in visitor, or by an
/// action that requires authorization, is never kept by the browser or a shared cache.
/// </summary>
public sealed class PrivateFileResultFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is not FileResult)
        {
            return;
        }

        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata;
        var requiresAuthorization = metadata?.GetMetadata<IAuthorizeData>() is not null && metadata.GetMetadata<IAllowAnonymous>() is null;
        if (requiresAuthorization || http.User.Identity?.IsAuthenticated == true)
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.Pragma = "no-cache";
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
