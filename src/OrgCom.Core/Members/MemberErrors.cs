using OrgCom.Core.Common;

namespace OrgCom.Core.Members;

public static class MemberErrors
{
    public static readonly Error FullNameRequired = new("member.name.required", "Hãy nhập đủ họ và tên (ít nhất họ và tên).");
    public static Error NamePartTooLong(string part, int maxLength, int length) => new("member.name.part_length",
        $"{part} trong họ và tên dài tối đa {maxLength} ký tự (đã nhập {length}).");
    public static readonly Error BirthInFuture = new("member.birth.future", "Ngày sinh không thể sau ngày hôm nay.");
    public static readonly Error BirthTooEarly = new("member.birth.early", "Năm sinh phải từ 1900 trở đi.");
    public static Error CitizenIdFormat(string digits) => new("member.cccd.format",
        $"Số CCCD phải gồm đúng 12 chữ số (đang có {digits.Length} ký tự: \"{digits}\").");
    public static Error CitizenIdTaken(string cccd) => new("member.cccd.taken",
        $"Số CCCD {cccd} đã có trong cơ sở dữ liệu đảng viên.");
    public static Error PartyCardFormat(string number) => new("member.card.format",
        $"Số thẻ đảng viên \"{number}\" phải gồm 6 đến 20 chữ số.");
    public static Error PartyCardTaken(string number) => new("member.card.taken",
        $"Số thẻ đảng viên {number} đã cấp cho một đảng viên khác.");
    public static readonly Error PartyCardNotMember = new("member.card.status",
        "Chỉ cấp số thẻ cho đảng viên dự bị hoặc chính thức.");
    public static Error MonthFormat(string text) => new("member.month.format",
        $"\"{text}\" không đúng dạng tháng/năm, ví dụ 03/2015.");
    public static Error WorkPeriod(string from, string to) => new("member.work.period",
        $"Thời gian công tác từ {from} đến {to} không hợp lệ.");
    public static Error WorkEntryEmpty(string from) => new("member.work.empty",
        $"Dòng quá trình công tác từ {from} chưa có chức vụ hoặc đơn vị.");
    public static readonly Error RelativeIncomplete = new("member.family.incomplete",
        "Mỗi người thân cần có quan hệ và họ tên.");
    public static Error RelativeBirthYear(string name, int year) => new("member.family.birth",
        $"Năm sinh {year} của {name} không hợp lệ.");
    public static readonly Error AwardIncomplete = new("member.award.incomplete", "Mỗi khen thưởng cần có hình thức khen thưởng.");
    public static readonly Error PhotoSize = new("member.photo.size", "Ảnh phải có dung lượng từ 1 byte đến 1 MB.");
    public static readonly Error PhotoType = new("member.photo.type", "Ảnh phải là tệp JPEG hoặc PNG.");
    public static readonly Error NoPhoto = new("member.photo.none", "Lý lịch chưa có ảnh 3×4 để xóa.");
    public static readonly Error DecisionRequired = new("member.decision.required", "Chưa nhập số quyết định làm căn cứ.");

    public static Error WrongStatus(Member member, string action) => new("member.status",
        $"Không thể {action}: {member.FullName} đang ở trạng thái \"{member.Status.DisplayName()}\".");
    public static Error WrongStage(Member member, string action) => new("member.stage",
        $"Không thể {action}: {member.FullName} đang ở bước \"{member.CandidateStage?.DisplayName()}\".");
    public static Error BeforePlacement(DateOnly date, DateOnly placedOn) => new("member.date.placement",
        $"Ngày {DateText.Format(date)} trước ngày đảng viên được chuyển về tổ chức hiện tại ({DateText.Format(placedOn)}).");

    public static Error BeforePrevious(DateOnly date, DateOnly previous, string what) => new("member.date.order",
        $"Ngày {DateText.Format(date)} trước ngày {what} ({DateText.Format(previous)}).");
}
