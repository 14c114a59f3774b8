using OrgCom.Core.Calendar;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Calendar;

public class CalendarAmendmentsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static WorkingCalendar Real => ReferenceData.Calendar;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static PublicHolidayDraft Draft(string date, PublicHolidayKind kind = PublicHolidayKind.ExtraDayOff,
        string? name = "Nghỉ thêm", string? source = "Quyết định của Thủ tướng", bool provisional = false) =>
        new(D(date), name, kind, source, provisional);

    [Fact]
    public void An_extra_day_off_is_a_day_off_for_working_day_counts()
    {
        var added = CalendarAmendments.Add(Real, Draft("2027-03-05"), Today);

        Assert.True(added.IsSuccess, added.Error?.Message);
        var calendar = new WorkingCalendar(Real.Holidays.Append(added.Value!));
        Assert.True(Real.IsWorkingDay(D("2027-03-05")));
        Assert.False(calendar.IsWorkingDay(D("2027-03-05")));
        Assert.Equal(Real.AddWorkingDays(D("2027-03-01"), 30).AddDays(1), calendar.AddWorkingDays(D("2027-03-01"), 30));
    }

    [Fact]
    public void A_provisional_day_carries_the_mark_in_its_source()
    {
        var added = CalendarAmendments.Add(Real, Draft("2027-03-05", provisional: true), Today).Value!;

        Assert.True(added.IsProvisional);
        Assert.Equal("DỰ KIẾN — Quyết định của Thủ tướng", added.Source);
        Assert.True(Real.Holidays.Single(h => h.Date == D("2027-02-04")).IsProvisional);
        Assert.False(Real.Holidays.Single(h => h.Date == D("2026-09-02")).IsProvisional);
    }

    [Theory]
    [InlineData("2026-11-20", PublicHolidayKind.ExtraDayOff, "holiday.past")]
    [InlineData("2027-02-04", PublicHolidayKind.ExtraDayOff, "holiday.duplicate")]
    [InlineData("2028-01-03", PublicHolidayKind.ExtraDayOff, "holiday.year.missing")]
    [InlineData("2027-03-06", PublicHolidayKind.ExtraDayOff, "holiday.kind.weekend")]
    [InlineData("2027-03-06", PublicHolidayKind.CompensatoryDayOff, "holiday.kind.weekend")]
    [InlineData("2027-03-05", PublicHolidayKind.SwappedWorkingDay, "holiday.kind.weekday")]
    public void A_day_that_does_not_fit_the_calendar_is_refused(string date, PublicHolidayKind kind, string code)
    {
        Assert.Equal(code, CalendarAmendments.Add(Real, Draft(date, kind), Today).Error!.Code);
    }

    [Theory]
    [InlineData(null, "Nguồn", "holiday.name.required")]
    [InlineData("Nghỉ thêm", " ", "holiday.source.required")]
    public void A_day_needs_a_name_and_a_source(string? name, string? source, string code)
    {
        Assert.Equal(code, CalendarAmendments.Add(Real, Draft("2027-03-05", name: name, source: source), Today).Error!.Code);
    }

    [Fact]
    public void Only_days_not_yet_passed_are_removed_and_never_a_years_last()
    {
        Assert.True(CalendarAmendments.Remove(Real, D("2027-02-04"), Today).IsSuccess);
        Assert.True(CalendarAmendments.Remove(Real, D("2026-11-24"), Today).IsSuccess);
        Assert.Equal("holiday.past", CalendarAmendments.Remove(Real, D("2026-09-02"), Today).Error!.Code);
        Assert.Equal("holiday.not_found", CalendarAmendments.Remove(Real, D("2027-03-05"), Today).Error!.Code);
        var lonely = new WorkingCalendar([new PublicHoliday(D("2027-01-01"), "Tết Dương lịch", PublicHolidayKind.Holiday, "Nguồn")]);
        Assert.Equal("holiday.year.last", CalendarAmendments.Remove(lonely, D("2027-01-01"), Today).Error!.Code);
    }

    [Fact]
    public void The_calendar_refuses_an_extra_day_off_on_a_weekend_as_it_refuses_a_day_in_lieu()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new WorkingCalendar([new PublicHoliday(D("2027-03-06"), "Nghỉ thêm", PublicHolidayKind.ExtraDayOff, "Nguồn")]));
        Assert.Contains("06/03/2027", e.Message);
    }
}
