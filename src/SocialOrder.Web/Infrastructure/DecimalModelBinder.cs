using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Reads decimals the way people and browsers write them: an &lt;input type="number"&gt; always posts "66.67", a person
/// typing in Russian or Kazakh writes "66,67" and may group thousands with spaces ("1 250 000"). Both are accepted in
/// every language; anything else is the usual localized "not a number" message beside the field.
/// </summary>
public sealed class DecimalModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (TryParse(text, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
        }

        return Task.CompletedTask;
    }

    /// <summary>Spaces (also no-break) group thousands; the last "," or "." is the decimal separator.</summary>
    public static bool TryParse(string text, out decimal number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202f", string.Empty, StringComparison.Ordinal);
        if (compact.Count(c => c is ',' or '.') > 1)
        {
            number = 0;
            return false;
        }

        return decimal.TryParse(compact.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}

public sealed class DecimalModelBinderProvider : IModelBinderProvider
{
    private static readonly DecimalModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(decimal) ? Binder : null;
    }
}
