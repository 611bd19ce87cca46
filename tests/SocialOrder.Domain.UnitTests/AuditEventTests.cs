using SocialOrder.Domain.Auditing;

namespace SocialOrder.Domain.UnitTests;

public sealed class AuditEventTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static AuditEvent Sealed(AuditEvent e, long sequence, string previous)
    {
        e.Seal(sequence, previous, At.AddMinutes(1));
        return e;
    }

    [Fact]
    public void Record_IsUnsealed_UntilTheSealerLinksIt()
    {
        var recorded = AuditEvent.Record(At, null, "admin", "CreateStateBody", "StateBody", "1", "Succeeded", null, null);

        Assert.False(recorded.IsSealed);
        Assert.Null(recorded.Hash);
        Assert.Null(recorded.PreviousHash);
        Assert.False(recorded.HashMatches());
    }

    [Fact]
    public void Seal_ChainsToThePreviousHash()
    {
        var first = Sealed(AuditEvent.Record(At, null, "admin", "CreateStateBody", "StateBody", "1", "Succeeded", null, null), 1, AuditEvent.GenesisHash);
        var second = Sealed(AuditEvent.Record(At.AddSeconds(1), null, "admin", "CreateStaffAccount", "User", "2", "Succeeded", null, null), 2, first.Hash!);

        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(64, second.Hash!.Length);
        Assert.Equal((2L, true), (second.Sequence!.Value, second.HashMatches()));
    }

    [Fact]
    public void Seal_Twice_IsRefused()
    {
        var e = Sealed(AuditEvent.Record(At, null, "admin", "X", null, null, "Succeeded", null, null), 1, AuditEvent.GenesisHash);

        Assert.Throws<InvalidOperationException>(() => e.Seal(2, AuditEvent.GenesisHash, At));
    }

    [Fact]
    public void HashMatches_WhenAFieldIsAlteredAfterSealing_IsFalse()
    {
        var recorded = Sealed(AuditEvent.Record(At, null, "official", "PublishCall", "Call", "42", "Succeeded", null, null), 1, AuditEvent.GenesisHash);

        typeof(AuditEvent).GetProperty(nameof(AuditEvent.Outcome))!.SetValue(recorded, "Refused");

        Assert.False(recorded.HashMatches());
    }

    [Fact]
    public void Record_TruncatesToMicroseconds_SoTheHashSurvivesADatabaseRoundTrip()
    {
        var precise = At.AddTicks(1234567);

        var recorded = AuditEvent.Record(precise, null, null, "X", null, null, "Succeeded", null, null);

        Assert.Equal(0, recorded.OccurredAt.UtcTicks % 10);
        Assert.Equal(At.AddTicks(1234560), recorded.OccurredAt);
    }

    [Fact]
    public void Record_WithFieldsLongerThanTheirColumns_CutsThem_AndTheHashStillMatches()
    {
        var typed = new string('a', 10_000) + "@example.kz";

        var entry = Sealed(AuditEvent.Record(At, null, typed, "SignIn", "User", typed, "Invalid", new string('d', 5_000), new string('1', 100)), 1, AuditEvent.GenesisHash);

        Assert.Equal(AuditEvent.MaxNameLength, entry.ActorName!.Length);
        Assert.Equal(AuditEvent.MaxNameLength, entry.EntityId!.Length);
        Assert.EndsWith("…", entry.EntityId, StringComparison.Ordinal);
        Assert.Equal(AuditEvent.MaxDetailsLength, entry.Details!.Length);
        Assert.Equal(AuditEvent.MaxAddressLength, entry.IpAddress!.Length);
        Assert.True(entry.HashMatches());
    }
}
