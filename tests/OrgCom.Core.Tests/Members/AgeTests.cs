using OrgCom.Core.Members.Rules;

namespace OrgCom.Core.Tests.Members;

public class AgeTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2008-03-15", false, "2026-03-15", 216)]  // exactly 18 years to the day
    [InlineData("2008-03-15", false, "2026-03-14", 215)]  // one day short
    [InlineData("2008-03-15", false, "2008-03-15", 0)]
    [InlineData("2008-03-15", false, "2008-04-14", 0)]
    [InlineData("2008-03-15", false, "2008-04-15", 1)]
    // 29 February: the year is complete on 28 February of a non-leap year
    [InlineData("2008-02-29", false, "2026-02-28", 216)]
    [InlineData("2008-02-29", false, "2026-02-27", 215)]
    [InlineData("2008-02-29", false, "2024-02-28", 191)]
    [InlineData("2008-02-29", false, "2024-02-29", 192)]
    [InlineData("2008-02-29", false, "2008-03-29", 1)]
    // end of month: a month ending in a shorter month is complete on its last day
    [InlineData("2009-01-31", false, "2009-02-27", 0)]
    [InlineData("2009-01-31", false, "2009-02-28", 1)]
    [InlineData("2008-01-31", false, "2008-02-28", 0)]
    [InlineData("2008-01-31", false, "2008-02-29", 1)]
    [InlineData("2009-01-31", false, "2009-03-30", 1)]
    [InlineData("2009-01-31", false, "2009-03-31", 2)]
    [InlineData("2009-01-31", false, "2009-04-30", 3)]
    [InlineData("2009-03-31", false, "2009-04-30", 1)]
    // year only: born 1 January
    [InlineData("2008-07-15", true, "2026-01-01", 216)]
    [InlineData("2008-07-15", true, "2025-12-31", 215)]
    [InlineData("2008-01-01", true, "2026-01-01", 216)]
    public void InFullMonths_counts_completed_months(string birth, bool yearOnly, string at, int expected)
    {
        Assert.Equal(expected, Age.InFullMonths(D(birth), yearOnly, D(at)));
    }

    [Fact]
    public void InFullMonths_refuses_a_date_before_birth()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Age.InFullMonths(D("2008-03-15"), false, D("2008-03-14")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Age.InFullMonths(D("2008-07-15"), true, D("2007-12-31")));
    }

    [Theory]
    [InlineData(216, "18 tuổi 0 tháng")]
    [InlineData(215, "17 tuổi 11 tháng")]
    [InlineData(721, "60 tuổi 1 tháng")]
    public void Describe_writes_years_and_months(int months, string expected)
    {
        Assert.Equal(expected, Age.Describe(months));
    }
}
