using OrgCom.Core.Members.Rules;

namespace OrgCom.Core.Tests.Members;

public class PartyAgeTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static InactivityGap[] Gaps(string gaps) =>
        gaps.Length == 0
            ? []
            : gaps.Split(';').Select(g => g.Split('/')).Select(p => new InactivityGap(D(p[0]), D(p[1]))).ToArray();

    [Theory]
    [InlineData("1996-05-19", "", "2026-05-19", 30, 0, 0)]
    [InlineData("1996-05-19", "", "2026-05-18", 29, 11, 29)]
    [InlineData("1996-05-19", "", "1996-05-19", 0, 0, 0)]
    [InlineData("1996-02-29", "", "2026-02-28", 30, 0, 0)]
    [InlineData("1996-01-31", "", "1996-02-29", 0, 1, 0)]
    // overlapping gaps are merged: 01/01/2000 to 01/03/2002, 790 days
    [InlineData("1990-01-01", "2000-01-01/2001-01-01;2000-07-01/2002-01-01;2001-12-01/2002-03-01", "2020-01-01", 27, 10, 0)]
    // the same gap given twice counts once
    [InlineData("1990-01-01", "2000-01-01/2002-03-01;2000-01-01/2002-03-01", "2020-01-01", 27, 10, 0)]
    // touching gaps
    [InlineData("1990-01-01", "2000-01-01/2001-01-01;2001-01-01/2002-03-01", "2020-01-01", 27, 10, 0)]
    // gaps outside the range are ignored; a gap running past the date is cut at it
    [InlineData("1990-01-01", "1985-01-01/1989-01-01;2021-01-01/2022-01-01", "2020-01-01", 30, 0, 0)]
    [InlineData("1990-01-01", "1985-01-01/1990-02-01", "2020-01-01", 29, 11, 0)]
    [InlineData("1990-01-01", "2019-12-01/2021-01-01", "2020-01-01", 29, 11, 0)]
    // readmission: counted from the first admission, the time between leaving and readmission is a gap
    [InlineData("1980-03-10", "1990-03-10/1994-03-10", "2024-03-10", 40, 0, 0)]
    // while inside a gap, party age does not grow
    [InlineData("1980-03-10", "1990-03-10/1994-03-10", "1992-01-01", 10, 0, 0)]
    [InlineData("1980-03-10", "1990-03-10/1994-03-10", "1994-03-10", 10, 0, 0)]
    [InlineData("1980-03-10", "1990-03-10/1994-03-10", "1994-03-11", 10, 0, 1)]
    public void At_counts_from_admission_minus_the_gaps(string admitted, string gaps, string at, int years, int months, int days)
    {
        var age = PartyAge.At(D(admitted), Gaps(gaps), D(at));

        Assert.Equal((years, months, days), (age.Years, age.Months, age.Days));
    }

    [Fact]
    public void TotalDays_are_the_days_of_activity()
    {
        var age = PartyAge.At(D("1990-01-01"), Gaps("2000-01-01/2001-01-01;2000-07-01/2002-01-01;2001-12-01/2002-03-01"), D("2020-01-01"));

        Assert.Equal(D("2020-01-01").DayNumber - D("1990-01-01").DayNumber - 790, age.TotalDays);
        Assert.Equal("27 năm 10 tháng 0 ngày", age.ToString());
    }

    [Fact]
    public void Merge_sorts_merges_and_drops_empty_gaps()
    {
        var merged = PartyAge.Merge(Gaps("2005-01-01/2006-01-01;2000-07-01/2002-01-01;2000-01-01/2001-01-01;2003-01-01/2003-01-01;2001-12-01/2002-03-01"));

        Assert.Equal(Gaps("2000-01-01/2002-03-01;2005-01-01/2006-01-01"), merged);
    }

    [Fact]
    public void A_gap_ending_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PartyAge.At(D("1990-01-01"), Gaps("2001-01-01/2000-01-01"), D("2020-01-01")));
    }

    [Fact]
    public void A_date_before_admission_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PartyAge.At(D("1990-01-01"), [], D("1989-12-31")));
    }

    [Theory]
    [InlineData("1996-05-19", "", 30, "2026-05-19")]
    [InlineData("1996-02-29", "", 30, "2026-02-28")]
    [InlineData("1996-02-29", "", 28, "2024-02-29")]
    [InlineData("1980-03-10", "1990-03-10/1994-03-10", 40, "2024-03-10")]
    // a gap spanning the plain anniversary (01/03/2026) delays it by the whole gap (182 days)
    [InlineData("1996-03-01", "2025-12-01/2026-06-01", 30, "2026-08-30")]
    // a gap starting on the anniversary does not delay it
    [InlineData("1996-03-01", "2026-03-01/2026-06-01", 30, "2026-03-01")]
    // a gap after the anniversary does not matter
    [InlineData("1996-03-01", "2026-04-01/2026-06-01", 30, "2026-03-01")]
    public void ReachesYears_is_the_day_party_age_completes_the_years(string admitted, string gaps, int years, string expected)
    {
        var reached = PartyAge.ReachesYears(D(admitted), Gaps(gaps), years);

        Assert.Equal(D(expected), reached);
        Assert.Equal(years, PartyAge.At(D(admitted), Gaps(gaps), reached).Years);
        Assert.Equal(years - 1, PartyAge.At(D(admitted), Gaps(gaps), reached.AddDays(-1)).Years);
    }
}
