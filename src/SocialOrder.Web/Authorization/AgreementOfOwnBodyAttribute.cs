using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SocialOrder.Application.Agreements.IsAgreementOfOwnBody;

namespace SocialOrder.Web.Authorization;

/// <summary>
/// On the staff areas, an action argument named <c>agreementId</c> is always an agreement id: the agreement must belong to
/// the user's state body, or the answer is 404 before the action runs (the counterpart of <see cref="CallOfOwnBodyAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AgreementOfOwnBodyAttribute : Attribute, IAsyncActionFilter
{
    public const string AgreementIdArgument = "agreementId";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.ActionDescriptor.Parameters.Any(p => p.Name == AgreementIdArgument))
        {
            var id = context.ActionArguments.TryGetValue(AgreementIdArgument, out var value) ? value as Guid? : null;
            var sender = context.HttpContext.RequestServices.GetRequiredService<ISender>();
            if (id is null || !await sender.Send(new IsAgreementOfOwnBodyQuery(id.Value), context.HttpContext.RequestAborted))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
