using OrgCom.Core.Calendar;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Calendar;

public class WorkingCalendarTests
{
    private static WorkingCalendar Real => ReferenceData.Calendar;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-05", true)]   // Monday
    [InlineData("2026-01-03", false)]  // Saturday
    [InlineData("2026-01-04", false)]  // Sunday
    [InlineData("2026-01-01", false)]  // Tết Dương lịch
    [InlineData("2026-01-02", false)]  // Friday given off by swap
    [InlineData("2026-01-10", true)]   // Saturday worked for it
    [InlineData("2026-02-13", true)]   // Friday before the Tết break
    [InlineData("2026-02-16", false)]  // Tết
    [InlineData("2026-02-20", false)]  // Tết
    [InlineData("2026-02-23", true)]   // back to work
    [InlineData("2026-04-26", false)]  // Giỗ Tổ on a Sunday
    [InlineData("2026-04-27", false)]  // its day in lieu
    [InlineData("2026-08-22", true)]   // Saturday worked for 31/08
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-01", false)]
    [InlineData("2026-09-02", false)]
    [InlineData("2026-09-03", true)]
    [InlineData("2026-11-24", false)]  // Ngày Văn hóa Việt Nam
    [InlineData("2024-02-13", false)]  // day in lieu of Tết on the weekend
    [InlineData("2024-02-15", true)]
    [InlineData("2024-05-04", true)]   // Saturday worked for 29/04/2024
    [InlineData("2025-04-26", true)]   // Saturday worked for 02/05/2025
    [InlineData("2025-05-02", false)]
    [InlineData("2027-05-03", false)]  // 1 May 2027 is a Saturday: Monday in lieu
    public void IsWorkingDay_follows_weekends_holidays_and_swaps(string date, bool expected)
    {
        Assert.Equal(expected, Real.IsWorkingDay(D(date)));
    }

    [Theory]
    // across 30/4–1/5
    [InlineData("2024-04-26", 1, "2024-05-02")]  // Mon 29/04 swapped off, 30/04 and 1/5 holidays
    [InlineData("2024-04-26", 3, "2024-05-04")]  // the swapped Saturday counts
    [InlineData("2025-04-25", 1, "2025-04-26")]  // the swapped Saturday counts
    [InlineData("2025-04-29", 1, "2025-05-05")]  // 30/4, 1/5, swapped 2/5, weekend
    [InlineData("2026-04-29", 1, "2026-05-04")]
    [InlineData("2026-04-24", 1, "2026-04-28")]  // Giỗ Tổ on Sunday, Monday in lieu
    // across 2/9
    [InlineData("2024-08-30", 1, "2024-09-04")]
    [InlineData("2025-08-29", 1, "2025-09-03")]
    [InlineData("2026-08-28", 1, "2026-09-03")]
    [InlineData("2026-08-21", 1, "2026-08-22")]  // Saturday worked for 31/08
    // across Tết
    [InlineData("2026-02-13", 1, "2026-02-23")]
    [InlineData("2025-01-24", 1, "2025-02-03")]
    [InlineData("2024-02-07", 1, "2024-02-15")]
    // ordinary weeks; a start on a holiday or weekend does not count itself
    [InlineData("2026-03-02", 5, "2026-03-09")]
    [InlineData("2026-03-07", 1, "2026-03-09")]
    [InlineData("2026-02-17", 1, "2026-02-23")]
    [InlineData("2026-12-31", 1, "2027-01-04")]  // into 2027: 1/1 is a holiday
    public void AddWorkingDays_skips_days_off(string from, int n, string expected)
    {
        Assert.Equal(D(expected), Real.AddWorkingDays(D(from), n));
    }

    [Theory]
    [InlineData("2026-02-17")]  // a holiday
    [InlineData("2026-03-07")]  // a Saturday
    [InlineData("2026-03-09")]
    public void AddWorkingDays_of_zero_is_the_date_itself(string date)
    {
        Assert.Equal(D(date), Real.AddWorkingDays(D(date), 0));
    }

    [Theory]
    [InlineData("2026-03-09", 0, "2026-03-09")]  // zero: the date itself
    [InlineData("2026-03-07", 0, "2026-03-07")]  // even a Saturday
    [InlineData("2026-03-10", 1, "2026-03-09")]
    [InlineData("2026-03-09", 1, "2026-03-06")]  // over the weekend
    [InlineData("2026-03-08", 1, "2026-03-06")]  // from a Sunday
    [InlineData("2026-03-09", 5, "2026-03-02")]
    [InlineData("2026-02-23", 1, "2026-02-13")]  // over the Tết break
    [InlineData("2026-01-12", 1, "2026-01-10")]  // a Saturday worked by swap counts
    [InlineData("2026-01-12", 2, "2026-01-09")]
    public void SubtractWorkingDays_counts_back_over_days_off(string from, int n, string expected)
    {
        Assert.Equal(D(expected), Real.SubtractWorkingDays(D(from), n));
    }

