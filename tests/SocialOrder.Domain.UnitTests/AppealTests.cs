using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;

namespace SocialOrder.Domain.UnitTests;

public sealed class AppealTests
{
    private static readonly WorkingCalendar Kazakhstan = new([new DateOnly(2026, 12, 16), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 7)]);

    private static DateTimeOffset Almaty(int year, int month, int day, int hour = 0, int minute = 0) =>
        KazakhstanTime.FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    [Theory]
    [InlineData("2026-12-07", 5, "2026-12-14")] // Monday + 5: the next Monday, over a weekend
    [InlineData("2026-12-11", 1, "2026-12-14")] // Friday + 1: Monday
    [InlineData("2026-12-12", 1, "2026-12-14")] // Saturday + 1: Monday
    [InlineData("2026-12-14", 5, "2026-12-22")] // over Independence Day (Wednesday 16th) and a weekend
    [InlineData("2026-12-30", 3, "2027-01-05")] // over New Year (Friday 1st, Saturday 2nd) and a weekend
    [InlineData("2027-01-05", 2, "2027-01-08")] // over Orthodox Christmas (Thursday 7th)
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void AddWorkingDays_SkipsWeekendsAndHolidays(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Kazakhstan.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void IsWorkingDay_WhenWeekendOrHoliday_IsFalse()
    {
        Assert.False(Kazakhstan.IsWorkingDay(new DateOnly(2026, 12, 12)));
        Assert.False(Kazakhstan.IsWorkingDay(new DateOnly(2026, 12, 13)));
        Assert.False(Kazakhstan.IsWorkingDay(new DateOnly(2026, 12, 16)));
        Assert.True(Kazakhstan.IsWorkingDay(new DateOnly(2026, 12, 17)));
    }

    [Fact]
    public void EndOfPeriod_IsMidnightInAlmatyAfterTheLastWorkingDay()
    {
        // Published on Friday 11 December at 23:30 Almaty (18:30 UTC): Friday does not count; Mon 14, Tue 15, Thu 17, Fri 18, Mon 21.
        var published = Almaty(2026, 12, 11, 23, 30);
        var closes = Kazakhstan.EndOfPeriod(published, 5);
        Assert.Equal(Almaty(2026, 12, 22), closes);
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 19, 0, 0, TimeSpan.Zero), closes);
        Assert.Equal(published, Kazakhstan.EndOfPeriod(published, 0));
    }

    private static PublishedResults Results(DateTimeOffset published) => new(new CallId(Guid.NewGuid()), 1, published, Kazakhstan.EndOfPeriod(published, 5));

    private static Appeal FileAt(PublishedResults results, DateTimeOffset now, bool bidder = true, bool filed = false, string reasons = "Эксперт не учёл приложенные письма поддержки партнёров.") =>
        Appeal.File(results, new OrganizationId(Guid.NewGuid()), bidder, filed, Guid.NewGuid(), reasons, [], Kazakhstan.EndOfPeriod(now, 10), now);

    [Fact]
    public void File_WithinTheWindow_IsFiled_AndAtItsCloseIsRefused()
    {
        var results = Results(Almaty(2026, 12, 11, 12));
        var appeal = FileAt(results, Almaty(2026, 12, 21, 23, 59));
        Assert.Equal(AppealStatus.Filed, appeal.Status);
        Assert.Equal(1, appeal.ProtocolVersion);

        var late = Assert.Throws<BusinessRuleViolationException>(() => FileAt(results, results.WindowClosesAt));
        Assert.Equal("Appeal.WindowClosed", late.Rule.MessageKey);
        var early = Assert.Throws<BusinessRuleViolationException>(() => FileAt(results, results.PublishedAt.AddSeconds(-1)));
        Assert.Equal("Appeal.WindowClosed", early.Rule.MessageKey);
    }

    [Fact]
    public void File_WhenNotABidder_OrFiledAlready_OrWithoutReasons_IsRefused()
    {
        var results = Results(Almaty(2026, 12, 11, 12));
        var now = Almaty(2026, 12, 14, 10);
        Assert.Equal("Error.NotFound", Assert.Throws<BusinessRuleViolationException>(() => FileAt(results, now, bidder: false)).Rule.MessageKey);
        Assert.Equal("Appeal.AlreadyFiled", Assert.Throws<BusinessRuleViolationException>(() => FileAt(results, now, filed: true)).Rule.MessageKey);
        Assert.Equal("Appeal.ReasonsRequired", Assert.Throws<BusinessRuleViolationException>(() => FileAt(results, now, reasons: "  коротко  ")).Rule.MessageKey);
    }

    [Fact]
    public void AnswerWith_IsGivenOnce_WithReasons_AndLatenessIsShown()
    {
        var now = Almaty(2026, 12, 14, 10);
        var appeal = FileAt(Results(Almaty(2026, 12, 11, 12)), now);
        Assert.Equal("Appeal.AnswerRequired", Assert.Throws<BusinessRuleViolationException>(() => appeal.AnswerWith(false, "нет", Guid.NewGuid(), now)).Rule.MessageKey);

        var answeredAt = appeal.AnswerDueAt.AddMinutes(1);
        appeal.AnswerWith(false, "Доводы не подтвердились: письма поступили после срока.", Guid.NewGuid(), answeredAt);
        Assert.Equal(AppealStatus.Rejected, appeal.Status);
        Assert.True(appeal.IsLate(answeredAt));
        Assert.Equal("Appeal.AlreadyAnswered",
            Assert.Throws<BusinessRuleViolationException>(() => appeal.AnswerWith(true, "Передумали и удовлетворяем жалобу целиком.", Guid.NewGuid(), answeredAt)).Rule.MessageKey);
    }

    [Fact]
    public void AgreementGate_WaitsForTheWindowAndEveryAnswer()
    {
        var closes = Almaty(2026, 12, 22);
        Assert.Equal("Appeal.AgreementWaitsForWindow", Assert.Throws<BusinessRuleViolationException>(() => AppealGate.CheckAgreementsMayBeIssued(closes, 0, closes.AddTicks(-1))).Rule.MessageKey);
        Assert.Equal("Appeal.AgreementWaitsForAnswers", Assert.Throws<BusinessRuleViolationException>(() => AppealGate.CheckAgreementsMayBeIssued(closes, 1, closes.AddDays(3))).Rule.MessageKey);
        AppealGate.CheckAgreementsMayBeIssued(closes, 0, closes);
    }
}
