namespace SocialOrder.Domain.Organizations;

/// <summary>
/// A Kazakhstani business identification number: 12 digits, the last a check digit computed with weights 1..11
/// modulo 11, or, when that gives 10, with weights 3..11,1,2; a second 10 means the number cannot be valid.
/// </summary>
public readonly record struct Bin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Bin(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? candidate)
    {
        if (candidate is null || candidate.Length != 12 || !candidate.All(char.IsAsciiDigit))
        {
            return false;
        }

        var check = Checksum(candidate, FirstWeights);
        if (check == 10)
        {
            check = Checksum(candidate, SecondWeights);
            if (check == 10)
            {
                return false;
            }
        }

        return check == candidate[11] - '0';
    }

    public static Bin Parse(string candidate) =>
        IsValid(candidate) ? new Bin(candidate) : throw new FormatException("Not a valid BIN.");

    public static Bin FromTrusted(string stored) => new(stored);

    public override string ToString() => Value;

    private static int Checksum(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11;
    }
}
