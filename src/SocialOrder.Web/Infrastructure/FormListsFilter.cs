using System.Collections;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Rows of a posted form's lists (activities, budget lines, criteria…) are bound by their ".Index" keys; a key without
/// fields binds a null row, which no browser sends but a hostile client can. Such rows are dropped before the action
/// and its view see the form, so neither the command nor the re-rendered page meets a null.
/// </summary>
public sealed class FormListsFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith("SocialOrder.Web", StringComparison.Ordinal) != true)
            {
                continue;
            }

            foreach (var property in argument.GetType().GetProperties())
            {
                if (property.GetIndexParameters().Length == 0 && property.CanRead && property.GetValue(argument) is IList { IsReadOnly: false, IsFixedSize: false } list)
                {
                    for (var i = list.Count - 1; i >= 0; i--)
                    {
                        if (list[i] is null && property.PropertyType.GetGenericArguments() is [{ IsValueType: false }])
                        {
                            list.RemoveAt(i);
                        }
                    }
                }
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
