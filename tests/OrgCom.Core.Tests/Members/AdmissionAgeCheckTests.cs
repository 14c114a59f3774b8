using OrgCom.Core.Members.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Members;

public class AdmissionAgeCheckTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static AdmissionAgeResult Check(string birth, bool yearOnly, string considered) =>
        AdmissionAgeCheck.Check(D(birth), yearOnly, D(considered), ReferenceData.Rules);

    [Theory]
    [InlineData("2008-03-15", false, "2026-03-15", AdmissionAgeOutcome.Eligible, 216, "18 tuổi 0 tháng")]
    [InlineData("2008-03-15", false, "2026-03-14", AdmissionAgeOutcome.TooYoung, 215, "17 tuổi 11 tháng")]
    [InlineData("2008-02-29", false, "2026-02-28", AdmissionAgeOutcome.Eligible, 216, "18 tuổi 0 tháng")]
    [InlineData("2008-02-29", false, "2026-02-27", AdmissionAgeOutcome.TooYoung, 215, "17 tuổi 11 tháng")]
    [InlineData("2008-01-31", false, "2026-01-30", AdmissionAgeOutcome.TooYoung, 215, "17 tuổi 11 tháng")]
    [InlineData("2008-07-15", true, "2026-01-01", AdmissionAgeOutcome.Eligible, 216, "18 tuổi 0 tháng")]
    [InlineData("2008-07-15", true, "2025-12-31", AdmissionAgeOutcome.TooYoung, 215, "17 tuổi 11 tháng")]
    [InlineData("1990-06-10", false, "2026-11-21", AdmissionAgeOutcome.Eligible, 437, "36 tuổi 5 tháng")]
    [InlineData("1966-03-15", false, "2026-03-15", AdmissionAgeOutcome.Eligible, 720, "60 tuổi 0 tháng")]
    [InlineData("1966-03-15", false, "2026-04-14", AdmissionAgeOutcome.Eligible, 720, "60 tuổi 0 tháng")]
    [InlineData("1966-03-15", false, "2026-04-15", AdmissionAgeOutcome.RequiresOverride, 721, "60 tuổi 1 tháng")]
    [InlineData("1966-01-31", false, "2026-02-28", AdmissionAgeOutcome.RequiresOverride, 721, "60 tuổi 1 tháng")]
    [InlineData("1966-08-20", true, "2026-02-01", AdmissionAgeOutcome.RequiresOverride, 721, "60 tuổi 1 tháng")]
    [InlineData("1950-05-05", false, "2026-05-05", AdmissionAgeOutcome.RequiresOverride, 912, "76 tuổi 0 tháng")]
    public void Check_compares_the_age_in_full_months_with_the_rules(
        string birth, bool yearOnly, string considered, AdmissionAgeOutcome outcome, int months, string ageText)
    {
        var result = Check(birth, yearOnly, considered);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(months, result.AgeInFullMonths);
        Assert.Contains(ageText, result.Message);
        Assert.Contains(DateText(considered), result.Message);
        Assert.Equal(outcome == AdmissionAgeOutcome.Eligible, result.IsEligible);
    }

    [Fact]
    public void Too_young_says_when_the_person_reaches_the_minimum_and_cites_it()
    {
        var result = Check("2008-03-15", false, "2026-03-14");

        Assert.Contains("Chưa đủ 18 tuổi", result.Message);
        Assert.Contains("đủ 18 tuổi vào ngày 15/03/2026", result.Message);
        var citation = Assert.Single(result.Citations);
        Assert.Equal("admission.min_age_months", citation.Key);
        Assert.Contains("Quy định 294-QĐ/TW", citation.ToString());
    }

    [Fact]
    public void Over_the_maximum_needs_the_committee_directly_under_the_Centre()
    {
        var result = Check("1966-03-15", false, "2026-04-15");

        Assert.Equal(AdmissionAgeOutcome.RequiresOverride, result.Outcome);
        Assert.Contains("Trên 60 tuổi", result.Message);
        Assert.Contains("cấp ủy trực thuộc Trung ương", result.Message);
        Assert.Equal("admission.max_age_months", Assert.Single(result.Citations).Key);
    }

    [Fact]
    public void A_year_only_birth_date_is_explained()
    {
        var result = Check("2008-07-15", true, "2025-12-31");

        Assert.Contains("chỉ biết năm sinh nên tính từ ngày 01/01/2008", result.Message);
        Assert.Contains("đủ 18 tuổi vào ngày 01/01/2026", result.Message);
    }

    [Fact]
    public void Eligible_cites_both_limits()
    {
        var result = Check("1990-06-10", false, "2026-11-21");

        Assert.Equal(["admission.min_age_months", "admission.max_age_months"], result.Citations.Select(c => c.Key));
    }

    [Theory]
    [InlineData("2025-06-30", "Quy định 24-QĐ/TW")]
    [InlineData("2025-07-01", "Quy định 294-QĐ/TW")]
    public void The_citation_is_the_rule_in_force_on_the_consideration_date(string considered, string source)
    {
        var result = Check("1990-06-10", false, considered);

        Assert.All(result.Citations, c => Assert.Contains(source, c.Source));
    }

    [Fact]
    public void A_consideration_date_before_birth_is_too_young_and_says_why()
    {
        var result = Check("2030-01-01", false, "2026-11-21");

        Assert.Equal(AdmissionAgeOutcome.TooYoung, result.Outcome);
        Assert.Contains("trước ngày sinh", result.Message);
    }

    private static string DateText(string iso) => OrgCom.Core.Common.DateText.Format(D(iso));
}
