using OrgCom.Core.Common;

namespace OrgCom.Core.Calendar;

/// <summary>A day of the holiday calendar as an administrator enters it.</summary>
public sealed record PublicHolidayDraft(DateOnly Date, string? Name, PublicHolidayKind Kind, string? Source, bool IsProvisional);

/// <summary>
/// The changes an administrator may make to the holiday calendar. Days before today are history: working-day
/// deadlines were counted with them, so they are never added, changed or removed. A year is covered as a whole
/// (<see cref="WorkingCalendar.CoversYear"/>), so days are added only to a year the calendar already has, and its last
/// day is never removed: a year's first data comes whole, from that year's notice.
/// </summary>
public static class CalendarAmendments
{
    public const int MaxNameLength = 200;
    public const int MaxSourceLength = 500;

    public static Result<PublicHoliday> Add(WorkingCalendar calendar, PublicHolidayDraft draft, DateOnly today)
    {
        var name = (draft.Name ?? "").Trim();
        var source = (draft.Source ?? "").Trim();
        if (name.Length == 0)
            return new Error("holiday.name.required", "Chưa nhập tên ngày nghỉ.");
        if (source.Length == 0)
            return new Error("holiday.source.required", "Chưa nhập văn bản làm căn cứ (ví dụ Thông báo 9441/TB-BNV ngày 16/10/2025).");
        if (draft.IsProvisional && !source.StartsWith(PublicHoliday.ProvisionalMark, StringComparison.Ordinal))
            source = $"{PublicHoliday.ProvisionalMark} — {source}";
        if (name.Length > MaxNameLength)
            return new Error("holiday.name.length", $"Tên ngày nghỉ dài quá {MaxNameLength} ký tự.");
        if (source.Length > MaxSourceLength)
            return new Error("holiday.source.length", $"Văn bản làm căn cứ dài quá {MaxSourceLength} ký tự.");
        if (!Enum.IsDefined(draft.Kind))
            return new Error("holiday.kind", "Chưa chọn loại ngày.");
        if (draft.Date < today)
            return Past(draft.Date);
        if (!calendar.CoversYear(draft.Date.Year))
            return new Error("holiday.year.missing",
                $"Năm {draft.Date.Year} chưa có lịch nghỉ trong hệ thống. Lịch nghỉ của một năm mới được nạp trọn năm theo thông báo "
                + "của năm đó (public-holidays.csv); thêm lẻ từng ngày sẽ làm các thời hạn trong năm bị tính thiếu ngày nghỉ.");
        if (calendar.Holidays.FirstOrDefault(h => h.Date == draft.Date) is { } existing)
            return Duplicate(existing);
        var day = new PublicHoliday(draft.Date, name, draft.Kind, source);
        if (WorkingCalendar.CheckKind(day) is { } wrongDay)
            return wrongDay;
        return day;
    }

    public static Result Remove(WorkingCalendar calendar, DateOnly date, DateOnly today)
    {
        var day = calendar.Holidays.FirstOrDefault(h => h.Date == date);
        if (day is null)
            return new Error("holiday.not_found", $"Ngày {DateText.Format(date)} không có trong lịch nghỉ.");
        if (date < today)
            return Past(date);
        if (calendar.Holidays.Count(h => h.Date.Year == date.Year) == 1)
            return new Error("holiday.year.last",
                $"Ngày {DateText.Format(date)} là ngày cuối cùng còn lại trong lịch nghỉ năm {date.Year}; xóa nó thì năm {date.Year} "
                + "không còn lịch nghỉ và mọi thời hạn theo ngày làm việc trong năm sẽ không tính được.");
        return Result.Ok();
    }

    /// <summary>The refusal when a day is already in the calendar (also when another administrator added it first).</summary>
    public static Error Duplicate(PublicHoliday existing) => new("holiday.duplicate",
        $"Ngày {DateText.Format(existing.Date)} đã có trong lịch nghỉ: {existing.Name} ({existing.Kind.DisplayName().ToLowerInvariant()}). "
        + "Mỗi ngày chỉ có một dòng; nếu cần thay, hãy xóa dòng cũ trước.");

    private static Error Past(DateOnly date) => new("holiday.past",
        $"Ngày {DateText.Format(date)} đã qua: lịch nghỉ của những ngày đã qua là lịch sử, đã dùng để tính thời hạn, nên không thể thay đổi.");
}
