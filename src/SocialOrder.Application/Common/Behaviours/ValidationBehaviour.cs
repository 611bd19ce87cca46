using FluentValidation;
using Mediator;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Common.Behaviours;

/// <summary>
/// Runs the message's FluentValidation validators; failures become an Invalid result whose errors carry
/// a localization key (from the error code) and the property name, so the form can show them beside the field.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly Dictionary<string, string[]> PlaceholderNames = new(StringComparer.Ordinal)
    {
        ["MaximumLengthValidator"] = ["MaxLength"],
        ["MinimumLengthValidator"] = ["MinLength"],
        ["LengthValidator"] = ["MinLength", "MaxLength"],
        ["GreaterThanValidator"] = ["ComparisonValue"],
        ["GreaterThanOrEqualValidator"] = ["ComparisonValue"],
        ["LessThanValidator"] = ["ComparisonValue"],
        ["LessThanOrEqualValidator"] = ["ComparisonValue"],
        ["InclusiveBetweenValidator"] = ["From", "To"],
    };

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!ResultFactory.IsResultType(typeof(TResponse)))
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        var errors = new List<Error>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            errors.AddRange(result.Errors.Select(ToError));
        }

        return errors.Count == 0
            ? await next(message, cancellationToken)
            : ResultFactory.Failure<TResponse>(ResultStatus.Invalid, errors);
    }

    private static Error ToError(FluentValidation.Results.ValidationFailure failure)
    {
        var code = failure.ErrorCode ?? "Validation.Invalid";
        object[] args = [];
        if (PlaceholderNames.TryGetValue(code, out var names))
        {
            args = names
                .Select(n => failure.FormattedMessagePlaceholderValues?.GetValueOrDefault(n) ?? string.Empty)
                .ToArray();
        }

        var key = code.Contains('.', StringComparison.Ordinal) ? code : "Validation." + code;
        return new Error(key, failure.PropertyName, args);
    }
}
