using OrgCom.Core.Text;

namespace OrgCom.Core.Assessments;

/// <summary>The four levels of the annual quality rating (domain.md §3), best first. Stored by name.</summary>
public enum QualityLevel
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ.</summary>
    Excellent,
    /// <summary>Hoàn thành tốt nhiệm vụ.</summary>
    Good,
    /// <summary>Hoàn thành nhiệm vụ.</summary>
    Completed,
    /// <summary>Không hoàn thành nhiệm vụ.</summary>
    NotCompleted,
}

public static class QualityLevels
{
    public static readonly QualityLevel[] All = [QualityLevel.Excellent, QualityLevel.Good, QualityLevel.Completed, QualityLevel.NotCompleted];

    public static string DisplayName(this QualityLevel level) => level switch
    {
        QualityLevel.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        QualityLevel.Good => "Hoàn thành tốt nhiệm vụ",
        QualityLevel.Completed => "Hoàn thành nhiệm vụ",
        QualityLevel.NotCompleted => "Không hoàn thành nhiệm vụ",
        _ => level.ToString(),
    };

    /// <summary>The short form used in grids and report headers.</summary>
    public static string ShortName(this QualityLevel level) => level switch
    {
        QualityLevel.Excellent => "Xuất sắc",
        QualityLevel.Good => "Tốt",
        QualityLevel.Completed => "Hoàn thành",
        QualityLevel.NotCompleted => "Không hoàn thành",
        _ => level.ToString(),
    };

    /// <summary>The digit that selects the level in the entry grid and may be typed in an import: 1 = xuất sắc … 4.</summary>
    public static int Digit(this QualityLevel level) => (int)level + 1;

    /// <summary>Whether <paramref name="level"/> is better than <paramref name="limit"/>.</summary>
    public static bool IsAbove(this QualityLevel level, QualityLevel limit) => level < limit;

    /// <summary>
    /// Reads a level as people write it on paper or in a sheet: the full name, the short name, the usual abbreviation
    /// (HTXSNV, HTTNV, HTNV, KHTNV) or the digit 1–4, with or without diacritics.
    /// </summary>
    public static QualityLevel? Parse(string? text)
    {
        var folded = VietnameseText.Fold(text).Replace(".", "", StringComparison.Ordinal).Trim();
        folded = string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (folded.EndsWith(" nhiem vu", StringComparison.Ordinal))
            folded = folded[..^" nhiem vu".Length];
        return folded switch
        {
            "1" or "xuat sac" or "hoan thanh xuat sac" or "htxs" or "htxsnv" => QualityLevel.Excellent,
            "2" or "tot" or "hoan thanh tot" or "htt" or "httnv" => QualityLevel.Good,
            "3" or "hoan thanh" or "ht" or "htnv" => QualityLevel.Completed,
            "4" or "khong hoan thanh" or "kht" or "khtnv" => QualityLevel.NotCompleted,
            _ => null,
        };
    }
}

/// <summary>Why a member on the roster is not rated this round (domain.md §3, "not reviewed with reasons").</summary>
public enum NotAssessedReason
{
    /// <summary>Kết nạp chưa đủ thời gian (under the rule's months at the end of the period).</summary>
    NewlyAdmitted,
    /// <summary>Miễn công tác và sinh hoạt đảng.</summary>
    Exempt,
    /// <summary>Đình chỉ sinh hoạt đảng.</summary>
    Suspended,
    /// <summary>Ốm đau, bệnh nặng.</summary>
    Ill,
    /// <summary>Đi học, đi công tác, vắng mặt dài ngày.</summary>
    Away,
    /// <summary>Lý do khác (the note says which).</summary>
    Other,
}

public static class NotAssessedReasons
{
    public static readonly NotAssessedReason[] All = Enum.GetValues<NotAssessedReason>();

    public static string DisplayName(this NotAssessedReason reason) => reason switch
    {
        NotAssessedReason.NewlyAdmitted => "Mới kết nạp (chưa đủ thời gian)",
        NotAssessedReason.Exempt => "Miễn sinh hoạt đảng",
        NotAssessedReason.Suspended => "Đình chỉ sinh hoạt",
        NotAssessedReason.Ill => "Ốm đau, bệnh nặng",
        NotAssessedReason.Away => "Đi học, công tác, vắng mặt",
        NotAssessedReason.Other => "Lý do khác",
        _ => reason.ToString(),
    };
}

/// <summary>Why an organization directly under the rating level is not rated this round (domain.md §3, "not reviewed
/// with reasons: newly formed organization").</summary>
public enum OrganizationNotRatedReason
{
    /// <summary>Mới thành lập (established, or formed by a merge or split) under the rule's months before the end of the period.</summary>
    NewlyFormed,
    /// <summary>Đang giải thể, sáp nhập, chia tách (a decision taken or being prepared; the note says which).</summary>
    Reorganizing,
    /// <summary>Đã giải thể trong kỳ (dissolved during the period: it stays on the roster of the level that rated it).</summary>
    Dissolved,
    /// <summary>Lý do khác (the note says which).</summary>
    Other,
}

public static class OrganizationNotRatedReasons
{
    public static readonly OrganizationNotRatedReason[] All = Enum.GetValues<OrganizationNotRatedReason>();

    public static string DisplayName(this OrganizationNotRatedReason reason) => reason switch
    {
        OrganizationNotRatedReason.NewlyFormed => "Mới thành lập (chưa đủ thời gian)",
        OrganizationNotRatedReason.Reorganizing => "Đang giải thể, sáp nhập, chia tách",
        OrganizationNotRatedReason.Dissolved => "Đã giải thể trong kỳ",
        OrganizationNotRatedReason.Other => "Lý do khác",
        _ => reason.ToString(),
    };
}
