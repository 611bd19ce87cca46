using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>A cookie-keeping client that reads forms the way a browser would (eShopOnWeb's WebPageHelpers).</summary>
public sealed partial class WebPage(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static WebPage Open(PortalFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        return new WebPage(client);
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads the page, takes its anti-forgery token and posts the fields to the given action.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, IDictionary<string, string> fields)
    {
        var (_, html) = await GetAsync(pageUrl);

        // The language buttons and the catalogue's subscription form carry no token (their pages are output-cached
        // for every anonymous visitor, ADR 29); every other form does.
        var match = TokenRegex().Match(html);
        var content = new Dictionary<string, string>(fields);
        if (match.Success)
        {
            content["__RequestVerificationToken"] = match.Groups[1].Value;
        }

        return await Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(content));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public async Task ChooseLanguageAsync(string culture)
    {
        using var response = await PostFormAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return match.Groups[1].Value;
    }

    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        if (!match.Success)
        {
            return null;
        }

        var value = Regex.Match(match.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
    }

    /// <summary>The text of the validation message tied to a field (the element the input's aria-describedby names).</summary>
    public static string FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<div[^>]*id=\"{Regex.Escape(fieldId)}-error\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty)).Trim() : string.Empty;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
