using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Web.Infrastructure;

public static class ResultExtensions
{
    /// <summary>Puts each error under its form field (or the whole form), in the user's language.</summary>
    public static void AddResultErrors(
        this ModelStateDictionary modelState, SocialOrder.Application.Common.Results.IResult result, IStringLocalizer localizer, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Field is null ? string.Empty : (prefix is null ? error.Field : prefix + "." + error.Field);
            modelState.AddModelError(key, Localize(localizer, error));
        }
    }

    public static string Localize(IStringLocalizer localizer, Error error)
    {
        var template = localizer[error.Code];
        var args = error.Args ?? [];
        return args.Count == 0 ? template.Value : string.Format(CultureInfo.CurrentCulture, template.Value, args.ToArray());
    }
}
