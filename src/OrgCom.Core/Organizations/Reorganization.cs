namespace OrgCom.Core.Organizations;

public enum ReorganizationKind
{
    /// <summary>Hợp nhất, sáp nhập: several organizations into one (new or existing).</summary>
    Merge,
    /// <summary>Chia tách: one organization into several, each child organization and member assigned to one.</summary>
    Split,
    /// <summary>Đổi tên of one organization.</summary>
    Rename,
    /// <summary>Chuyển trực thuộc: one organization with its subtree under another parent.</summary>
    Move,
    /// <summary>Giải thể of an empty organization.</summary>
    Dissolve,
}

public enum ReorganizationStatus
{
    Applied,
    /// <summary>Reversed (hủy) before any later change depended on it: its changes are gone from the history.</summary>
    Reversed,
}

/// <summary>
/// One decision applied as one operation (a merge, a split, or a rename, move or dissolution of one organization): the events and member moves it made carry its id, so
/// it can be shown as a whole and reversed as a whole while nothing recorded later depends on it.
/// </summary>
public sealed class Reorganization
{
    public const int MaxSummaryLength = 4000;

    private Reorganization()
    {
        DecisionNumber = RecordedBy = Summary = "";
    }

    public Reorganization(ReorganizationKind kind, long organizationId, DateOnly effectiveOn, string decisionNumber,
        string summary, string recordedBy)
    {
        Kind = kind;
        OrganizationId = organizationId;
        EffectiveOn = effectiveOn;
        DecisionNumber = decisionNumber.Trim();
        Summary = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary;
        RecordedBy = recordedBy;
        Status = ReorganizationStatus.Applied;
    }

    public long Id { get; private set; }
    public ReorganizationKind Kind { get; private set; }

    /// <summary>The organization the operation is filed under: the receiving one of a merge, the one split.</summary>
    public long OrganizationId { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string DecisionNumber { get; private set; }

    /// <summary>What moved where and the counts before and after, as previewed and applied (Vietnamese, one line each).</summary>
    public string Summary { get; private set; }
    public int MembersMoved { get; set; }
    public int OrganizationsMoved { get; set; }
    public ReorganizationStatus Status { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? ReversedBy { get; private set; }
    public DateTimeOffset? ReversedAt { get; private set; }
    public string? ReversalReason { get; private set; }

    public void FileUnder(long organizationId) => OrganizationId = organizationId;

    public void MarkReversed(string by, DateTimeOffset at, string reason)
    {
        Status = ReorganizationStatus.Reversed;
        ReversedBy = by;
        ReversedAt = at;
        ReversalReason = reason.Trim();
    }

    public static string DisplayName(ReorganizationKind kind) => kind switch
    {
        ReorganizationKind.Merge => "Hợp nhất, sáp nhập",
        ReorganizationKind.Split => "Chia tách",
        ReorganizationKind.Rename => "Đổi tên",
        ReorganizationKind.Move => "Chuyển trực thuộc",
        ReorganizationKind.Dissolve => "Giải thể",
        _ => kind.ToString(),
    };
}
