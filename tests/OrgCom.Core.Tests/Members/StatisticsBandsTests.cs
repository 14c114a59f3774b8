using OrgCom.Core.Members.Rules;

namespace OrgCom.Core.Tests.Members;

public class StatisticsBandsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly int[] AgeLimits = [30, 40, 50, 60, 70];
    private static readonly int[] PartyLimits = [10, 20, 30, 40, 50];

    [Theory]
    [InlineData(0, "a0-30", "Đến 30 tuổi")]
    [InlineData(18, "a0-30", "Đến 30 tuổi")]
    [InlineData(30, "a0-30", "Đến 30 tuổi")]
    [InlineData(31, "a31-40", "31–40 tuổi")]
    [InlineData(40, "a31-40", "31–40 tuổi")]
    [InlineData(70, "a61-70", "61–70 tuổi")]
    [InlineData(71, "a71+", "Trên 70 tuổi")]
    [InlineData(105, "a71+", "Trên 70 tuổi")]
    public void Age_bands_end_at_the_last_age_of_each(int years, string key, string header)
    {
        var band = StatisticsBands.Of(StatisticsBands.Age(AgeLimits), years);
        Assert.Equal((key, header), (band.Key, band.Header));
    }

    [Theory]
    [InlineData(0, "p0-9", "Dưới 10 năm")]
    [InlineData(9, "p0-9", "Dưới 10 năm")]
    [InlineData(10, "p10-19", "10 – dưới 20 năm")]
    [InlineData(19, "p10-19", "10 – dưới 20 năm")]
    [InlineData(49, "p40-49", "40 – dưới 50 năm")]
    [InlineData(50, "p50+", "Từ 50 năm")]
    [InlineData(-1, "p0-9", "Dưới 10 năm")]
    public void Party_age_bands_start_at_each_limit(int years, string key, string header)
    {
        var band = StatisticsBands.Of(StatisticsBands.PartyAge(PartyLimits), years);
        Assert.Equal((key, header), (band.Key, band.Header));
    }

    [Fact]
    public void The_bands_cover_every_year_once_and_other_limits_make_other_bands()
    {
        foreach (var bands in new[] { StatisticsBands.Age(AgeLimits), StatisticsBands.PartyAge(PartyLimits), StatisticsBands.Age([35, 55]) })
            for (var years = 0; years < 120; years++)
                Assert.Single(bands, b => b.Contains(years));
        Assert.Equal(["Đến 35 tuổi", "36–55 tuổi", "Trên 55 tuổi"], StatisticsBands.Age([35, 55]).Select(b => b.Header));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 30, 30 })]
    [InlineData(new[] { 40, 30 })]
    [InlineData(new[] { -1, 30 })]
    public void Limits_must_be_increasing(int[] limits)
    {
        Assert.Throws<ArgumentException>(() => StatisticsBands.Age(limits));
        Assert.Throws<ArgumentException>(() => StatisticsBands.PartyAge(limits));
    }

    [Fact]
    public void A_first_party_age_limit_of_zero_is_refused() =>
        Assert.Throws<ArgumentException>(() => StatisticsBands.PartyAge([0, 10]));

    // Admitted 01/01/2000, left 01/01/2005, readmitted 01/01/2015: at 30/06/2025 25 years since admission, 15 in the party.
    [Theory]
    [InlineData("2000-01-01", "", "2025-06-30", "p20-29")]
    [InlineData("2000-01-01", "2005-01-01/2015-01-01", "2025-06-30", "p10-19")]
    // A gap still open at the date is cut at it (not counted twice).
    [InlineData("2000-01-01", "2005-01-01/2030-01-01", "2025-06-30", "p0-9")]
    // The gap (365 days) moves the start to 31/12/2000 (2000 is a leap year), so the tenth anniversary to 31/12/2010.
    [InlineData("2000-01-01", "2005-01-01/2006-01-01", "2010-12-30", "p0-9")]
    [InlineData("2000-01-01", "2005-01-01/2006-01-01", "2010-12-31", "p10-19")]
    [InlineData("2000-01-01", "", "2009-12-31", "p0-9")]
    [InlineData("2000-01-01", "", "2010-01-01", "p10-19")]
    // Two readmission gaps (data may hold them) both count.
    [InlineData("1970-01-01", "1980-01-01/1990-01-01;1995-01-01/2005-01-01", "2025-01-01", "p30-39")]
    [InlineData("1970-01-01", "", "2025-01-01", "p50+")]
    public void Party_age_band_leaves_out_the_time_outside_the_party(string admitted, string gaps, string at, string key)
    {
        var list = gaps.Length == 0 ? [] : gaps.Split(';').Select(g => g.Split('/')).Select(p => new InactivityGap(D(p[0]), D(p[1]))).ToArray();
        Assert.Equal(key, StatisticsBands.PartyAgeBandOf(StatisticsBands.PartyAge(PartyLimits), D(admitted), list, D(at)).Key);
    }
}
