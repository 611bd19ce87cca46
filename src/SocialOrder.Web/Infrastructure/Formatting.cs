using System.Globalization;
using SocialOrder.Domain.Common;

namespace SocialOrder.Web.Infrastructure;

/// <summary>How the portal shows times (Kazakhstan time), money and localized names.</summary>
public static class Formatting
{
    public static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string KzTime(DateTimeOffset utc) =>
        KazakhstanTime.ToLocal(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string KzTime(DateTimeOffset? utc) => utc is { } v ? KzTime(v) : string.Empty;

    public static string Kzt(decimal amount) => Money.Kzt(amount).ToString();

    public static string Name(LocalizedText? text) => text?.For(Culture) ?? string.Empty;
}
