using System.Globalization;

namespace SocialOrder.Domain.Common;

/// <summary>An amount in Kazakhstani tenge. Always decimal, never floating point.</summary>
public readonly record struct Money(decimal Amount)
{
    private static readonly NumberFormatInfo Grouping = new()
    {
        NumberGroupSeparator = "\u00A0",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
    };

    public static Money Kzt(decimal amount) => new(amount);

    public static Money Zero => new(0m);

    public bool IsPositive => Amount > 0m;

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Formats as <c>1 250 000 ₸</c> with no-break spaces, so an amount never wraps.</summary>
    public override string ToString()
    {
        var format = decimal.Truncate(Amount) == Amount ? "#,0" : "#,0.00";
        return Amount.ToString(format, Grouping) + "\u00A0₸";
    }
}
