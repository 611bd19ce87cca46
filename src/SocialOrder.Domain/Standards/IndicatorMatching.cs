using System.Text.RegularExpressions;

namespace SocialOrder.Domain.Standards;

/// <summary>
/// Which of a standard's quality indicators a bid's indicators do not include (ADR 26). A bid indicator includes a
/// quality indicator when its name starts with the indicator's code as a word ("QI-1 Охват…", "QI-1: …"), or when
/// its name equals the indicator's name in Kazakh, Russian or English, ignoring case and repeated spaces.
/// </summary>
public static partial class IndicatorMatching
{
    public static IReadOnlyList<QualityIndicator> Missing(IReadOnlyList<QualityIndicator> required, IEnumerable<string> bidIndicatorNames)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(bidIndicatorNames);
        var names = bidIndicatorNames.Select(Normalize).Where(n => n.Length > 0).ToList();
        return [.. required.Where(q => !names.Any(n => Includes(n, q)))];
    }

    public static bool Includes(string normalizedName, QualityIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(normalizedName);
        ArgumentNullException.ThrowIfNull(indicator);
        var code = Normalize(indicator.Code);
        if (code.Length > 0 && normalizedName.StartsWith(code, StringComparison.Ordinal)
            && (normalizedName.Length == code.Length || !char.IsLetterOrDigit(normalizedName[code.Length])))
        {
            return true;
        }

        return new[] { indicator.Name.Kk, indicator.Name.Ru, indicator.Name.En }
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Any(n => Normalize(n!) == normalizedName);
    }

    public static string Normalize(string text) => Spaces().Replace((text ?? string.Empty).Trim(), " ").ToUpperInvariant();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
