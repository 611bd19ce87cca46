using Microsoft.Playwright;

namespace SocialOrder.Web.BrowserTests;

/// <summary>What a visitor does on the account pages, found the way they find it: by the visible, localized labels.</summary>
public static class Pages
{
    /// <summary>Opens the sign-in page afresh (so no earlier message is on it), fills it in and submits it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string culture = "ru")
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(PortalText.Get("Field.Email", culture), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(PortalText.Get("Field.Password", culture), new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Account.Login.Submit", culture), Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Clicks a language button in the header: a POST to /culture that should set the culture cookie and redirect
    /// back to the same page. Fails at once, saying so, when the POST is refused.
    /// </summary>
    public static async Task SwitchLanguageAsync(IPage page, string buttonText)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/culture");
        Assert.True(
            response.Status is 302 or 303,
            $"The language switcher's POST /culture answered {response.Status} instead of redirecting back to the page.");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task FillRegistrationAsync(IPage page, string fullName, string email, string password, string culture = "ru")
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel(PortalText.Get("Account.Type.Applicant", culture), new() { Exact = true }).CheckAsync();
        await page.GetByLabel(PortalText.Get("Field.FullName", culture), new() { Exact = true }).FillAsync(fullName);
        await page.GetByLabel(PortalText.Get("Field.Email", culture), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(PortalText.Get("Field.Password", culture), new() { Exact = true }).FillAsync(password);
        await page.GetByLabel(PortalText.Get("Field.ConfirmPassword", culture), new() { Exact = true }).FillAsync(password);
    }

    public static Task SubmitRegistrationAsync(IPage page, string culture = "ru") =>
        page.GetByRole(AriaRole.Button, new() { Name = PortalText.Get("Account.Register.Submit", culture), Exact = true }).ClickAsync();
}
