using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class EligibilityTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Position Post(bool committee, PoliticalTheoryLevel? theory = null) => Position.Create(1,
        committee ? "Ủy viên Ban Chấp hành Đảng bộ tỉnh" : "Giám đốc Sở Nội vụ", committee ? PositionLevel.Provincial : PositionLevel.ProvincialDepartment,
        committee ? BodyKind.Party : BodyKind.State, committee ? null : "Sở Nội vụ", committee, theory,
        theory is null ? null : "Quy định 214-QĐ/TW ngày 02/01/2020").Value!;

    private static EligibilityReport Check(string birth, string on, bool committee = false, bool held = false, bool member = false,
        PoliticalTheoryLevel has = PoliticalTheoryLevel.Advanced, PoliticalTheoryLevel? required = null, Gender gender = Gender.Male) =>
        Eligibility.Check(new EligibilityCandidate("Nguyễn Văn An", gender, D(birth), false, has), Post(committee, required),
            new EligibilityHistory(held, member), D(on), ReferenceData.Rules);

    /// <summary>A man born 10/02/1965 retires at the end of 31/08/2026: 60 months left on 01/09/2021, 48 on 01/09/2022.</summary>
    [Theory]
    // First appointment: at least 60 months left when the dossier is received (Hướng dẫn 06-HD/BTCTW).
    [InlineData("1965-02-10", "2021-09-01", false, false, false, CheckStatus.Passed)]
    [InlineData("1965-02-10", "2021-09-02", false, false, false, CheckStatus.Failed)]
    [InlineData("1965-02-10", "2024-01-01", false, true, false, CheckStatus.NotApplicable)] // held before: a reappointment
    // First-time committee member: a full term (Chỉ thị 45-CT/TW).
    [InlineData("1965-02-10", "2021-09-01", true, false, false, CheckStatus.Passed)]
    [InlineData("1965-02-10", "2021-10-01", true, false, false, CheckStatus.Failed)]
    // Re-election: at least 48 months.
    [InlineData("1965-02-10", "2022-09-01", true, false, true, CheckStatus.Passed)]
    [InlineData("1965-02-10", "2022-09-02", true, false, true, CheckStatus.Failed)]
    [InlineData("1975-05-05", "2025-10-01", true, false, true, CheckStatus.Passed)]
    public void The_working_age_rule_that_applies(string birth, string on, bool committee, bool held, bool member, CheckStatus expected)
    {
        var report = Check(birth, on, committee, held, member);

        var check = report.Checks[1];
        Assert.Equal(expected, check.Status);
        Assert.Equal(expected != CheckStatus.Failed, report.IsEligible);
        Assert.Contains(committee ? "Chỉ thị" : "Quy định 105-QĐ/TW", check.Source);
        if (expected == CheckStatus.Failed)
            Assert.Contains("thiếu", check.Explanation);
    }

    [Fact]
    public void A_failure_explains_the_numbers_and_cites_the_regulation()
    {
        var report = Check("1965-02-10", "2023-03-15");

        var check = report.Checks.Single(c => c.Status == CheckStatus.Failed);
        Assert.Contains("ít nhất 5 năm", check.Explanation);
        Assert.Contains("còn 3 năm 5 tháng", check.Explanation);
        Assert.Contains("01/09/2026", check.Explanation);
        Assert.Contains("Hướng dẫn 06-HD/BTCTW", check.Source);
        Assert.False(report.IsEligible);
    }

    [Fact]
    public void A_retired_person_fails_the_first_check()
    {
        var report = Check("1950-01-01", "2026-11-21");
        Assert.Equal(CheckStatus.Failed, report.Checks[0].Status);
        Assert.Equal(0, report.MonthsLeft);
    }

    [Theory]
    [InlineData(PoliticalTheoryLevel.Advanced, PoliticalTheoryLevel.Advanced, CheckStatus.Passed)]
    [InlineData(PoliticalTheoryLevel.Bachelor, PoliticalTheoryLevel.Advanced, CheckStatus.Passed)]
    [InlineData(PoliticalTheoryLevel.Intermediate, PoliticalTheoryLevel.Advanced, CheckStatus.Failed)]
    [InlineData(PoliticalTheoryLevel.None, PoliticalTheoryLevel.Elementary, CheckStatus.Failed)]
    [InlineData(PoliticalTheoryLevel.Advanced, PoliticalTheoryLevel.Intermediate, CheckStatus.Passed)]
    [InlineData(PoliticalTheoryLevel.None, null, CheckStatus.NotApplicable)]
    public void The_political_theory_level_where_the_position_requires_one(
        PoliticalTheoryLevel has, PoliticalTheoryLevel? required, CheckStatus expected)
    {
        var report = Check("1980-01-01", "2026-11-21", has: has, required: required);

        var check = report.Checks[2];
        Assert.Equal(expected, check.Status);
        if (required is not null)
            Assert.Contains("Quy định 214-QĐ/TW", check.Source);
    }
}
