using OrgCom.Core.Cadres;
using OrgCom.Core.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class CadreStatisticsTests
{
    [Theory]
    [InlineData("1980-05-10", false, "2026-05-09", 45)]
    [InlineData("1980-05-10", false, "2026-05-10", 46)]
    [InlineData("1980-05-10", true, "2026-01-01", 46)]
    // A 29 February birthday falls on 28 February in a common year.
    [InlineData("1980-02-29", false, "2026-02-27", 45)]
    [InlineData("1980-02-29", false, "2026-02-28", 46)]
    [InlineData("1980-02-29", false, "2028-02-29", 48)]
    public void The_age_is_in_full_years_and_a_year_only_birth_counts_from_1_January(string birth, bool yearOnly, string on, int age) =>
        Assert.Equal(age, CadreStatistics.AgeOn(DateOnly.Parse(birth), yearOnly, DateOnly.Parse(on)));

    [Theory]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(40, 1)]
    [InlineData(41, 2)]
    [InlineData(50, 2)]
    [InlineData(51, 3)]
    [InlineData(60, 3)]
    [InlineData(61, 4)]
    [InlineData(75, 4)]
    public void The_age_bands_come_from_the_rule(int age, int band)
    {
        var bounds = ReferenceData.Rules.Get(RuleKey.CadreReportAgeBands, new DateOnly(2026, 11, 21)).AsIntList();
        Assert.Equal(band, CadreStatistics.BandOf(age, bounds));
        Assert.Equal(["Dưới 30", "30–40", "41–50", "51–60", "Trên 60"], CadreStatistics.BandLabels(bounds));
    }

    [Theory]
    [InlineData("Tiến sĩ Kinh tế", "Doctorate")]
    [InlineData("thạc sĩ luật", "Master")]
    [InlineData("Cử nhân Luật", "University")]
    [InlineData("Kỹ sư xây dựng", "University")]
    [InlineData("Đại học Sư phạm", "University")]
    [InlineData("Trung cấp kế toán", "Other")]
    [InlineData("  ", "Unknown")]
    [InlineData(null, "Unknown")]
    public void Education_is_banded_by_the_highest_degree_named(string? professional, string band) =>
        Assert.Equal(band, CadreStatistics.EducationOf(professional).ToString());

    [Theory]
    [InlineData("Kinh", false)]
    [InlineData(" kinh ", false)]
    [InlineData("Tày", true)]
    [InlineData("Khơ Me", true)]
    [InlineData(null, false)]
    public void Ethnic_minority_is_any_recorded_ethnicity_but_Kinh(string? ethnicity, bool minority) =>
        Assert.Equal(minority, CadreStatistics.IsEthnicMinority(ethnicity));
}
