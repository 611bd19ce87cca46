using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.ReferenceData;

public readonly record struct RegionId(int Value);

public enum RegionKind
{
    Oblast,
    CityOfRepublicanSignificance,
}

/// <summary>One of the 17 oblasts or 3 cities of republican significance.</summary>
public sealed class Region
{
    private Region()
    {
        Code = string.Empty;
        Name = null!;
    }

    public Region(RegionId id, string code, LocalizedText name, RegionKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(name);
        Id = id;
        Code = code;
        Name = name;
        Kind = kind;
    }

    public RegionId Id { get; private set; }

    public string Code { get; private set; }

    public LocalizedText Name { get; private set; }

    public RegionKind Kind { get; private set; }

    /// <summary>An inactive region is no longer offered for new records; records that use it keep it (ADR 31).</summary>
    public bool IsActive { get; private set; } = true;

    public void Rename(LocalizedText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public void SetActive(bool active) => IsActive = active;
}
