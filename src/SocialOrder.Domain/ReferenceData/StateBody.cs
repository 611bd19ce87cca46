using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.ReferenceData;

public readonly record struct StateBodyId(Guid Value)
{
    public static StateBodyId New() => new(Guid.CreateVersion7());
}

public enum StateBodyKind
{
    Ministry,
    Akimat,
}

/// <summary>A ministry department or an akimat department that publishes calls.</summary>
public sealed class StateBody : Entity
{
    private StateBody()
    {
        Name = null!;
        Bin = string.Empty;
    }

    private StateBody(StateBodyId id, LocalizedText name, string bin, StateBodyKind kind, RegionId? regionId)
    {
        Id = id;
        Name = name;
        Bin = bin;
        Kind = kind;
        RegionId = regionId;
    }

    public StateBodyId Id { get; private set; }

    public LocalizedText Name { get; private set; }

    public string Bin { get; private set; }

    public StateBodyKind Kind { get; private set; }

    /// <summary>The region an akimat serves; null for a ministry (nationwide).</summary>
    public RegionId? RegionId { get; private set; }

    public static StateBody Create(LocalizedText name, string bin, StateBodyKind kind, RegionId? regionId)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(bin);
        CheckRule(new AkimatMustHaveRegionRule(kind, regionId));
        return new StateBody(StateBodyId.New(), name, bin, kind, regionId);
    }

    public void Rename(LocalizedText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>An administrator corrects the names, the BIN or the region; the kind stays (ADR 31).</summary>
    public void Edit(LocalizedText name, string bin, RegionId? regionId)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(bin);
        CheckRule(new AkimatMustHaveRegionRule(Kind, regionId));
        Name = name;
        Bin = bin;
        RegionId = regionId;
    }
}

public sealed class AkimatMustHaveRegionRule(StateBodyKind kind, RegionId? regionId) : IBusinessRule
{
    public bool IsBroken() => kind == StateBodyKind.Akimat && regionId is null;

    public string MessageKey => "Rule.AkimatMustHaveRegion";
}
