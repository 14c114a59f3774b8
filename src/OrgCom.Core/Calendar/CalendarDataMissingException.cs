namespace OrgCom.Core.Calendar;

/// <summary>
/// A working-day computation reached a year for which the calendar has no holiday data. A deadline counted without
/// that year's holidays would be wrong, so the computation stops until the year's data is added.
/// </summary>
public sealed class CalendarDataMissingException(int year) : Exception(
    $"Chưa có lịch nghỉ lễ, Tết năm {year} cho cán bộ, công chức, viên chức nên không thể tính ngày làm việc; "
    + $"hãy bổ sung lịch nghỉ năm {year} (public-holidays.csv).")
{
    public int Year { get; } = year;
}
