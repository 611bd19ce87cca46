using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>The portal's authenticator codes against RFC 6238's own test vector, its window, and replay.</summary>
public sealed class TotpAuthenticatorTokenProviderTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    // RFC 6238 Appendix B: the ASCII key "12345678901234567890" (SHA-1); at T = 59 s the 8-digit code is 94287082.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private const string PurposeName = "TwoFactor";

    [Fact]
    public async Task Validate_RfcVectorOnThePortalsClock_AcceptsOnceAndOneStepEitherSideOnly()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync("observer@socialorder.kz"))!;
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", RfcKey);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(59));
        var provider = new TotpAuthenticatorTokenProvider(clock);

        Assert.Equal("287082", Totp.Code(RfcKey, clock.GetUtcNow()));
        Assert.False(await provider.ValidateAsync(PurposeName, "287083", users, user));
        Assert.True(await provider.ValidateAsync(PurposeName, "287 082", users, user));
        Assert.False(await provider.ValidateAsync(PurposeName, "287082", users, user));

        // Three steps later the previous step's code is still accepted (one step of drift), an older one is not.
        clock.Advance(TimeSpan.FromSeconds(90));
        var previous = Totp.Code(RfcKey, clock.GetUtcNow().AddSeconds(-30));
        var twoBack = Totp.Code(RfcKey, clock.GetUtcNow().AddSeconds(-60));
        Assert.False(await provider.ValidateAsync(PurposeName, twoBack, users, user));
        Assert.True(await provider.ValidateAsync(PurposeName, previous, users, user));
        Assert.False(await provider.ValidateAsync(PurposeName, "abcdef", users, user));
        Assert.True(await provider.ValidateAsync(PurposeName, Totp.Code(RfcKey, clock.GetUtcNow().AddSeconds(30)), users, user));
    }
}
