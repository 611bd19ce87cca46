using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SocialOrder.Web.Infrastructure;

/// <summary>
/// Text from forms and query strings without NUL characters: nobody types one, PostgreSQL refuses to store or even
/// compare one (22021), so a posted NUL would otherwise end as an error page. Otherwise the same as MVC's own string
/// binding (empty text is null where the model allows it).
/// </summary>
public sealed class TextModelBinder : IModelBinder
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
        var text = value.FirstValue?.Replace("\0", string.Empty, StringComparison.Ordinal);
        bindingContext.Result = ModelBindingResult.Success(
            string.IsNullOrEmpty(text) && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : text);
        return Task.CompletedTask;
    }
}

public sealed class TextModelBinderProvider : IModelBinderProvider
{
    private static readonly TextModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(string) ? Binder : null;
    }
}
