using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.UnitTests;

public sealed class CallPhasesTests
{
    private static readonly DateTimeOffset Opens = new(2027, 3, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2027, 3, 31, 13, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, CallPhase.Upcoming)]
    [InlineData(0, CallPhase.Open)]
    [InlineData(1, CallPhase.Open)]
    public void Of_AroundTheOpeningInstant_AgreesWithTheAggregate(long ticksFromOpening, CallPhase expected)
    {
        var call = PublishedCall();
        var now = Opens.AddTicks(ticksFromOpening);

        Assert.Equal(expected, CallPhases.Of(call.Status, call.OpensAt, call.ClosesAt, now));
        Assert.Equal(call.PhaseAt(now), CallPhases.Of(call.Status, call.OpensAt, call.ClosesAt, now));
    }

    [Theory]
    [InlineData(-1, CallPhase.Open)]
    [InlineData(0, CallPhase.Closed)]
    [InlineData(1, CallPhase.Closed)]
    public void Of_AroundTheClosingInstant_AgreesWithTheAggregate(long ticksFromClosing, CallPhase expected)
    {
        var call = PublishedCall();
        var now = Closes.AddTicks(ticksFromClosing);

        Assert.Equal(expected, CallPhases.Of(call.Status, call.OpensAt, call.ClosesAt, now));
        Assert.Equal(call.PhaseAt(now), CallPhases.Of(call.Status, call.OpensAt, call.ClosesAt, now));
    }

    [Fact]
    public void Of_CancelledDraftAndAwarded_IgnoreTheClock()
    {
        var call = PublishedCall();
        call.Cancel("Қаржыландыру тоқтатылды", Opens.AddDays(2));

        Assert.Equal(CallPhase.Cancelled, CallPhases.Of(call.Status, call.OpensAt, call.ClosesAt, Opens.AddDays(3)));
        Assert.Equal(CallPhase.Draft, CallPhases.Of(CallStatus.Draft, Opens, Closes, Opens.AddDays(3)));
        Assert.Equal(CallPhase.Awarded, CallPhases.Of(CallStatus.Awarded, Opens, Closes, Opens.AddDays(3)));
        Assert.DoesNotContain(CallPhase.Draft, CallPhases.Public);
    }

    private static Call PublishedCall()
    {
        var text = new LocalizedText("Мәтін", "Текст");
        var content = new CallContent(
            text, text, text, text, new PriorityAreaId(1), null, Instrument.StateGrant, 1_000_000m, 500_000m, 6, CallTerm.Short, [],
            Opens, Closes, DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 3m, 60m);
        var call = Call.CreateDraft("SG-2027-0001", StateBodyId.New(), content, Opens.AddDays(-10));
        call.Publish(Opens.AddDays(-5));
        return call;
    }
}
