namespace OrgCom.Core.Members;

public enum Gender
{
    Male,
    Female,
}

/// <summary>Where a person stands in the party. Only <see cref="Probationary"/> and <see cref="Official"/> are
/// counted as members (see <see cref="MemberStatuses.IsCounted"/>).</summary>
public enum MemberStatus
{
    /// <summary>Quần chúng ưu tú in the admission pipeline.</summary>
    Candidate,
    /// <summary>Đảng viên dự bị.</summary>
    Probationary,
    /// <summary>Đảng viên chính thức.</summary>
    Official,
    /// <summary>Xin ra khỏi Đảng.</summary>
    Left,
    /// <summary>Xóa tên (including a probationary member not recognised).</summary>
    Removed,
    /// <summary>Khai trừ.</summary>
    Expelled,
    /// <summary>Từ trần.</summary>
    Deceased,
    /// <summary>A candidate whose admission was not decided.</summary>
    NotAdmitted,
}

/// <summary>The admission pipeline of a candidate (domain.md §2).</summary>
public enum CandidateStage
{
    /// <summary>Quần chúng ưu tú, registered by the cell.</summary>
    Registered,
    /// <summary>Has the certificate of the awareness class (bồi dưỡng nhận thức về Đảng).</summary>
    AwarenessClassCompleted,
    /// <summary>The cell has considered and proposed admission.</summary>
    ProposedByCell,
    /// <summary>The competent committee has decided the admission; the ceremony is pending.</summary>
    AdmissionDecided,
}

public enum PoliticalTheoryLevel
{
    None,
    /// <summary>Sơ cấp.</summary>
    Elementary,
    /// <summary>Trung cấp.</summary>
    Intermediate,
    /// <summary>Cao cấp.</summary>
    Advanced,
    /// <summary>Cử nhân.</summary>
    Bachelor,
}

public enum DisciplineLevel
{
    /// <summary>Khiển trách.</summary>
    Reprimand,
    /// <summary>Cảnh cáo.</summary>
    Warning,
    /// <summary>Cách chức.</summary>
    Dismissal,
    /// <summary>Khai trừ.</summary>
    Expulsion,
}

public static class MemberStatuses
{
    /// <summary>Counted in the organization's membership.</summary>
    public static bool IsCounted(this MemberStatus status) => status is MemberStatus.Probationary or MemberStatus.Official;

    /// <summary>No longer in the party (or never admitted): no transition except readmission applies.</summary>
    public static bool IsEnded(this MemberStatus status) =>
        status is MemberStatus.Left or MemberStatus.Removed or MemberStatus.Expelled or MemberStatus.Deceased or MemberStatus.NotAdmitted;

    public static readonly MemberStatus[] Counted = [MemberStatus.Probationary, MemberStatus.Official];

    public static string DisplayName(this MemberStatus status) => status switch
    {
        MemberStatus.Candidate => "Quần chúng ưu tú",
        MemberStatus.Probationary => "Dự bị",
        MemberStatus.Official => "Chính thức",
        MemberStatus.Left => "Đã ra khỏi Đảng",
        MemberStatus.Removed => "Đã xóa tên",
        MemberStatus.Expelled => "Đã khai trừ",
        MemberStatus.Deceased => "Từ trần",
        MemberStatus.NotAdmitted => "Không kết nạp",
        _ => status.ToString(),
    };

    public static string DisplayName(this Gender gender) => gender == Gender.Male ? "Nam" : "Nữ";

    public static string DisplayName(this CandidateStage stage) => stage switch
    {
        CandidateStage.Registered => "Đã giới thiệu quần chúng ưu tú",
        CandidateStage.AwarenessClassCompleted => "Đã học lớp nhận thức về Đảng",
        CandidateStage.ProposedByCell => "Chi bộ đã xét, đề nghị kết nạp",
        CandidateStage.AdmissionDecided => "Đã có quyết định kết nạp, chờ lễ kết nạp",
        _ => stage.ToString(),
    };

    public static string DisplayName(this PoliticalTheoryLevel level) => level switch
    {
        PoliticalTheoryLevel.None => "Chưa qua đào tạo",
        PoliticalTheoryLevel.Elementary => "Sơ cấp",
        PoliticalTheoryLevel.Intermediate => "Trung cấp",
        PoliticalTheoryLevel.Advanced => "Cao cấp",
        PoliticalTheoryLevel.Bachelor => "Cử nhân",
        _ => level.ToString(),
    };

    public static string DisplayName(this DisciplineLevel level) => level switch
    {
        DisciplineLevel.Reprimand => "Khiển trách",
        DisciplineLevel.Warning => "Cảnh cáo",
        DisciplineLevel.Dismissal => "Cách chức",
        DisciplineLevel.Expulsion => "Khai trừ",
        _ => level.ToString(),
    };
}
