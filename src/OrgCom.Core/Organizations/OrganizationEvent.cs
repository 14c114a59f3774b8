namespace OrgCom.Core.Organizations;

public enum OrganizationEventKind
{
    Established,
    Renamed,
    Moved,
    Dissolved,
}

/// <summary>A dated change of an organization and the decision behind it; the history the tree is read from.</summary>
public sealed class OrganizationEvent
{
    private OrganizationEvent()
    {
        RecordedBy = "";
    }

    internal OrganizationEvent(OrganizationEventKind kind, DateOnly effectiveOn, string? decisionNumber, string recordedBy)
    {
        Kind = kind;
        EffectiveOn = effectiveOn;
        DecisionNumber = decisionNumber;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public OrganizationEventKind Kind { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string? DecisionNumber { get; private set; }
    public long? FromParentId { get; init; }
    public long? ToParentId { get; init; }
    public string? FromName { get; init; }
    public string? ToName { get; init; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static string DisplayName(OrganizationEventKind kind) => kind switch
    {
        OrganizationEventKind.Established => "Thành lập",
        OrganizationEventKind.Renamed => "Đổi tên",
        OrganizationEventKind.Moved => "Chuyển trực thuộc",
        OrganizationEventKind.Dissolved => "Giải thể",
        _ => kind.ToString(),
    };
}
