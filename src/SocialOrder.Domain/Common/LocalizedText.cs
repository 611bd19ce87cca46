namespace SocialOrder.Domain.Common;

/// <summary>A name in the portal's languages; Kazakh and Russian are mandatory, English optional.</summary>
public sealed record LocalizedText(string Kk, string Ru, string? En = null)
{
    public string For(string culture) => culture switch
    {
        "kk" => Kk,
        "en" => string.IsNullOrWhiteSpace(En) ? Ru : En,
        _ => Ru,
    };
}
