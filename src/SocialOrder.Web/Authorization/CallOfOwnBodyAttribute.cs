using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SocialOrder.Application.Calls.IsCallOfOwnBody;

namespace SocialOrder.Web.Authorization;

/// <summary>
/// On the staff areas, an action argument named <c>id</c> is always a call id: the call must belong to the user's state
/// body, or the answer is 404 before the action (or its validation) runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CallOfOwnBodyAttribute : Attribute, IAsyncActionFilter
{
    public const string CallIdArgument = "id";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var takesCallId = context.ActionDescriptor.Parameters.Any(p =>
            p.Name == CallIdArgument && (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)));
        if (takesCallId)
        {
            var callId = context.ActionArguments.TryGetValue(CallIdArgument, out var value) ? value as Guid? : null;
            if (callId is { } id)
            {
                var sender = context.HttpContext.RequestServices.GetRequiredService<ISender>();
                if (!await sender.Send(new IsCallOfOwnBodyQuery(id), context.HttpContext.RequestAborted))
                {
                    context.Result = new NotFoundResult();
                    return;
                }
            }
            else if (context.ActionDescriptor.Parameters.Single(p => p.Name == CallIdArgument).ParameterType == typeof(Guid))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
