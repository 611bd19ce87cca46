using FluentValidation;

namespace SocialOrder.Application.Common.Validation;

public static class ValidationExtensions
{
    public const int MinPasswordLength = 12;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(256).EmailAddress();

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinPasswordLength).MaximumLength(128);

    /// <summary>Plain text only: anything that looks like markup is refused rather than stored.</summary>
    public static IRuleBuilderOptions<T, string?> NoMarkup<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || (!v.Contains('<', StringComparison.Ordinal) && !v.Contains('>', StringComparison.Ordinal)))
            .WithErrorCode("Validation.NoMarkup");
}
