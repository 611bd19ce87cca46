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

    public bool IsActive { get; private set; } = true;
}
