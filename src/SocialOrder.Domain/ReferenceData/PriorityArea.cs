using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.ReferenceData;

public readonly record struct PriorityAreaId(int Value);

/// <summary>A social sphere a call serves (youth, disability, ecology...).</summary>
public sealed class PriorityArea
{
    private PriorityArea()
    {
        Code = string.Empty;
        Name = null!;
    }

    public PriorityArea(PriorityAreaId id, string code, LocalizedText name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(name);
        Id = id;
        Code = code;
        Name = name;
    }

    public PriorityAreaId Id { get; private set; }

    public string Code { get; private set; }

    public LocalizedText Name { get; private set; }

    /// <summary>An inactive area is no longer offered for new calls; calls that use it keep it (ADR 31).</summary>
    public bool IsActive { get; private set; } = true;

    public void Rename(LocalizedText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public void SetActive(bool active) => IsActive = active;
}