    [Theory]
    [InlineData("2026-02-13", 1)]
    [InlineData("2026-03-09", 30)]
    [InlineData("2026-12-31", 1)]
    public void SubtractWorkingDays_undoes_AddWorkingDays_from_a_working_day(string from, int n)
    {
        Assert.Equal(D(from), Real.SubtractWorkingDays(Real.AddWorkingDays(D(from), n), n));
    }

    [Fact]
    public void SubtractWorkingDays_refuses_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Real.SubtractWorkingDays(D("2026-03-09"), -1));
    }

    [Fact]
    public void AddWorkingDays_refuses_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Real.AddWorkingDays(D("2026-03-09"), -1));
    }

    [Theory]
    [InlineData("2026-01-09", "2026-01-12", 2)]   // the swapped Saturday and Monday
    [InlineData("2026-02-13", "2026-02-23", 1)]   // the whole Tết break
    [InlineData("2026-02-01", "2026-02-28", 15)]  // February 2026: 20 weekdays, 5 of Tết
    [InlineData("2026-03-09", "2026-03-09", 0)]
    [InlineData("2026-03-13", "2026-03-09", -4)]
    public void WorkingDaysBetween_counts_after_from_up_to_and_including_to(string from, string to, int expected)
    {
        Assert.Equal(expected, Real.WorkingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void WorkingDaysBetween_undoes_AddWorkingDays_over_the_covered_years()
    {
        for (var start = D("2024-01-01"); start < D("2027-10-01"); start = start.AddDays(17))
            foreach (var n in new[] { 0, 1, 7, 30, 60 })
                Assert.Equal(n, Real.WorkingDaysBetween(start, Real.AddWorkingDays(start, n)));
    }

    [Theory]
    [InlineData("2023-06-01", 2023)]
    [InlineData("2028-01-03", 2028)]
    public void IsWorkingDay_refuses_a_year_without_data(string date, int year)
    {
        var e = Assert.Throws<CalendarDataMissingException>(() => Real.IsWorkingDay(D(date)));
        Assert.Equal(year, e.Year);
        Assert.Contains($"năm {year}", e.Message);
    }

    [Fact]
    public void A_count_running_into_a_year_without_data_is_refused()
    {
        Assert.False(Real.CoversYear(2028));
        var e = Assert.Throws<CalendarDataMissingException>(() => Real.AddWorkingDays(D("2027-12-20"), 30));
        Assert.Equal(2028, e.Year);
        Assert.Throws<CalendarDataMissingException>(() => Real.WorkingDaysBetween(D("2023-12-29"), D("2024-01-03")));
    }

    [Fact]
    public void HolidaysBetween_lists_the_days_off_a_deadline_skipped_with_their_sources()
    {
        var skipped = Real.HolidaysBetween(D("2026-02-13"), D("2026-02-23"));

        Assert.Equal([D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19"), D("2026-02-20")], skipped.Select(h => h.Date));
        Assert.All(skipped, h => Assert.Contains("9441/TB-BNV", h.Source));
    }

    private static PublicHoliday Day(string date, PublicHolidayKind kind) => new(D(date), "x", kind, "s");

    [Fact]
    public void A_calendar_covers_the_years_its_data_has()
    {
        var calendar = new WorkingCalendar([Day("2030-01-01", PublicHolidayKind.Holiday)]);

        Assert.True(calendar.CoversYear(2030));
        Assert.False(calendar.CoversYear(2031));
        Assert.Equal([2030], calendar.CoveredYears);
    }

    [Fact]
    public void Two_rows_for_one_date_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [Day("2030-01-01", PublicHolidayKind.Holiday), Day("2030-01-01", PublicHolidayKind.CompensatoryDayOff)]));
    }

    [Theory]
    [InlineData("2030-01-02", PublicHolidayKind.SwappedWorkingDay)]   // a Wednesday cannot be "worked by swap"
    [InlineData("2030-01-05", PublicHolidayKind.CompensatoryDayOff)]  // a Saturday cannot be "given off"
    public void Kinds_on_the_wrong_kind_of_day_are_refused(string date, PublicHolidayKind kind)
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([Day(date, kind)]));
    }
}
