using System.Security.Claims;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Web.Infrastructure;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string ClientNetwork => accessor.HttpContext is { } context ? RateLimiting.ClientAddress(context) : "unknown";

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;

    public Guid? StateBodyId => Guid.TryParse(Principal?.FindFirstValue(PortalClaims.StateBody), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
