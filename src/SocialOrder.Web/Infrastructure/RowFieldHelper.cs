using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// A labelled input for a row of a repeatable list (criteria, documents, yearly budgets) with its own error
/// message. Rows are keyed with the "Index" convention, so rows added in the browser bind without renumbering.
/// A <c>nameFormat</c> such as "Weight of criterion {n}" gives the field an accessible name of its own among identical
/// rows (the page's script renumbers it when rows are added or removed).
/// </summary>
public static class RowFieldHelper
{
    public static IHtmlContent RowField(
        this IHtmlHelper html, string name, string label, object? value, string type = "text", string? css = null, int? rows = null, string? extra = null,
        string? nameFormat = null, int? rowNumber = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = html.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var enc = HtmlEncoder.Default;
        var text = value switch
        {
            null => string.Empty,
            decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (nameFormat is not null)
        {
            extra = $"{extra} {AccessibleName(nameFormat, rowNumber)}";
        }

        var invalid = errors.Count > 0 ? " is-invalid\" aria-invalid=\"true" : string.Empty;
        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<div class=\"{css ?? "col-md-6"} mb-2\">");
        if (type == "checkbox")
        {
            var isChecked = value is true ? " checked" : string.Empty;
            builder.AppendHtml($"<div class=\"form-check mt-4\"><input class=\"form-check-input\" type=\"checkbox\" id=\"{id}\" name=\"{enc.Encode(name)}\" value=\"true\"{isChecked} aria-describedby=\"{id}-error\" {extra} />");
            builder.AppendHtml($"<input type=\"hidden\" name=\"{enc.Encode(name)}\" value=\"false\" />");
            builder.AppendHtml($"<label class=\"form-check-label\" for=\"{id}\">{enc.Encode(label)}</label></div>");
        }
        else
        {
            builder.AppendHtml($"<label class=\"form-label small\" for=\"{id}\">{enc.Encode(label)}</label>");
            if (rows is { } r)
            {
                builder.AppendHtml($"<textarea class=\"form-control form-control-sm{invalid}\" id=\"{id}\" name=\"{enc.Encode(name)}\" rows=\"{r}\" aria-describedby=\"{id}-error\" {extra}>{enc.Encode(text)}</textarea>");
            }
            else
            {
                builder.AppendHtml($"<input class=\"form-control form-control-sm{invalid}\" type=\"{type}\" id=\"{id}\" name=\"{enc.Encode(name)}\" value=\"{enc.Encode(text)}\" aria-describedby=\"{id}-error\" {extra} />");
            }
        }

        builder.AppendHtml($"<div class=\"invalid-feedback d-block\" id=\"{id}-error\">{enc.Encode(string.Join(" ", errors))}</div></div>");
        return builder;
    }

    /// <summary>aria-label for one row's element ("{n}" replaced by the row's number) and the format the script renumbers with.</summary>
    public static string AccessibleName(string nameFormat, int? rowNumber)
    {
        ArgumentNullException.ThrowIfNull(nameFormat);
        var enc = HtmlEncoder.Default;
        var name = rowNumber is { } n ? nameFormat.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : nameFormat;
        return $"aria-label=\"{enc.Encode(name)}\" data-name-format=\"{enc.Encode(nameFormat)}\"";
    }

    public static IHtmlContent FieldError(this IHtmlHelper html, string name)
    {
        ArgumentNullException.ThrowIfNull(html);
        var errors = html.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var id = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        return new HtmlString($"<div class=\"invalid-feedback d-block\" id=\"{id}\">{HtmlEncoder.Default.Encode(string.Join(" ", errors))}</div>");
    }
}
