using OrgCom.Core.Cadres;
using OrgCom.Core.Calendar;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class RetirementDecisionTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Member Cadre(MemberStatus status = MemberStatus.Official)
    {
        var member = Member.Import(1, new Identity("Nguyễn Văn An", null, Gender.Male, new DateOnly(1980, 1, 1), false, null, null, null,
            null, "Kinh", null, null), MemberStatus.Official, new DateOnly(2000, 1, 1), new DateOnly(2000, 2, 1), new DateOnly(2001, 2, 1), null, "(kiểm thử)");
        typeof(Member).GetProperty(nameof(Member.Status))!.SetValue(member, status);
        return member;
    }

    // Born 01/01/1980, a man: 62 years in January 2042, retires from 01/02/2042.
    private static RetirementSchedule Computed() => Retirement.For(Gender.Male, new DateOnly(1980, 1, 1), false, ReferenceData.Rules).Value!;

    [Fact]
    public void The_computed_date_of_the_example()
    {
        Assert.Equal(D("2042-02-01"), Computed().PensionFrom);
    }

    [Theory]
    // kind, pension from, number, decision date, reason, holds a post, expected error
    [InlineData("Later", "2044-02-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, null)]
    [InlineData("Later", "2047-02-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, null)]            // exactly 5 years later
    [InlineData("Later", "2047-03-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, "retirement_decision.limit")]
    [InlineData("Later", "2042-02-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, "retirement_decision.later.not_later")]
    [InlineData("Later", "2040-02-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, "retirement_decision.later.not_later")]
    [InlineData("Earlier", "2040-02-01", "12-QĐ/TU", "2026-11-01", "Theo nguyện vọng", true, null)]
    [InlineData("Earlier", "2037-02-01", "12-QĐ/TU", "2026-11-01", "Theo nguyện vọng", true, null)]          // exactly 5 years earlier
    [InlineData("Earlier", "2037-01-01", "12-QĐ/TU", "2026-11-01", "Theo nguyện vọng", true, "retirement_decision.limit")]
    [InlineData("Earlier", "2042-02-01", "12-QĐ/TU", "2026-11-01", "Theo nguyện vọng", true, "retirement_decision.earlier.not_earlier")]
    [InlineData("Earlier", "2043-02-01", "12-QĐ/TU", "2026-11-01", "Theo nguyện vọng", true, "retirement_decision.earlier.not_earlier")]
    [InlineData("Later", "2044-02-15", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, "retirement_decision.first_of_month")]
    [InlineData(null, "2044-02-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", true, "retirement_decision.kind")]
    [InlineData("Later", "2044-02-01", "12-QĐ/TU", "2026-11-22", "Có học vị tiến sĩ", true, "appointment.decision.future")]
    [InlineData("Later", "2044-02-01", "12-QĐ/TU", "2026-11-21", "Có học vị tiến sĩ", true, null)]          // decided today
    [InlineData("Later", "2044-02-01", "12/TU", "2026-11-01", "Có học vị tiến sĩ", true, "document.number")]
    [InlineData("Later", "2044-02-01", "12-QĐ/TU", "2026-11-01", "  ", true, "retirement_decision.reason")]
    [InlineData("Later", "2044-02-01", "12-QĐ/TU", "2026-11-01", "Có học vị tiến sĩ", false, "retirement_decision.not_cadre")]
    public void A_decided_date_is_checked_against_the_rule(string? kind, string pensionFrom, string number, string decided, string reason,
        bool holdsPost, string? expected)
    {
        var result = RetirementDecision.Create(Cadre(), holdsPost, Computed(), kind is null ? null : Enum.Parse<RetirementDecisionKind>(kind),
            D(pensionFrom), number, D(decided), reason, ReferenceData.Rules, Today);
        if (expected is null)
        {
            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.Equal(D(pensionFrom), result.Value!.PensionFrom);
            Assert.Equal(D("2042-02-01"), result.Value.ComputedPensionFrom);
        }
        else
        {
            Assert.False(result.IsSuccess);
            Assert.StartsWith(expected, result.Error!.Code);
        }
    }

    [Fact]
    public void The_limit_refusal_cites_the_rule_and_the_last_allowed_day()
    {
        var result = RetirementDecision.Create(Cadre(), true, Computed(), RetirementDecisionKind.Later, D("2048-01-01"), "12-QĐ/TU",
            D("2026-11-01"), "Có học vị tiến sĩ", ReferenceData.Rules, Today);
        Assert.Contains("tối đa 5 năm", result.Error!.Message);
        Assert.Contains("01/02/2047", result.Error.Message);
        Assert.Contains("Điều 169", result.Error.Message);
    }

    [Fact]
    public void A_member_who_left_cannot_be_given_a_decision()
    {
        var result = RetirementDecision.Create(Cadre(MemberStatus.Deceased), true, Computed(), RetirementDecisionKind.Later, D("2044-02-01"),
            "12-QĐ/TU", D("2026-11-01"), "Có học vị tiến sĩ", ReferenceData.Rules, Today);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void A_refused_revision_changes_nothing_and_an_accepted_one_replaces_the_decision()
    {
        var decision = RetirementDecision.Create(Cadre(), true, Computed(), RetirementDecisionKind.Later, D("2044-02-01"), "12-QĐ/TU",
            D("2026-11-01"), "Có học vị tiến sĩ", ReferenceData.Rules, Today).Value!;
        Assert.False(decision.Revise(Cadre(), true, Computed(), RetirementDecisionKind.Earlier, D("2044-02-01"), "13-QĐ/TU", D("2026-11-02"),
            "Theo nguyện vọng", ReferenceData.Rules, Today).IsSuccess);
        Assert.Equal((RetirementDecisionKind.Later, D("2044-02-01"), "12-QĐ/TU"), (decision.Kind, decision.PensionFrom, decision.DecisionNumber));
        Assert.True(decision.Revise(Cadre(), true, Computed(), RetirementDecisionKind.Earlier, D("2041-02-01"), "13-QĐ/TU", D("2026-11-02"),
            "Theo nguyện vọng", ReferenceData.Rules, Today).IsSuccess);
        Assert.Equal((RetirementDecisionKind.Earlier, D("2041-02-01"), "13-QĐ/TU"), (decision.Kind, decision.PensionFrom, decision.DecisionNumber));
        Assert.Equal("theo quyết định số 13-QĐ/TU ngày 02/11/2026", decision.DecisionText);
    }

    [Fact]
    public void The_decided_date_replaces_the_computed_one_in_the_schedule_and_the_reappointment()
    {
        // A term ending 31/12/2038: by age 37 months are left (reappoint to retirement); a later retirement from 01/02/2045
        // leaves 73 months, a full term.
        var computedPlan = Reappointment.For(D("2038-12-31"), Computed(), ReferenceData.Rules, ReferenceData.Calendar);
        Assert.Equal(ReappointmentOutcome.ReappointToRetirement, computedPlan.Outcome);
        var decision = RetirementDecision.Create(Cadre(), true, Computed(), RetirementDecisionKind.Later, D("2045-02-01"), "12-QĐ/TU",
            D("2026-11-01"), "Có học vị tiến sĩ", ReferenceData.Rules, Today);
        Assert.True(decision.IsSuccess, decision.Error?.Message);
        var schedule = Computed().Apply(decision.Value!);
        Assert.Equal((D("2045-01-31"), D("2045-02-01"), (DateOnly?)D("2042-02-01")), (schedule.RetiresOn, schedule.PensionFrom, schedule.ComputedPensionFrom));
        var plan = Reappointment.For(D("2038-12-31"), schedule, ReferenceData.Rules, ReferenceData.Calendar);
        Assert.Equal(ReappointmentOutcome.ReappointFullTerm, plan.Outcome);
        Assert.Contains("theo quyết định số 12-QĐ/TU", plan.Explanation);
    }
}
