using OrgCom.Core.Common;

namespace OrgCom.Core.Tests.Common;

public class DateTextTests
{
    private const string Field = "ngày thành lập";

    [Theory]
    [InlineData("01/07/2025", 2025, 7, 1)]
    [InlineData("1/7/2025", 2025, 7, 1)]
    [InlineData("01-07-2025", 2025, 7, 1)]
    [InlineData("1-7-2025", 2025, 7, 1)]
    [InlineData("01.07.2025", 2025, 7, 1)]
    [InlineData("2025-07-01", 2025, 7, 1)]
    [InlineData("  01/07/2025 ", 2025, 7, 1)]
    [InlineData("31/12/2025", 2025, 12, 31)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("29/02/2000", 2000, 2, 29)]
    [InlineData("01/01/1900", 1900, 1, 1)]
    [InlineData("31/12/2200", 2200, 12, 31)]
    public void Parse_accepts_day_month_year_and_iso(string text, int year, int month, int day)
    {
        var result = DateText.Parse(text, Field);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(new DateOnly(year, month, day), result.Value);
    }

    [Theory]
    [InlineData("29/02/2025")]
    [InlineData("29/02/1900")]
    [InlineData("31/04/2025")]
    [InlineData("31/06/2025")]
    [InlineData("32/01/2025")]
    [InlineData("00/01/2025")]
    [InlineData("01/13/2025")]
    [InlineData("01/00/2025")]
    [InlineData("31/12/1899")]
    [InlineData("01/01/2201")]
    [InlineData("01/01/0001")]
    [InlineData("01/07/25")]
    [InlineData("2025/07/01")]
    [InlineData("01 07 2025")]
    [InlineData("abc")]
    public void Parse_refuses_what_is_not_a_valid_date_between_1900_and_2200(string text)
    {
        var result = DateText.Parse(text, Field);

        Assert.False(result.IsSuccess);
        Assert.Equal("date.format", result.Error!.Code);
        Assert.StartsWith("Ngày thành lập", result.Error.Message);
        Assert.Contains($"\"{text.Trim()}\"", result.Error.Message);
        Assert.Equal(default, result.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Parse_of_blank_input_asks_for_the_field(string? text)
    {
        var result = DateText.Parse(text, Field);

        Assert.False(result.IsSuccess);
        Assert.Equal("date.required", result.Error!.Code);
        Assert.Contains(Field, result.Error.Message);
    }

    [Theory]
    [InlineData(2025, 7, 1, "01/07/2025")]
    [InlineData(2024, 2, 29, "29/02/2024")]
    [InlineData(1930, 2, 3, "03/02/1930")]
    [InlineData(2025, 12, 31, "31/12/2025")]
    public void Format_writes_dd_MM_yyyy_and_parses_back(int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(expected, DateText.Format(date));
        Assert.Equal(expected, DateText.Format((DateOnly?)date));
        Assert.Equal(date, DateText.Parse(DateText.Format(date), Field).Value);
    }

    [Fact]
    public void Format_of_no_date_is_empty()
    {
        Assert.Equal("", DateText.Format(null));
    }

    [Theory]
    [InlineData(2026, 11, 23, "thứ Hai")]
    [InlineData(2026, 11, 28, "thứ Bảy")]
    [InlineData(2026, 11, 29, "Chủ nhật")]
    [InlineData(2027, 2, 6, "thứ Bảy")]
    public void The_day_of_the_week_is_written_in_vietnamese(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateText.DayName(new DateOnly(year, month, day)));
}
