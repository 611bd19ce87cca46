namespace SocialOrder.Application.Common.Results;

public enum ResultStatus
{
    Ok,
    Invalid,
    RuleBroken,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// An expected failure. <see cref="Code"/> is a localization key; <see cref="Field"/> names the form field
/// (the command property) it belongs to, or is null for a message about the whole form.
/// </summary>
public sealed record Error(string Code, string? Field = null, IReadOnlyList<object>? Args = null);

public interface IResult
{
    ResultStatus Status { get; }

    IReadOnlyList<Error> Errors { get; }

    bool IsSuccess { get; }
}

public class Result : IResult
{
    protected Result(ResultStatus status, IReadOnlyList<Error> errors)
    {
        Status = status;
        Errors = errors;
    }

    public ResultStatus Status { get; }

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Status == ResultStatus.Ok;

    public bool IsFailure => !IsSuccess;

    public static Result Success() => new(ResultStatus.Ok, []);

    public static Result Failure(ResultStatus status, IReadOnlyList<Error> errors) => new(status, errors);

    public static Result Invalid(string code, string? field = null) => new(ResultStatus.Invalid, [new Error(code, field)]);

    public static Result NotFound() => new(ResultStatus.NotFound, [new Error("Error.NotFound")]);

    public static Result Forbidden() => new(ResultStatus.Forbidden, [new Error("Error.Forbidden")]);

    public static Result Conflict(string code) => new(ResultStatus.Conflict, [new Error(code)]);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value)
        : base(ResultStatus.Ok, [])
    {
        _value = value;
    }

    private Result(ResultStatus status, IReadOnlyList<Error> errors)
        : base(status, errors)
    {
    }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value);

    public static new Result<T> Failure(ResultStatus status, IReadOnlyList<Error> errors) => new(status, errors);

    public static new Result<T> Invalid(string code, string? field = null) => new(ResultStatus.Invalid, [new Error(code, field)]);

    public static new Result<T> NotFound() => new(ResultStatus.NotFound, [new Error("Error.NotFound")]);

    public static new Result<T> Forbidden() => new(ResultStatus.Forbidden, [new Error("Error.Forbidden")]);

    public static new Result<T> Conflict(string code) => new(ResultStatus.Conflict, [new Error(code)]);

#pragma warning disable CA2225 // a named alternative exists: Success
    public static implicit operator Result<T>(T value) => new(value);
#pragma warning restore CA2225
}

/// <summary>Builds a failed result of whatever result type a pipeline behaviour is handling.</summary>
public static class ResultFactory
{
    public static bool IsResultType(Type type) => typeof(IResult).IsAssignableFrom(type);

    public static TResponse Failure<TResponse>(ResultStatus status, IReadOnlyList<Error> errors)
    {
        var type = typeof(TResponse);
        if (type == typeof(Result))
        {
            return (TResponse)(object)Result.Failure(status, errors);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var method = type.GetMethod(nameof(Result.Failure), [typeof(ResultStatus), typeof(IReadOnlyList<Error>)])!;
            return (TResponse)method.Invoke(null, [status, errors])!;
        }

        throw new InvalidOperationException($"{type.Name} is not a result type.");
    }
}
