using OrgCom.Core.Common;

namespace OrgCom.Core.Cadres;

public static class CadreErrors
{
    public static Error TooLong(string field, int max, int length) => new("cadre.length",
        $"{field} dài tối đa {max} ký tự (đã nhập {length}).");
    public static readonly Error PositionNameRequired = new("position.name.required", "Chưa nhập tên chức vụ.");
    public static readonly Error PositionLevelRequired = new("position.level.required", "Hãy chọn cấp và loại cơ quan của chức vụ.");
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
}
