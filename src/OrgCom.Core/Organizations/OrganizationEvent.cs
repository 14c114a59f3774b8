namespace OrgCom.Core.Organizations;

public enum OrganizationEventKind
{
    Established,
    Renamed,
    Moved,
    Dissolved,
    /// <summary>Merged into <see cref="OrganizationEvent.OtherOrganizationId"/>: the organization ends, its children
    /// and members went to that one.</summary>
    Merged,
    /// <summary>Split: the organization ends, its children and members went to several others.</summary>
    Split,
    /// <summary>Took over the children and members of <see cref="OrganizationEvent.OtherOrganizationId"/> in a merge
    /// or split; the organization itself does not change.</summary>
    Absorbed,
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

    /// <summary>The other side of a merge or split (the organization merged into, or the one taken over).</summary>
    public long? OtherOrganizationId { get; init; }

    /// <summary>The reorganization (decision applied as one operation) this event belongs to, if any.</summary>
    public long? ReorganizationId { get; init; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Kinds after which the organization no longer exists.</summary>
    public static bool Ends(OrganizationEventKind kind) =>
        kind is OrganizationEventKind.Dissolved or OrganizationEventKind.Merged or OrganizationEventKind.Split;

    public static string DisplayName(OrganizationEventKind kind) => kind switch
    {
        OrganizationEventKind.Established => "Thành lập",
        OrganizationEventKind.Renamed => "Đổi tên",
        OrganizationEventKind.Moved => "Chuyển trực thuộc",
        OrganizationEventKind.Dissolved => "Giải thể",
        OrganizationEventKind.Merged => "Hợp nhất, sáp nhập",
        OrganizationEventKind.Split => "Chia tách",
        OrganizationEventKind.Absorbed => "Tiếp nhận tổ chức, đảng viên",
        _ => kind.ToString(),
    };
}
