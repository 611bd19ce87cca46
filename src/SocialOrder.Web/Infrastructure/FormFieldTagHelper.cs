using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// One accessible form row: a label, the input and its validation message, tied together with
/// aria-describedby and aria-invalid. <c>&lt;form-field asp-for="Email" type="email" /&gt;</c>.
/// </summary>
[HtmlTargetElement("form-field", Attributes = ForAttributeName, TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    private const string ForAttributeName = "asp-for";

    [HtmlAttributeName(ForAttributeName)]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("type")]
    public string? InputType { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? AutoComplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var id = TagBuilder.CreateSanitizedId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name), "_");
        var errorId = id + "-error";
        var hintId = id + "-hint";
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(
            ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name), out var entry) && entry.Errors.Count > 0;
        var isCheckbox = For.ModelExplorer.ModelType == typeof(bool);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", isCheckbox ? "form-check mb-3" : "mb-3");

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, labelText: null, htmlAttributes: new { @class = isCheckbox ? "form-check-label" : "form-label" });

        var inputAttributes = new TagHelperAttributeList
        {
            { "class", (isCheckbox ? "form-check-input" : "form-control") + (hasError ? " is-invalid" : string.Empty) },
            { "aria-describedby", Hint is null ? errorId : $"{hintId} {errorId}" },
        };
        if (hasError)
        {
            inputAttributes.Add("aria-invalid", "true");
        }

        if (AutoComplete is not null)
        {
            inputAttributes.Add("autocomplete", AutoComplete);
        }

        if (InputMode is not null)
        {
            inputAttributes.Add("inputmode", InputMode);
        }

        TagHelperOutput field;
        if (Rows is { } rows)
        {
            inputAttributes.Add("rows", rows);
            field = new TagHelperOutput("textarea", inputAttributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
            var textarea = new TextAreaTagHelper(generator) { For = For, ViewContext = ViewContext };
            await textarea.ProcessAsync(CreateContext(), field);
        }
        else
        {
            field = new TagHelperOutput("input", inputAttributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()))
            {
                TagMode = TagMode.SelfClosing,
            };
            var input = new InputTagHelper(generator) { For = For, ViewContext = ViewContext, InputTypeName = InputType };
            if (InputType is not null)
            {
                field.Attributes.SetAttribute("type", InputType);
            }

            input.Init(CreateContext());
            await input.ProcessAsync(CreateContext(), field);
        }

        var validation = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, message: null, tag: "div", htmlAttributes: new { @class = "invalid-feedback d-block", id = errorId });

        if (isCheckbox)
        {
            output.Content.AppendHtml(field);
            output.Content.AppendHtml(label);
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(field);
        }

        if (Hint is not null)
        {
            output.Content.AppendHtml($"<div class=\"form-text\" id=\"{hintId}\">");
            output.Content.Append(Hint);
            output.Content.AppendHtml("</div>");
        }

        output.Content.AppendHtml(validation);
    }

    private static TagHelperContext CreateContext() =>
        new(new TagHelperAttributeList(), new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));
}
