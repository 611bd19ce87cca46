using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Web.Infrastructure;

/// <summary>Absolute links for e-mails: Portal:PublicBaseUrl when set, else the host of the current request.</summary>
public sealed class AccountLinks(IHttpContextAccessor accessor, LinkGenerator links, IConfiguration configuration) : IAccountLinks
{
    public string ConfirmEmail(Guid userId, string token) =>
        Build("ConfirmEmail", new { userId, code = token });

    public string ResetPassword(Guid userId, string token) =>
        Build("ResetPassword", new { userId, code = token });

    private string Build(string action, object values)
    {
        var path = links.GetPathByAction(action, "Account", values) ?? "/";
        var configured = configuration["Portal:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + path;
        }

        var request = accessor.HttpContext?.Request;
        return request is null ? path : $"{request.Scheme}://{request.Host}{path}";
    }
}
