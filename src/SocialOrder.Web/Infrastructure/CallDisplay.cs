using Microsoft.Extensions.Localization;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Web.Infrastructure;

/// <summary>How public pages show a call's phase and the time left to apply.</summary>
public static class CallDisplay
{
    public static string PhaseBadge(CallPhase phase) => phase switch
    {
        CallPhase.Upcoming => "text-bg-info",
        CallPhase.Open => "text-bg-success",
        CallPhase.Awarded => "text-bg-primary",
        CallPhase.Cancelled => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>
    /// "Closes in N days" for an open call; whole days are rounded down, so the hint never promises more time
    /// than is left, and the last day says "less than a day".
    /// </summary>
    public static string? ClosesHint(IStringLocalizer localizer, CallPhase phase, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (phase != CallPhase.Open || closesAt is not { } closes)
        {
            return null;
        }

        var left = closes - now;
        if (left < TimeSpan.FromDays(1))
        {
            return localizer["Catalogue.ClosesWithinDay"];
        }

        var days = (int)Math.Floor(left.TotalDays);
        return localizer[$"Catalogue.ClosesInDays.{PluralForm(Formatting.Culture, days)}", days];
    }

    /// <summary>The language a localized text is shown in (English falls back to Russian), for the lang attribute.</summary>
    public static string Lang(LocalizedText? text) => Formatting.Culture switch
    {
        "kk" => "kk",
        "en" when !string.IsNullOrWhiteSpace(text?.En) => "en",
        _ => "ru",
    };

    /// <summary>The plural category of a count: Russian has three (1 день, 2 дня, 5 дней), English two, Kazakh one.</summary>
    public static string PluralForm(string culture, int n)
    {
        switch (culture)
        {
            case "ru":
                var mod10 = n % 10;
                var mod100 = n % 100;
                return mod10 == 1 && mod100 != 11 ? "One"
                    : mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14 ? "Few"
                    : "Many";
            case "en":
                return n == 1 ? "One" : "Many";
            default:
                return "Many";
        }
    }
}
