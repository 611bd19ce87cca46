using System.Globalization;
using System.Text;

namespace SocialOrder.Domain.RedFlags;

/// <summary>
/// How alike two texts are: the Jaccard similarity of their sets of word trigrams (shingles), after lower-casing and
/// dropping punctuation. Exact rather than a MinHash estimate: a call has tens of bids, so every pair is compared (ADR 28).
/// </summary>
public static class TextSimilarity
{
    public const double NearDuplicate = 0.8;

    public static IReadOnlySet<string> Shingles(string text, int size = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length < size)
        {
            if (words.Length > 0)
            {
                set.Add(string.Join(' ', words));
            }

            return set;
        }

        for (var i = 0; i + size <= words.Length; i++)
        {
            set.Add(string.Join(' ', words, i, size));
        }

        return set;
    }

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return sb.ToString();
    }
}
