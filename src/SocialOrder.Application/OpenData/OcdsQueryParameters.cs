using System.Globalization;
using System.Text;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.OpenData;

/// <summary>Reads and writes the releases endpoint's query parameters; anything it cannot read is refused, never guessed.</summary>
public static class OcdsQueryParameters
{
    public const int MaxLimit = 100;
    private const string CursorVersion = "1";
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
    private static readonly string[] Kinds =
        [OcdsEventKinds.Tender, OcdsEventKinds.Amendment, OcdsEventKinds.Enquiry, OcdsEventKinds.BidsClosed, OcdsEventKinds.Award, OcdsEventKinds.Cancellation];

    /// <summary>
    /// A date (<c>2027-03-01</c>, a day in Kazakhstan time) or an instant with its offset (<c>2027-03-01T10:00:00+05:00</c>).
    /// For <paramref name="endOfDay"/> a plain date means the end of that day, so <c>until=2027-03-01</c> includes the 1st.
    /// </summary>
    public static bool TryParseDate(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > 40)
        {
            return false;
        }

        DateTimeOffset instant;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year < 2000 || day.Year > 2100)
            {
                return false;
            }

            instant = KazakhstanTime.FromLocal(endOfDay ? day.AddDays(1) : day);
        }
        else if (!DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            || !KazakhstanTime.IsSupported(instant))
        {
            return false;
        }

        value = instant.ToUniversalTime();
        return true;
    }

    /// <summary>A state body by its BIN (12 digits), also accepted as its party id <c>KZ-BIN-…</c>.</summary>
    public static bool TryParseBody(string? text, out string? bin)
    {
        bin = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var candidate = text.StartsWith(OcdsReleaseBuilder.BinScheme + "-", StringComparison.Ordinal) ? text[(OcdsReleaseBuilder.BinScheme.Length + 1)..] : text;
        if (candidate.Length != 12 || !candidate.All(char.IsAsciiDigit))
        {
            return false;
        }

        bin = candidate;
        return true;
    }

    public static bool TryParseLimit(string? text, out int limit)
    {
        limit = MaxLimit;
        return string.IsNullOrEmpty(text)
            || (text.Length <= 3 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit);
    }

    public static string EncodeCursor(OcdsEvent last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var micros = (last.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var raw = string.Join('|', CursorVersion, micros.ToString(CultureInfo.InvariantCulture), last.CallId.ToString("N"), last.Kind, last.Key);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryParseCursor(string? text, out OcdsCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > 200 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes, 0, length).Split('|');
        if (parts.Length != 5 || parts[0] != CursorVersion
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            || !Guid.TryParseExact(parts[2], "N", out var callId)
            || !Kinds.Contains(parts[3])
            || parts[4].Length > 40 || !parts[4].All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var ticks = DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10);
        if (micros > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 || !KazakhstanTime.IsSupported(new DateTimeOffset(ticks, TimeSpan.Zero)))
        {
            return false;
        }

        cursor = new OcdsCursor(new DateTimeOffset(ticks, TimeSpan.Zero), callId, parts[3], parts[4]);
        return true;
    }
}
