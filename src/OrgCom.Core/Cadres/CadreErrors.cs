using OrgCom.Core.Common;

namespace OrgCom.Core.Cadres;

public static class CadreErrors
{
    public static Error TooLong(string field, int max, int length) => new("cadre.length",
        $"{field} dài tối đa {max} ký tự (đã nhập {length}).");
    public static readonly Error PositionNameRequired = new("position.name.required", "Chưa nhập tên chức vụ.");
    public static readonly Error PositionLevelRequired = new("position.level.required", "Hãy chọn cấp và loại cơ quan của chức vụ.");
    public static readonly Error PositionRankRequired = new("position.rank.required",
        "Hãy chọn thứ bậc của chức vụ trong cấp (người đứng đầu, cấp phó, ủy viên ban thường vụ, ủy viên, khác).");
    public static readonly Error BodyNameRequired = new("position.body.required",
        "Chức vụ trong cơ quan nhà nước, Mặt trận hoặc đoàn thể cần ghi tên cơ quan, đơn vị.");
    public static readonly Error TheoryRequirementInvalid = new("position.theory.invalid",
        "Trình độ lý luận chính trị yêu cầu phải là sơ cấp, trung cấp, cao cấp hoặc cử nhân.");
    public static readonly Error StandardSourceRequired = new("position.standard.required",
        "Yêu cầu trình độ lý luận chính trị cần ghi văn bản quy định tiêu chuẩn chức danh làm căn cứ.");
    public static Error PositionInactive(string name) => new("position.inactive", $"Chức vụ \"{name}\" không còn sử dụng.");

    /// <param name="action">"bổ nhiệm", "quy hoạch".</param>
    public static Error NotAvailable(string name, string status, string action = "bổ nhiệm") => new("appointment.member.status",
        $"Không thể {action} {name}: đang ở trạng thái \"{status}\".");
    public static readonly Error AppointmentKindRequired = new("appointment.kind.required", "Hãy chọn hình thức (bổ nhiệm, bổ nhiệm lại, …).");
    public static readonly Error DecisionInFuture = new("appointment.decision.future", "Ngày quyết định không thể sau ngày hôm nay.");
    public static readonly Error StartBeforeDecision = new("appointment.start.early", "Ngày bắt đầu giữ chức vụ không thể trước ngày quyết định.");
    public static readonly Error TermEndBeforeStart = new("appointment.term.end", "Ngày hết thời hạn phải sau ngày bắt đầu giữ chức vụ.");
    public static Error TermAfterRetirement(DateOnly termEnd, RetirementSchedule retirement) => new("appointment.term.retirement",
        $"Ngày hết thời hạn {DateText.Format(termEnd)} sau thời điểm nghỉ hưu ({retirement.Describe()}): thời hạn giữ chức vụ "
        + $"(bổ nhiệm, bổ nhiệm lại, kéo dài) tính nhiều nhất đến ngày {DateText.Format(retirement.RetiresOn)}. {retirement.Citation}.");
    public static Error AlreadyHolds(string name, string position) => new("appointment.duplicate",
        $"{name} đang giữ chức vụ \"{position}\"; hãy kết thúc lần bổ nhiệm hiện tại trước khi bổ nhiệm lại.");
    public static Error PrincipalPostHeld(string name, string position) => new("appointment.principal",
        $"{name} đang giữ chức vụ chính \"{position}\"; chức vụ mới phải là kiêm nhiệm, hoặc kết thúc chức vụ chính trước.");
    public static Error AlreadyEnded(string position, DateOnly on) => new("appointment.ended",
        $"Chức vụ \"{position}\" đã kết thúc ngày {DateText.Format(on)}.");
    public static Error EndBeforeStart(DateOnly start) => new("appointment.end.early",
        $"Ngày thôi giữ chức vụ không thể trước ngày bắt đầu {DateText.Format(start)}.");
    public static readonly Error EndReasonRequired = new("appointment.end.reason", "Chưa nhập lý do thôi giữ chức vụ.");

