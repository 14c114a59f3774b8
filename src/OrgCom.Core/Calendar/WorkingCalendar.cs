using OrgCom.Core.Common;

namespace OrgCom.Core.Calendar;

/// <summary>
/// Working days of the public sector (cán bộ, công chức, viên chức): Monday to Friday, except holidays and days off
/// in lieu or by swap; a weekend day worked by swap is a working day. Deadlines "within n working days" are counted
/// with it. It refuses to look at any day of a year it has no data for (<see cref="CoversYear"/>): a year is covered
/// when the data has at least one row dated in it, so a year's data is added whole, from that year's notices.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, PublicHoliday> _days;
    private readonly HashSet<int> _years;

    /// <exception cref="ArgumentException">Two rows for one date, a swapped working day on a weekday, or a day off in
    /// lieu or extra day off on a weekend.</exception>
    public WorkingCalendar(IEnumerable<PublicHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _days = [];
        foreach (var h in holidays)
        {
            if (!_days.TryAdd(h.Date, h))
                throw new ArgumentException($"Lịch nghỉ có hai dòng cho ngày {DateText.Format(h.Date)}.", nameof(holidays));
            if (CheckKind(h) is { } error)
                throw new ArgumentException(error.Message, nameof(holidays));
        }
        _years = _days.Keys.Select(d => d.Year).ToHashSet();
        Holidays = _days.Values.OrderBy(h => h.Date).ToArray();
    }

    public IReadOnlyList<PublicHoliday> Holidays { get; }

    public IReadOnlyCollection<int> CoveredYears => _years;

    public bool CoversYear(int year) => _years.Contains(year);

    /// <exception cref="CalendarDataMissingException">No holiday data for the date's year.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        if (_days.TryGetValue(date, out var day))
            return day.Kind == PublicHolidayKind.SwappedWorkingDay;
        return !IsWeekend(date);
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="date"/> (the date itself does not count, working
    /// day or not); n = 0 returns the date itself. "Within 30 working days of D" ends on AddWorkingDays(D, 30).
    /// </summary>
    /// <exception cref="CalendarDataMissingException">The count reaches a year without holiday data.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = date;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day before <paramref name="date"/> (the date itself does not count, working
    /// day or not); n = 0 returns the date itself. "At the latest n working days before D" is SubtractWorkingDays(D, n).
    /// </summary>
    /// <exception cref="CalendarDataMissingException">The count reaches a year without holiday data.</exception>
    public DateOnly SubtractWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = date;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]: after <paramref name="from"/>, up to and
    /// including <paramref name="to"/>, so that WorkingDaysBetween(d, AddWorkingDays(d, n)) == n. Negative when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    /// <exception cref="CalendarDataMissingException">The range reaches a year without holiday data.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day))
                count++;
        return count;
    }

    /// <summary>The holiday rows in [<paramref name="from"/>, <paramref name="to"/>], to show which days a deadline skipped and why.</summary>
    public IReadOnlyList<PublicHoliday> HolidaysBetween(DateOnly from, DateOnly to) =>
        Holidays.Where(h => h.Date >= from && h.Date <= to).ToArray();

    /// <summary>Whether the kind of the day fits its day of the week: a day worked in a swap is a Saturday or Sunday,
    /// a day given off (in lieu, by swap or by decision) is a weekday.</summary>
    public static Error? CheckKind(PublicHoliday day) => day.Kind switch
    {
        PublicHolidayKind.SwappedWorkingDay when !IsWeekend(day.Date) => new Error("holiday.kind.weekday",
            $"Ngày làm bù {DateText.Format(day.Date)} phải là thứ Bảy hoặc Chủ nhật."),
        PublicHolidayKind.CompensatoryDayOff when IsWeekend(day.Date) => new Error("holiday.kind.weekend",
            $"Ngày nghỉ bù, nghỉ hoán đổi {DateText.Format(day.Date)} rơi vào thứ Bảy hoặc Chủ nhật."),
        PublicHolidayKind.ExtraDayOff when IsWeekend(day.Date) => new Error("holiday.kind.weekend",
            $"Ngày nghỉ thêm {DateText.Format(day.Date)} rơi vào thứ Bảy hoặc Chủ nhật, vốn đã là ngày nghỉ."),
        _ => null,
    };

    private void EnsureCovered(DateOnly date)
    {
        if (!_years.Contains(date.Year))
            throw new CalendarDataMissingException(date.Year);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
