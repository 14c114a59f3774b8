namespace OrgCom.Core.Members;

public enum MemberEventKind
{
    CandidateRegistered,
    AwarenessClassCompleted,
    ProposedByCell,
    AdmissionDecided,
    /// <summary>Lễ kết nạp: the person becomes a probationary member.</summary>
    CeremonyHeld,
    RecognizedOfficial,
    /// <summary>Not recognised at the end of probation: removed (xóa tên).</summary>
    NotRecognized,
    NotAdmitted,
    TransferIssued,
    TransferReceived,
    TransferCancelled,
    /// <summary>A temporary transfer ended: the member's activity is back with the sender.</summary>
    TemporaryTransferEnded,
    Exempted,
    ExemptionEnded,
    Disciplined,
    Removed,
    Left,
    Deceased,
    Readmitted,
    /// <summary>Bị bệnh nặng, as confirmed by a medical document: the basis for an early Party badge.</summary>
    SeriousIllnessConfirmed,
    /// <summary>Moved with their chi bộ's merge or split (a reorganization), not by a transfer of their own.</summary>
    Reassigned,
}

/// <summary>A dated step of a person's membership and the decision behind it; the history reports are read from.</summary>
public sealed class MemberEvent
{
    private MemberEvent()
    {
        RecordedBy = "";
    }

    internal MemberEvent(MemberEventKind kind, DateOnly effectiveOn, long organizationId, string? decisionNumber, string recordedBy)
    {
        Kind = kind;
        EffectiveOn = effectiveOn;
        OrganizationId = organizationId;
        DecisionNumber = decisionNumber;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public MemberEventKind Kind { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string? DecisionNumber { get; private set; }

    /// <summary>The organization that counted the member when it happened (for reports as of a date).</summary>
    public long OrganizationId { get; private set; }

    /// <summary>The other organization of a transfer.</summary>
    public long? OtherOrganizationId { get; init; }

    public DisciplineLevel? DisciplineLevel { get; init; }

    /// <summary>The reorganization that caused this event (a member moved with their chi bộ), if any.</summary>
    public long? ReorganizationId { get; init; }

    /// <summary>The kind of the transfer (permanent or temporary) on the events of a transfer: what the statistics
    /// classify a received transfer by (a temporary one leaves the member counted by the sender), never the text.</summary>
    public TransferKind? TransferKind { get; init; }

    /// <summary>Free text shown in the history, in Vietnamese.</summary>
    public string? Detail { get; init; }

    /// <summary>Why a rule was overridden, when it was (e.g. admission over 60).</summary>
    public string? OverrideReason { get; init; }

    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static string DisplayName(MemberEventKind kind) => kind switch
    {
        MemberEventKind.CandidateRegistered => "Giới thiệu quần chúng ưu tú",
        MemberEventKind.AwarenessClassCompleted => "Học lớp nhận thức về Đảng",
        MemberEventKind.ProposedByCell => "Chi bộ xét, đề nghị kết nạp",
        MemberEventKind.AdmissionDecided => "Quyết định kết nạp",
        MemberEventKind.CeremonyHeld => "Lễ kết nạp (đảng viên dự bị)",
        MemberEventKind.RecognizedOfficial => "Công nhận đảng viên chính thức",
        MemberEventKind.NotRecognized => "Không công nhận chính thức (xóa tên)",
        MemberEventKind.NotAdmitted => "Không kết nạp",
        MemberEventKind.TransferIssued => "Chuyển sinh hoạt đảng đi",
        MemberEventKind.TransferReceived => "Tiếp nhận sinh hoạt đảng",
        MemberEventKind.TransferCancelled => "Hủy chuyển sinh hoạt",
        MemberEventKind.TemporaryTransferEnded => "Kết thúc sinh hoạt tạm thời",
        MemberEventKind.Exempted => "Miễn công tác và sinh hoạt đảng",
        MemberEventKind.ExemptionEnded => "Thôi miễn sinh hoạt đảng",
        MemberEventKind.Disciplined => "Kỷ luật",
        MemberEventKind.Removed => "Xóa tên",
        MemberEventKind.Left => "Ra khỏi Đảng",
        MemberEventKind.Deceased => "Từ trần",
        MemberEventKind.Readmitted => "Kết nạp lại",
        MemberEventKind.SeriousIllnessConfirmed => "Xác nhận bị bệnh nặng",
        MemberEventKind.Reassigned => "Chuyển theo sắp xếp tổ chức",
        _ => kind.ToString(),
    };
}