    // Rotation (luân chuyển).
    public static Error RotationNotCadre(string name) => new("rotation.not_cadre",
        $"{name} không giữ chức vụ nào trong phạm vi của bạn: chỉ luân chuyển được cán bộ đang giữ chức vụ (hãy chọn chức vụ hiện tại).");
    public static readonly Error RotationSameOrganization = new("rotation.same_organization",
        "Nơi đến phải là tổ chức khác với nơi cán bộ đang công tác.");
    public static readonly Error RotationToOrganizationRequired = new("rotation.to_organization",
        "Không tìm thấy tổ chức nơi đến theo mã đã nhập.");
    public static readonly Error RotationToPositionRequired = new("rotation.to_position", "Chưa nhập chức vụ ở nơi đến.");
    public static readonly Error RotationDirectionRequired = new("rotation.direction",
        "Chức vụ nơi đến không có cấp trong danh mục: hãy chọn hình thức luân chuyển (từ dưới lên, từ trên xuống, ngang cấp).");
    public static readonly Error RotationStartBeforeDecision = new("rotation.start.early", "Ngày bắt đầu luân chuyển không thể trước ngày quyết định.");
    public static readonly Error RotationEndBeforeStart = new("rotation.end.early", "Ngày kết thúc dự kiến phải sau ngày bắt đầu luân chuyển.");
    public static readonly Error RotationPurposeRequired = new("rotation.purpose", "Chưa nhập mục đích luân chuyển.");
    public static Error RotationOverlaps(string name, DateOnly start, DateOnly end) => new("rotation.overlap",
        $"{name} đã có đợt luân chuyển từ {DateText.Format(start)} đến {DateText.Format(end)} trùng thời gian này: một cán bộ chỉ luân chuyển một nơi tại một thời điểm.");
    public static Error RotationAlreadyReturned(DateOnly on) => new("rotation.returned",
        $"Đợt luân chuyển này đã kết thúc ngày {DateText.Format(on)}.");
    public static Error RotationReturnBeforeStart(DateOnly start) => new("rotation.return.early",
        $"Ngày kết thúc luân chuyển không thể trước ngày bắt đầu {DateText.Format(start)}.");
    public static readonly Error RotationReturnInFuture = new("rotation.return.future", "Ngày kết thúc luân chuyển không thể sau ngày hôm nay.");
    public static readonly Error RotationPlacementRequired = new("rotation.placement",
        "Chưa nhập nơi công tác sau luân chuyển (trở về đơn vị cũ, bố trí tại nơi đến, …).");

    // Retirement decided on another date (nghỉ hưu ở tuổi cao hơn / trước tuổi).
    public static Error RetirementDecisionNotCadre(string name) => new("retirement_decision.not_cadre",
        $"{name} không giữ chức vụ nào: chỉ ghi quyết định nghỉ hưu cho cán bộ đang giữ chức vụ.");
    public static readonly Error RetirementDecisionKindRequired = new("retirement_decision.kind",
        "Hãy chọn nghỉ hưu ở tuổi cao hơn hoặc nghỉ hưu trước tuổi.");
    public static readonly Error RetirementDecisionFirstOfMonth = new("retirement_decision.first_of_month",
        "Ngày nghỉ hưu theo quyết định phải là ngày đầu tháng (thời điểm nghỉ hưu là kết thúc ngày cuối cùng của tháng trước).");
    public static readonly Error RetirementDecisionReasonRequired = new("retirement_decision.reason",
        "Chưa nhập lý do (ví dụ: có học vị tiến sĩ; theo nguyện vọng; suy giảm sức khỏe).");
    public static Error RetirementDecisionNoRule(string key, DateOnly on) => new("retirement_decision.no_rule",
        $"Chưa có dữ liệu quy định \"{key}\" áp dụng ngày {DateText.Format(on)}: không kiểm tra được quyết định.");
    public static Error RetirementLaterNotLater(DateOnly computed) => new("retirement_decision.later.not_later",
        $"Nghỉ hưu ở tuổi cao hơn phải từ sau ngày nghỉ hưu theo tuổi ({DateText.Format(computed)}).");
    public static Error RetirementEarlierNotEarlier(DateOnly computed) => new("retirement_decision.earlier.not_earlier",
        $"Nghỉ hưu trước tuổi phải trước ngày nghỉ hưu theo tuổi ({DateText.Format(computed)}).");
    /// <param name="direction">"sau" or "trước".</param>
    public static Error RetirementBeyondLimit(string direction, string max, DateOnly limit, Rules.RuleCitation citation) =>
        new("retirement_decision.limit",
            $"Ngày nghỉ hưu theo quyết định chỉ được {direction} ngày nghỉ hưu theo tuổi tối đa {max} (không {direction} ngày {DateText.Format(limit)}). {citation}.");
}
