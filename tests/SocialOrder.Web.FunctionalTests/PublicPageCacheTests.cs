using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using SocialOrder.Application.Calls.Cancel;
using SocialOrder.Application.Calls.Publish;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>A portal whose public pages are output-cached, as in production (ADR 29).</summary>
public sealed class CachingPortalFactory : PortalFactory
{
    protected override bool CachePublicPages => true;
}

/// <summary>
/// Anonymous public pages come from the output cache (a stored copy answers with an <c>Age</c> header), are forgotten
/// when the call changes, and are never served to or stored for a signed-in visitor or a response setting a cookie.
/// </summary>
public sealed class PublicPageCacheTests(CachingPortalFactory app) : IClassFixture<CachingPortalFactory>
{
    [Fact]
    public async Task Catalogue_SecondAnonymousGet_IsServedFromTheCache_WithoutCookiesOrTokens()
    {
        await new PublicCallBuilder(app).Titled("Кэштелген бет", "Кэшируемаястраница").SaveAsync();
        var url = "/Calls?search=" + Uri.EscapeDataString("Кэшируемаястраница");

        using var first = await Anonymous().GetAsync(new Uri(url, UriKind.Relative));
        Later();
        using var second = await Anonymous().GetAsync(new Uri(url, UriKind.Relative));
        var firstHtml = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"), "The first visit renders the page.");
        Assert.True(second.Headers.Contains("Age"), "The second visit is served from the cache.");
        Assert.Equal(firstHtml, await second.Content.ReadAsStringAsync());
        Assert.Contains("Кэшируемаястраница", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", firstHtml, StringComparison.Ordinal);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Catalogue_VariesByLanguage()
    {
        await new PublicCallBuilder(app).Titled("Тілдікбет", "Языковаястраница").SaveAsync();
        var url = "/Calls?search=" + Uri.EscapeDataString("Тілдікбет");
        var kazakh = WebPage.Open(app);
        await kazakh.ChooseLanguageAsync("kk");

        var (_, russianHtml) = await WebPage.Open(app).GetAsync(url);
        var (_, kazakhHtml) = await kazakh.GetAsync(url);

        Assert.Contains("<html lang=\"ru\">", russianHtml, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"kk\">", kazakhHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_PublishingACall_EvictsTheStoredPages()
    {
        var now = app.Clock.GetUtcNow();
        var draft = await new PublicCallBuilder(app).Titled("Жарияланатынконкурс", "Публикуемыйконкурс").Window(now.AddDays(3), now.AddDays(30)).Draft().SaveAsync();
        var url = "/Calls?search=" + Uri.EscapeDataString("Публикуемыйконкурс");
        using var before = await Anonymous().GetAsync(new Uri(url, UriKind.Relative));
        Later();
        using var cached = await Anonymous().GetAsync(new Uri(url, UriKind.Relative));

        var published = await app.SendAsync(new PublishCallCommand(draft.Id.Value), Official(draft));
        using var after = await Anonymous().GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(published.IsSuccess, string.Join(",", published.Errors.Select(e => e.Code)));
        Assert.DoesNotContain("Публикуемыйконкурс</a>", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(cached.Headers.Contains("Age"));
        Assert.False(after.Headers.Contains("Age"), "Publishing forgot the stored catalogue page.");
        Assert.Contains("Публикуемыйконкурс", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPage_CancellingTheCall_EvictsItsPageAndTheCatalogue()
    {
        var call = await new PublicCallBuilder(app).Titled("Тоқтатылатын", "Отменяемыйконкурс").SaveAsync();
        var page = $"/Calls/{call.Id.Value}";
        var catalogue = "/Calls?search=" + Uri.EscapeDataString("Отменяемыйконкурс");
        (await Anonymous().GetAsync(new Uri(page, UriKind.Relative))).Dispose();
        (await Anonymous().GetAsync(new Uri(catalogue, UriKind.Relative))).Dispose();
        Later();
        using var cachedPage = await Anonymous().GetAsync(new Uri(page, UriKind.Relative));
        using var cachedCatalogue = await Anonymous().GetAsync(new Uri(catalogue, UriKind.Relative));

        var cancelled = await app.SendAsync(new CancelCallCommand(call.Id.Value, "Финансирование перенесено на следующий год."), Official(call));
        using var afterPage = await Anonymous().GetAsync(new Uri(page, UriKind.Relative));
        using var afterCatalogue = await Anonymous().GetAsync(new Uri(catalogue, UriKind.Relative));

        Assert.True(cancelled.IsSuccess, string.Join(",", cancelled.Errors.Select(e => e.Code)));
        Assert.True(cachedPage.Headers.Contains("Age"));
        Assert.True(cachedCatalogue.Headers.Contains("Age"));
        Assert.False(afterPage.Headers.Contains("Age"));
        Assert.False(afterCatalogue.Headers.Contains("Age"));
        Assert.Contains("Финансирование перенесено на следующий год.", await afterPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Resources.Text("Phase.Cancelled"), await afterCatalogue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void CallPage_IsKeptNoLongerThanItsNextPhaseChange_AndNotAtAllPastIt()
    {
        // The store expires copies by the real clock, not the tests' fake one, so the rule is checked where it is set.
        var now = DateTimeOffset.UtcNow;
        var (soon, soonContext) = Context();
        var (passed, passedContext) = Context();
        var callId = Guid.NewGuid();

        soon.CacheAsCallPage(callId, now.AddMinutes(2), now);
        passed.CacheAsCallPage(callId, now.AddMinutes(-1), now);

        Assert.Equal(TimeSpan.FromMinutes(2), soonContext.ResponseExpirationTimeSpan);
        Assert.Contains(PublicPageCaching.CallTag(callId), soonContext.Tags);
        Assert.True(soonContext.AllowCacheStorage);
        Assert.False(passedContext.AllowCacheStorage);
    }

    private static (HttpContext Http, OutputCacheContext Context) Context()
    {
        var http = new DefaultHttpContext();
        var context = new OutputCacheContext { HttpContext = http, AllowCacheStorage = true, ResponseExpirationTimeSpan = TimeSpan.FromMinutes(5) };
        http.Features.Set<IOutputCacheFeature>(new Feature(context));
        return (http, context);
    }

    private sealed class Feature(OutputCacheContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context => context;
    }

    [Fact]
    public async Task SignedInVisitors_NeverGetAStoredPage_NorLeaveTheirsForOthers()
    {
        var call = await new PublicCallBuilder(app).Titled("Кіргенпайдаланушы", "Вошедшийпользователь").SaveAsync();
        var page = $"/Calls/{call.Id.Value}";
        (await Anonymous().GetAsync(new Uri(page, UriKind.Relative))).Dispose();
        Later();
        var applicant = WebPage.Open(app);
        (await applicant.SignInAsync("applicant@socialorder.kz", DemoDataSeeder.DemoPassword)).Dispose();

        using var signedIn = await applicant.Client.GetAsync(new Uri(page, UriKind.Relative));
        using var signedInAgain = await applicant.Client.GetAsync(new Uri(page, UriKind.Relative));
        var signedInHtml = await signedIn.Content.ReadAsStringAsync();
        using var anonymous = await Anonymous().GetAsync(new Uri(page, UriKind.Relative));
        var anonymousHtml = await anonymous.Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(page, UriKind.Relative));
        request.Headers.Add("Cookie", PublicPageCaching.AuthCookie + "=expired-or-forged");
        using var withAuthCookie = await Anonymous().SendAsync(request);

        Assert.False(signedIn.Headers.Contains("Age"));
        Assert.False(signedInAgain.Headers.Contains("Age"));
        Assert.Contains("data-testid=\"current-user\"", signedInHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ask-form\"", signedInHtml, StringComparison.Ordinal);
        Assert.True(anonymous.Headers.Contains("Age"));
        Assert.DoesNotContain("data-testid=\"current-user\"", anonymousHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ask-form\"", anonymousHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("applicant@socialorder.kz", anonymousHtml, StringComparison.Ordinal);
        Assert.False(withAuthCookie.Headers.Contains("Age"), "An auth cookie, even an invalid one, bypasses the cache.");
    }

    [Fact]
    public async Task ChoosingTheLanguageAndSubscribing_WorkFromAStoredPage_WithoutATokenOrASession()
    {
        var client = Anonymous();
        (await client.GetAsync(new Uri("/Calls", UriKind.Relative))).Dispose();
        using var language = await client.PostAsync(new Uri("/culture", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/Calls" }));
        using var subscribed = await client.PostAsync(new Uri("/Calls/subscribe", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Email"] = "stored.page@example.kz" }));

        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Contains(".AspNetCore.Culture", string.Join(";", language.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
    }

    [Fact]
    public async Task Policy_StoresNothingThatSetsACookieOrIsMarkedNoStore_AndServesNoSignedInVisitor()
    {
        var policy = new PublicPageCaching.PublicPagePolicy(TimeSpan.FromMinutes(5));

        var withCookie = await ServedAsync(policy, http => http.Response.Headers.SetCookie = "a=b; path=/");
        var noStore = await ServedAsync(policy, http => http.Response.Headers.CacheControl = "no-cache, no-store");
        var notFound = await ServedAsync(policy, http => http.Response.StatusCode = 404);
        var plain = await ServedAsync(policy, _ => { });
        var signedIn = new OutputCacheContext { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x")], "test")) } };
        await policy.CacheRequestAsync(signedIn, CancellationToken.None);

        Assert.False(withCookie.AllowCacheStorage);
        Assert.False(noStore.AllowCacheStorage);
        Assert.False(notFound.AllowCacheStorage);
        Assert.True(plain.AllowCacheStorage);
        Assert.True(plain.AllowCacheLookup);
        Assert.False(signedIn.AllowCacheLookup);
        Assert.False(signedIn.AllowCacheStorage);
    }

    private static async Task<OutputCacheContext> ServedAsync(PublicPageCaching.PublicPagePolicy policy, Action<HttpContext> respond)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, CancellationToken.None);
        http.Response.StatusCode = 200;
        respond(http);
        await policy.ServeResponseAsync(context, CancellationToken.None);
        return context;
    }

    /// <summary>The middleware serves a copy only when it is older than zero by the portal's clock, which the tests hold still.</summary>
    private void Later() => app.Clock.Advance(TimeSpan.FromSeconds(1));

    private HttpClient Anonymous() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    private static ClaimsPrincipal Official(Call call) =>
        PortalFactory.Principal(Guid.NewGuid(), "cache.official@gov.kz", call.StateBodyId.Value, Roles.Official);
}
