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

    /// <summary>A decided retirement of the man born 10/02/1965 (computed: from 01/09/2026), decided on <paramref name="decided"/>.</summary>
    private static RetirementDecision Decided(string kind, string pensionFrom, string decided)
    {
        var member = Member.Import(1, new Identity("Nguyễn Văn An", null, Gender.Male, D("1965-02-10"), false, null, null, null, null, "Kinh", null, null),
            MemberStatus.Official, new DateOnly(1990, 1, 1), new DateOnly(1990, 2, 1), new DateOnly(1991, 2, 1), null, "(kiểm thử)");
        var computed = Retirement.For(Gender.Male, D("1965-02-10"), false, ReferenceData.Rules).Value!;
        return RetirementDecision.Create(member, true, computed, Enum.Parse<RetirementDecisionKind>(kind), D(pensionFrom), "12-QĐ/TU", D(decided),
            "Có học vị tiến sĩ", ReferenceData.Rules, D(decided)).Value!;
    }

    [Theory]
    // decision (kind, first day of retirement, decided on) or none; reference date; first appointment check; months left
    [InlineData(null, null, null, "2023-09-01", CheckStatus.Failed, "còn 3 năm công tác")]
    [InlineData("Later", "2028-09-01", "2023-08-01", "2023-09-01", CheckStatus.Passed, "còn 5 năm công tác")]
    [InlineData("Later", "2028-09-01", "2023-09-01", "2023-09-01", CheckStatus.Passed, "còn 5 năm công tác")]   // decided that day: in force
    [InlineData("Later", "2028-09-01", "2023-09-02", "2023-09-01", CheckStatus.Failed, "còn 3 năm công tác")]   // decided after: not yet
    [InlineData("Later", "2028-08-01", "2023-08-01", "2023-09-01", CheckStatus.Failed, "còn 4 năm 11 tháng công tác")]
    [InlineData("Earlier", "2025-09-01", "2021-01-01", "2021-09-01", CheckStatus.Failed, "còn 4 năm công tác")]
    [InlineData(null, null, null, "2021-09-01", CheckStatus.Passed, "còn 5 năm công tác")]
    public void Months_left_count_to_the_decided_retirement_in_force_on_the_reference_date(string? kind, string? pensionFrom, string? decided,
        string on, CheckStatus expected, string left)
    {
        var decision = kind is null ? null : Decided(kind, pensionFrom!, decided!);

        var report = Eligibility.Check(new EligibilityCandidate("Nguyễn Văn An", Gender.Male, D("1965-02-10"), false, PoliticalTheoryLevel.Advanced),
            Post(false), new EligibilityHistory(false, false), D(on), ReferenceData.Rules, decision);

        Assert.Equal(expected, report.Checks[1].Status);
        Assert.Contains(left, report.Checks[1].Explanation);
        var used = decision is not null && decision.DecisionDate <= D(on);
        Assert.Equal(used, report.Checks[1].Explanation.Contains("theo quyết định nghỉ hưu"));
        Assert.Equal(used ? D(pensionFrom!) : D("2026-09-01"), report.Retirement!.PensionFrom);
    }

    [Fact]
    public void A_later_retirement_keeps_a_person_past_the_computed_date_at_work_and_says_by_which_decision()
    {
        var report = Eligibility.Check(new EligibilityCandidate("Nguyễn Văn An", Gender.Male, D("1965-02-10"), false, PoliticalTheoryLevel.Advanced),
            Post(false), new EligibilityHistory(true, false), D("2026-10-01"), ReferenceData.Rules, Decided("Later", "2028-09-01", "2026-06-15"));

        var retirement = report.Checks[0];
        Assert.Equal(CheckStatus.Passed, retirement.Status);
        Assert.Equal("Chưa đến tuổi nghỉ hưu: tại ngày 01/10/2026 còn 1 năm 11 tháng công tác (nghỉ hưu từ ngày 01/09/2028 theo quyết định nghỉ hưu ở tuổi "
            + "cao hơn số 12-QĐ/TU ngày 15/06/2026; theo tuổi: đủ tuổi nghỉ hưu 61 tuổi 6 tháng vào tháng 08/2026, nghỉ hưu từ ngày 01/09/2026).", retirement.Explanation);
    }
}
