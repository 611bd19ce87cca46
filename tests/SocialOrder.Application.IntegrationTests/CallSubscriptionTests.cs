using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Calls.ConfirmCallSubscription;
using SocialOrder.Application.Calls.SubscribeToCalls;
using SocialOrder.Application.Calls.Subscriptions;
using SocialOrder.Application.Calls.UnsubscribeFromCalls;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Email;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed partial class CallSubscriptionTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Subscribe_QueuesAConfirmationInTheSubscribersLanguage_AndConfirmingActivatesIt()
    {
        const string email = "Asel.Confirm@Example.kz";
        var now = app.Clock.AdvanceToWholeSecond();

        var subscribed = await app.SendAsync(new SubscribeToCallsCommand(email, 19, 1, "kk"));

        Assert.True(subscribed.IsSuccess);
        var mail = Assert.Single(await EmailsToAsync("asel.confirm@example.kz"));
        Assert.Contains("жазылуды растаңыз", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Алматы қаласы", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Жастар саясаты", mail.HtmlBody, StringComparison.Ordinal);
        var token = ConfirmToken().Match(mail.HtmlBody).Groups[1].Value;
        Assert.Contains("/Calls/subscriptions/unsubscribe?token=" + token, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Null((await SubscriptionAsync(token))!.ConfirmedAt);

        var confirmed = await app.SendAsync(new ConfirmCallSubscriptionCommand(token));

        Assert.True(confirmed.IsSuccess);
        Assert.Equal(now, (await SubscriptionAsync(token))!.ConfirmedAt);
    }

    [Fact]
    public async Task Subscribe_TheSameChoiceTwice_KeepsOneSubscriptionAndSendsTheSameLinkAgain()
    {
        await app.SendAsync(new SubscribeToCallsCommand("twice@example.kz", null, 3, "ru"));
        await app.SendAsync(new SubscribeToCallsCommand("twice@example.kz", null, 3, "ru"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.CallSubscriptions.CountAsync(s => s.Email == "twice@example.kz"));
        var mails = await EmailsToAsync("twice@example.kz");
        Assert.Equal(2, mails.Count);
        Assert.Equal(ConfirmToken().Match(mails[0].HtmlBody).Groups[1].Value, ConfirmToken().Match(mails[1].HtmlBody).Groups[1].Value);
    }

    [Fact]
    public async Task Subscribe_WithAnUnknownAreaOrABadAddress_IsRefusedBesideTheField()
    {
        var unknownArea = await app.SendAsync(new SubscribeToCallsCommand("area@example.kz", null, 999, "ru"));
        var badEmail = await app.SendAsync(new SubscribeToCallsCommand("not-an-address", null, null, "ru"));

        Assert.Equal(("PriorityAreaId", "Subscription.UnknownArea"), (Assert.Single(unknownArea.Errors).Field, unknownArea.Errors[0].Code));
        Assert.Equal("Email", Assert.Single(badEmail.Errors).Field);
        Assert.Empty(await EmailsToAsync("area@example.kz"));
    }

    [Fact]
    public async Task PublishCall_NotifiesConfirmedMatchingSubscribersOnce_InTheirLanguage()
    {
        var almaty = await ConfirmedAsync("almaty.any@example.kz", 19, null, "kk");
        var anyAny = await ConfirmedAsync("any.any@example.kz", null, null, "en");
        var youth = await ConfirmedAsync("any.youth@example.kz", null, 1, "ru");
        await ConfirmedAsync("almaty.any@example.kz", null, 1, "ru");
        await ConfirmedAsync("atyrau@example.kz", 5, null, "ru");
        await ConfirmedAsync("ecology@example.kz", null, 5, "ru");
        await app.SendAsync(new SubscribeToCallsCommand("unconfirmed@example.kz", 19, 1, "ru"));

        var call = await new PublicCallBuilder(app)
            .Titled("Алматы жастарына арналған жоба", "Проект для молодёжи Алматы", "A project for Almaty's youth")
            .InRegion(19).InArea(1).WithBudget(12_500_000m).SaveAsync();

        var notices = (await AllEmailsAsync()).Where(m => m.Subject.Contains(call.ReferenceNumber, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["almaty.any@example.kz", "any.any@example.kz", "any.youth@example.kz"],
            notices.Select(m => m.To).Order(StringComparer.Ordinal));
        var kk = notices.Single(m => m.To == "almaty.any@example.kz");
        Assert.Contains("Алматы жастарына арналған жоба", kk.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("12\u00A0500\u00A0000\u00A0₸", System.Net.WebUtility.HtmlDecode(kk.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("/Calls/" + call.Id.Value, kk.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/Calls/subscriptions/unsubscribe?token=" + almaty, kk.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("A project for Almaty's youth", System.Net.WebUtility.HtmlDecode(notices.Single(m => m.To == "any.any@example.kz").HtmlBody), StringComparison.Ordinal);
        Assert.Contains("/Calls/subscriptions/unsubscribe?token=" + anyAny, notices.Single(m => m.To == "any.any@example.kz").HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Проект для молодёжи Алматы", notices.Single(m => m.To == "any.youth@example.kz").HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/Calls/subscriptions/unsubscribe?token=" + youth, notices.Single(m => m.To == "any.youth@example.kz").HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishCall_Nationwide_ReachesRegionalSubscribers_ButADraftReachesNobody()
    {
        await ConfirmedAsync("shymkent.eco@example.kz", 20, 5, "ru");

        var nationwide = await new PublicCallBuilder(app).Titled("Республикалық экология", "Республиканская экология").InRegion(null).InArea(5).SaveAsync();
        var draft = await new PublicCallBuilder(app).Titled("Экология жобасы", "Черновик экологии").InRegion(20).InArea(5).Draft().SaveAsync();

        var mails = await EmailsToAsync("shymkent.eco@example.kz");
        Assert.Contains(mails, m => m.Subject.Contains(nationwide.ReferenceNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Subject.Contains(draft.ReferenceNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsubscribe_RemovesTheSubscription_AndAnUnknownTokenIsNotFound()
    {
        var token = await ConfirmedAsync("leaving@example.kz", 2, null, "ru");

        var first = await app.SendAsync(new UnsubscribeFromCallsCommand(token));
        var again = await app.SendAsync(new UnsubscribeFromCallsCommand(token));
        var confirmGone = await app.SendAsync(new ConfirmCallSubscriptionCommand(token));

        Assert.True(first.IsSuccess);
        Assert.Equal(ResultStatus.NotFound, again.Status);
        Assert.Equal(ResultStatus.NotFound, confirmGone.Status);
        Assert.Null(await SubscriptionAsync(token));
    }

    [Fact]
    public async Task Subscribe_DeliversTheConfirmationThroughTheOutboxDispatcher()
    {
        await app.SendAsync(new SubscribeToCallsCommand("delivered@example.kz", null, null, "ru"));

        OutboxMessage? delivered = null;
        for (var attempt = 0; attempt < 100 && delivered is null; attempt++)
        {
            delivered = app.Outbox().FirstOrDefault(m => m.To == "delivered@example.kz");
            if (delivered is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(delivered);
        Assert.Contains("подтвердите подписку", delivered.Subject, StringComparison.Ordinal);
    }

    /// <summary>Subscribes and confirms through the use cases; returns the subscription's token.</summary>
    private async Task<string> ConfirmedAsync(string email, int? region, int? area, string culture)
    {
        Assert.True((await app.SendAsync(new SubscribeToCallsCommand(email, region, area, culture))).IsSuccess);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        RegionId? r = region is { } x ? new RegionId(x) : null;
        PriorityAreaId? a = area is { } y ? new PriorityAreaId(y) : null;
        var token = await db.CallSubscriptions.Where(s => s.Email == email && s.RegionId == r && s.PriorityAreaId == a).Select(s => s.Token).SingleAsync();
        Assert.True((await app.SendAsync(new ConfirmCallSubscriptionCommand(token))).IsSuccess);
        return token;
    }

    private async Task<CallSubscription?> SubscriptionAsync(string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CallSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Token == token);
    }

    private async Task<List<OutgoingEmail>> EmailsToAsync(string to) => (await AllEmailsAsync()).Where(m => m.To == to).ToList();

    private async Task<List<OutgoingEmail>> AllEmailsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<OutgoingEmail>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [GeneratedRegex("/Calls/subscriptions/confirm\\?token=([0-9a-f]+)")]
    private static partial Regex ConfirmToken();
}
