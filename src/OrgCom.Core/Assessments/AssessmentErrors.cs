using OrgCom.Core.Common;

namespace OrgCom.Core.Assessments;

public static class AssessmentErrors
{
    public static Error YearRange(int year) => new("assessment.year", $"Năm đánh giá {year} không hợp lệ (từ 2020 đến 2100).");
    public static readonly Error QuarterRequired = new("assessment.quarter", "Đợt đánh giá hằng quý cần chọn quý (1 đến 4).");
    public static readonly Error PeriodRequired = new("assessment.period", "Đợt đánh giá cuối nhiệm kỳ hoặc đột xuất cần ghi thời gian được đánh giá (từ ngày, đến ngày).");
    public static readonly Error PeriodOrder = new("assessment.period.order", "Thời gian được đánh giá: ngày kết thúc phải sau ngày bắt đầu.");
    public static readonly Error TitleTooLong = new("assessment.title", $"Tên đợt đánh giá dài tối đa {AssessmentRound.MaxTitleLength} ký tự.");
    public static readonly Error ScheduleOrder = new("assessment.schedule",
        "Lịch đánh giá phải theo thứ tự: ngày bắt đầu ≤ hạn xếp loại đảng viên ≤ ngày kết thúc đợt.");
    public static Error ClosesBeforePeriodEnds(DateOnly periodTo) => new("assessment.schedule.period",
        $"Đợt đánh giá không thể kết thúc trước khi hết thời gian được đánh giá ({DateText.Format(periodTo)}).");
    public static Error OpenerLevel(string organizationName) => new("assessment.round.opener",
        $"{organizationName} không mở được đợt đánh giá: đợt đánh giá do cấp ủy có Ban Tổ chức (Trung ương, tỉnh, thành phố, "
        + "đảng bộ trực thuộc, xã, phường) mở cho các tổ chức trực thuộc; đảng bộ cơ sở, đảng bộ bộ phận và chi bộ đánh giá trong đợt của cấp trên.");
    public static Error Overlapping(string organizationName, int year) => new("assessment.round.overlap",
        $"Năm {year} đã có đợt đánh giá hằng năm bao trùm {organizationName}; mỗi tổ chức chỉ được xếp loại một lần trong năm.");

    public static Error RulesMissing(IReadOnlyList<string> keys, DateOnly periodTo) => new("assessment.rules.missing",
        $"Dữ liệu quy định chưa có phiên bản có hiệu lực vào ngày {DateText.Format(periodTo)} (ngày cuối của thời gian được đánh giá) "
        + $"cho: {string.Join(", ", keys)}. Chưa kiểm tra và trình được kết quả; quản trị viên cần bổ sung quy định (trang Quy định).");

    public static Error NotOverridable(string ruleKey) => new("assessment.override.not_allowed",
        $"Quy định \"{ruleKey}\" không cho phép vượt; chỉ được cho phép vượt tỷ lệ \"xuất sắc\" (của đảng viên, của tổ chức đảng) và mức tối đa của đảng viên dự bị, đảng viên bị kỷ luật.");

    public static readonly Error NothingToOverride = new("assessment.override.nothing",
        "Hiện không có vi phạm nào của quy định này cần cho phép vượt (kết quả kiểm tra đã thay đổi). Hãy tải lại trang.");

    public static Error Locked(AssessmentStatus status) => new("assessment.locked", status == AssessmentStatus.Approved
        ? "Kết quả đánh giá đã được phê duyệt và khóa; muốn sửa phải mở lại (ghi rõ lý do)."
        : "Kết quả đánh giá đã trình cấp có thẩm quyền nên không sửa được; muốn sửa phải mở lại (ghi rõ lý do).");
    public static readonly Error NotOnRoster = new("assessment.roster",
        "Đảng viên này không thuộc danh sách đánh giá của tổ chức.");
    public static readonly Error NotSubordinate = new("assessment.subordinate",
        "Tổ chức này không trực thuộc tổ chức đang đánh giá.");
    public static Error PointsRange(decimal points) => new("assessment.points",
        $"Điểm {points:0.##} không hợp lệ: điểm từ 0 đến 100.");
    public static readonly Error RatedAndExcused = new("assessment.rated_and_excused",
        "Một đảng viên không thể vừa có mức xếp loại vừa có lý do không đánh giá.");
    public static readonly Error OtherReasonNeedsNote = new("assessment.other_reason",
        "Lý do không đánh giá \"Lý do khác\" cần ghi rõ trong phần ghi chú.");
    public static readonly Error NoteTooLong = new("assessment.note", $"Ghi chú dài tối đa {MemberRating.MaxNoteLength} ký tự.");
    public static Error ReasonRequired(string what) => new("assessment.reason",
        $"Hãy ghi rõ lý do {what} (ít nhất {OrganizationAssessment.MinReasonLength} ký tự).");
    public static readonly Error ReasonTooLong = new("assessment.reason.length", $"Lý do dài tối đa {OrganizationAssessment.MaxReasonLength} ký tự.");
    public static Error SubordinatesFirst(IReadOnlyList<string> names) => new("assessment.order",
        $"Cấp dưới phải được phê duyệt trước: còn {names.Count} tổ chức trực thuộc chưa được phê duyệt kết quả ({string.Join(", ", names.Take(5))}{(names.Count > 5 ? ", …" : "")}).");
    public static Error OrganizationsUnrated(int count) => new("assessment.organizations",
        $"Còn {count} tổ chức trực thuộc chưa được xếp loại và chưa ghi lý do không xếp loại.");
    public static readonly Error OrganizationRatedAndExcused = new("assessment.organization.rated_and_excused",
        "Một tổ chức không thể vừa có mức xếp loại vừa có lý do không xếp loại.");
    public static readonly Error OrganizationOtherReasonNeedsNote = new("assessment.organization.other_reason",
        "Lý do không xếp loại tổ chức \"Lý do khác\" (hoặc \"Đang giải thể, sáp nhập, chia tách\") cần ghi rõ trong phần ghi chú.");
    public static Error RulesBroken(IReadOnlyList<RuleFinding> findings) => new("assessment.rules",
        "Chưa trình được vì vi phạm quy định: " + string.Join(" ", findings.Select(f => f.ToString())));
    public static Error NotSubmitted(AssessmentStatus status) => new("assessment.not_submitted", status == AssessmentStatus.Approved
        ? "Kết quả đánh giá đã được phê duyệt."
        : "Kết quả đánh giá chưa được trình nên chưa phê duyệt được.");
    public static readonly Error AlreadyDraft = new("assessment.draft", "Kết quả đánh giá đang ở trạng thái nhập, không cần mở lại.");
    public static readonly Error ParentLocked = new("assessment.parent_locked",
        "Cấp trên đã trình hoặc đã phê duyệt kết quả của mình dựa trên kết quả này; phải mở lại kết quả của cấp trên trước.");
}
