using FluentValidation;

namespace SocialOrder.Application.Common.Validation;

public static class ValidationExtensions
{
    public const int MinPasswordLength = 12;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(256).EmailAddress();

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinPasswordLength).MaximumLength(128);

    private static readonly System.Text.RegularExpressions.Regex Markup =
        new("<\\s*[a-zA-Z!/?]", System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>Plain text only: anything that looks like a tag is refused rather than stored ("< 18 лет" is fine).</summary>
    public static IRuleBuilderOptions<T, string?> NoMarkup<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !Markup.IsMatch(v)).WithErrorCode("Validation.NoMarkup");

    public static bool HasMarkup(string value) => Markup.IsMatch(value);

    /// <summary>A date the portal can store and show: between 2000 and 2100.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> SupportedDate<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.Must(Domain.Common.KazakhstanTime.IsSupported).WithErrorCode("Validation.DateOutOfRange");

    /// <summary>A comma-separated list of file types, each one the upload inspection can recognise.</summary>
    public static IRuleBuilderOptions<T, string?> AllowedFileTypes<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => Files.FileTypes.Normalize(t).Split(',', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } types
                       && types.All(Files.FileInspection.DefaultAllowedExtensions.Contains))
            .WithErrorCode("Call.DocumentTypesInvalid");
}
