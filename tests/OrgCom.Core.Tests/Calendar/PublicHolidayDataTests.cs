using OrgCom.Core.Calendar;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Calendar;

/// <summary>The shipped public-holidays.csv.</summary>
public class PublicHolidayDataTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_data_covers_2024_to_2027_and_nothing_else()
    {
        Assert.Equal([2024, 2025, 2026, 2027], ReferenceData.Calendar.CoveredYears.Order());
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    public void Each_year_has_the_fixed_holidays_and_Gio_To(int year, string gioTo)
    {
        var holidays = ReferenceData.Holidays.Where(h => h.Kind == PublicHolidayKind.Holiday).Select(h => h.Date).ToHashSet();

        Assert.Contains(new DateOnly(year, 1, 1), holidays);
        Assert.Contains(D(gioTo), holidays);
        Assert.Contains(new DateOnly(year, 4, 30), holidays);
        Assert.Contains(new DateOnly(year, 5, 1), holidays);
        Assert.Contains(new DateOnly(year, 9, 2), holidays);
        // Quốc khánh is two days: 2/9 and the day before or after
        Assert.True(holidays.Contains(new DateOnly(year, 9, 1)) ^ holidays.Contains(new DateOnly(year, 9, 3)));
    }

    [Theory]
    [InlineData("2024-02-10", "2024-02-08,2024-02-09,2024-02-12,2024-02-13,2024-02-14")]
    [InlineData("2025-01-29", "2025-01-27,2025-01-28,2025-01-29,2025-01-30,2025-01-31")]
    [InlineData("2026-02-17", "2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20")]
    [InlineData("2027-02-06", "2027-02-04,2027-02-05,2027-02-08,2027-02-09,2027-02-10")]
    public void The_Tet_break_gives_five_weekdays_off_around_the_first_day(string firstDay, string weekdaysOff)
    {
        var tet = D(firstDay);
        var off = Enumerable.Range(-10, 21).Select(tet.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !ReferenceData.Calendar.IsWorkingDay(d));

        Assert.Equal(weekdaysOff.Split(',').Select(D), off);
        Assert.Contains(ReferenceData.Holidays, h => h.Date == tet && h.Kind == PublicHolidayKind.Holiday && h.Name.Contains("mùng 1"));
    }

    [Fact]
    public void Every_swapped_working_day_pairs_with_a_weekday_off_in_the_same_year()
    {
        var byYear = ReferenceData.Holidays.GroupBy(h => h.Date.Year);
        foreach (var year in byYear)
        {
            var swapped = year.Count(h => h.Kind == PublicHolidayKind.SwappedWorkingDay);
            var swappedOff = year.Count(h => h.Kind == PublicHolidayKind.CompensatoryDayOff && h.Name.StartsWith("Nghỉ hoán đổi"));
            Assert.Equal(swapped, swappedOff);
        }
    }

    [Fact]
    public void Provisional_2027_days_say_so()
    {
        var tet2027 = ReferenceData.Holidays.Where(h => h.Date >= D("2027-02-01") && h.Date <= D("2027-02-28")).ToArray();

        Assert.NotEmpty(tet2027);
        Assert.All(tet2027, h => Assert.Contains("DỰ KIẾN", h.Source));
        Assert.Contains("DỰ KIẾN", ReferenceData.Holidays.Single(h => h.Date == D("2027-09-03")).Source);
    }

    [Fact]
    public void Every_row_names_its_source()
    {
        Assert.All(ReferenceData.Holidays, h =>
        {
            Assert.False(string.IsNullOrWhiteSpace(h.Name));
            Assert.False(string.IsNullOrWhiteSpace(h.Source));
        });
    }
}

public class PublicHolidayCsvTests
{
    [Fact]
    public void Parse_reads_quoted_fields_with_commas_and_quotes()
    {
        var rows = PublicHolidayCsv.Parse(
            "date,name,kind,source\r\n"
            + "2030-01-01,Tết Dương lịch,Holiday,\"Bộ luật Lao động 2019, Điều 112\"\r\n"
            + "2030-01-05,\"Làm bù \"\"hoán đổi\"\"\",SwappedWorkingDay,Thông báo\r\n"
            + "\r\n");

        Assert.Equal(
            [
                new PublicHoliday(new DateOnly(2030, 1, 1), "Tết Dương lịch", PublicHolidayKind.Holiday, "Bộ luật Lao động 2019, Điều 112"),
                new PublicHoliday(new DateOnly(2030, 1, 5), "Làm bù \"hoán đổi\"", PublicHolidayKind.SwappedWorkingDay, "Thông báo"),
            ],
            rows);
    }

    [Theory]
    [InlineData("ngay,ten,loai,nguon\n", "Dòng 1")]
    [InlineData("date,name,kind,source\n01/01/2030,x,Holiday,s\n", "yyyy-MM-dd")]
    [InlineData("date,name,kind,source\n2030-01-01,x,Lễ,s\n", "loại ngày")]
    [InlineData("date,name,kind,source\n2030-01-01,x,7,s\n", "loại ngày")]
    [InlineData("date,name,kind,source\n2030-01-01,x,Holiday\n", "3 cột")]
    [InlineData("date,name,kind,source\n2030-01-01,x,Holiday,\n", "căn cứ")]
    [InlineData("date,name,kind,source\n2030-01-01,\"x,Holiday,s\n", "nháy kép")]
    public void Parse_refuses_bad_rows_naming_the_line(string csv, string expectedInMessage)
    {
        var e = Assert.Throws<FormatException>(() => PublicHolidayCsv.Parse(csv));
        Assert.Contains(expectedInMessage, e.Message);
    }
}
