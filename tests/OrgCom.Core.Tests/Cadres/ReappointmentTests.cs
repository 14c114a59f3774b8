using OrgCom.Core.Calendar;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class ReappointmentTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RetirementSchedule Retires(Gender gender, string birth) =>
        Retirement.For(gender, D(birth), false, ReferenceData.Rules).Value!;

    [Theory]
    [InlineData("2021-03-15", "2026-03-14")]
    [InlineData("2024-02-29", "2029-02-28")]   // no 29/02 in 2029: the term ends on the month's last day
    [InlineData("2026-01-31", "2031-01-30")]
    [InlineData("2025-01-01", "2029-12-31")]
    public void A_term_is_five_years_ending_the_day_before_the_anniversary(string start, string end)
    {
        Assert.Equal(D(end), Reappointment.TermEnd(D(start), ReferenceData.Rules));
    }

    /// <summary>Expected dates counted independently from public-holidays.csv (2026: Tết, 30/4–1/5, the Quốc khánh swap
    /// with Saturday 22/08 worked).</summary>
    [Theory]
    [InlineData("2026-12-31", "2026-08-22")]   // lands on the Saturday worked by swap
    [InlineData("2026-09-30", "2026-05-25")]
    [InlineData("2027-03-14", "2026-10-29")]
    [InlineData("2026-05-31", "2026-01-14")]   // skips Tết and Giỗ Tổ
    public void The_notice_is_due_ninety_working_days_before_the_term_ends(string termEnd, string noticeBy)
    {
        var plan = Reappointment.For(D(termEnd), Retires(Gender.Male, "1975-01-01"), ReferenceData.Rules, ReferenceData.Calendar);

        Assert.Equal(D(noticeBy), plan.NoticeBy);
        var notice = plan.NoticeBy!.Value;
        Assert.True(ReferenceData.Calendar.IsWorkingDay(notice));
        Assert.Equal(90, ReferenceData.Calendar.WorkingDaysBetween(notice.AddDays(-1), D(termEnd).AddDays(-1)));
        Assert.Contains("90 ngày làm việc", plan.Explanation);
    }

    [Theory]
    [InlineData("2030-05-31", "2030-01-25", "2030-01-24")]   // 18 whole weeks without holidays
    [InlineData("2030-06-03", "2030-01-28", "2030-01-25")]   // a Monday: the day before the 90th is a Friday
    [InlineData("2030-06-01", "2030-01-28", "2030-01-25")]   // a Saturday: Friday 31/05 is the first, as for the Monday
    public void Counting_back_skips_weekends_and_holidays(string termEnd, string noticeBy, string noticeByWithHoliday)
    {
        var calendar = new WorkingCalendar([new PublicHoliday(D("2030-01-01"), "Tết Dương lịch", PublicHolidayKind.Holiday, "thử")]);
        var withHoliday = new WorkingCalendar([
            new PublicHoliday(D("2030-01-01"), "Tết Dương lịch", PublicHolidayKind.Holiday, "thử"),
            new PublicHoliday(D("2030-04-30"), "Ngày Chiến thắng", PublicHolidayKind.Holiday, "thử")]);

        Assert.Equal(D(noticeBy), calendar.SubtractWorkingDays(D(termEnd), 90));
        Assert.Equal(D(noticeByWithHoliday), withHoliday.SubtractWorkingDays(D(termEnd), 90));
    }

    [Fact]
    public void Without_the_holiday_calendar_of_a_year_the_notice_date_is_not_guessed()
    {
        var plan = Reappointment.For(D("2029-06-30"), Retires(Gender.Male, "1975-01-01"), ReferenceData.Rules, ReferenceData.Calendar);

        Assert.Null(plan.NoticeBy);
        Assert.Contains("Chưa có lịch nghỉ lễ", plan.Explanation);
        Assert.Equal(ReappointmentOutcome.ReappointFullTerm, plan.Outcome);
    }

    /// <summary>A man born 10/02/1965 retires at the end of 31/08/2026; the months left count from the day after the term.</summary>
    [Theory]
    [InlineData("1975-01-01", "2026-12-31", ReappointmentOutcome.ReappointFullTerm, null, "2031-12-31")]
    [InlineData("1965-02-10", "2021-08-31", ReappointmentOutcome.ReappointFullTerm, 60, "2026-08-31")]     // exactly 5 years left
    [InlineData("1965-02-10", "2021-09-01", ReappointmentOutcome.ReappointToRetirement, 59, "2026-08-31")]
    [InlineData("1965-02-10", "2024-08-31", ReappointmentOutcome.ReappointToRetirement, 24, "2026-08-31")] // exactly 2 years
    [InlineData("1965-02-10", "2024-09-01", ReappointmentOutcome.ExtendToRetirement, 23, "2026-08-31")]
    [InlineData("1965-02-10", "2026-08-30", ReappointmentOutcome.ExtendToRetirement, 0, "2026-08-31")]
    [InlineData("1965-02-10", "2026-08-31", ReappointmentOutcome.RetiresDuringTerm, 0, null)]
    [InlineData("1965-02-10", "2027-03-14", ReappointmentOutcome.RetiresDuringTerm, 0, null)]
    public void The_outcome_follows_the_working_time_left_at_the_end_of_the_term(
        string birth, string termEnd, ReappointmentOutcome outcome, int? monthsLeft, string? newEnd)
    {
        var plan = Reappointment.For(D(termEnd), Retires(Gender.Male, birth), ReferenceData.Rules, ReferenceData.Calendar);

        Assert.Equal(outcome, plan.Outcome);
        if (monthsLeft is { } m)
            Assert.Equal(m, plan.MonthsLeftAtTermEnd);
        Assert.Equal(newEnd is null ? null : D(newEnd), plan.NewTermEndsOn);
        Assert.NotEmpty(plan.Citations);
        Assert.NotEmpty(plan.OutcomeText);
    }

    /// <summary>The rule data with a 4-year term and a 3-year "to retirement" threshold, to show the wording follows it.</summary>
    private static readonly Lazy<OrgCom.Core.Rules.RuleBook> ShorterTerm = new(() => OrgCom.Core.Rules.RuleBookJson.Parse(
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(ReferenceData.Read("rules.json"),
                "(\"key\": \"appointment.term_months\",\\s*\"value\": )\"60\"", "$1\"48\""),
            "(\"key\": \"appointment.reappointment_to_retirement_min_months\",\\s*\"value\": )\"24\"", "$1\"30\"")));

    [Theory]
    // born, term end: the outcome's text and the explanation follow the rule's term, not a fixed 5 years
    [InlineData("1975-01-01", "2026-12-31", "Bổ nhiệm lại 4 năm", "Còn đủ 4 năm trở lên: xem xét bổ nhiệm lại thời hạn 4 năm.")]
    [InlineData("1965-02-10", "2023-08-31", "Bổ nhiệm lại đến khi nghỉ hưu", "Còn từ 2 năm 6 tháng đến dưới 4 năm")]
    [InlineData("1965-02-10", "2024-08-31", "Kéo dài thời gian giữ chức vụ đến khi nghỉ hưu", "Còn dưới 2 năm 6 tháng")]
    public void The_wording_follows_the_terms_of_the_rule_data(string birth, string termEnd, string outcome, string explanation)
    {
        var plan = Reappointment.For(D(termEnd), Retirement.For(Gender.Male, D(birth), false, ShorterTerm.Value).Value!, ShorterTerm.Value, ReferenceData.Calendar);

        Assert.Equal(outcome, plan.OutcomeText);
        Assert.Contains(explanation, plan.Explanation);
        Assert.DoesNotContain("5 năm", plan.Explanation);
    }

    [Fact]
    public void With_the_rules_in_force_a_full_term_reads_five_years()
    {
        var plan = Reappointment.For(D("2026-12-31"), Retires(Gender.Male, "1975-01-01"), ReferenceData.Rules, ReferenceData.Calendar);

        Assert.Equal("Bổ nhiệm lại 5 năm", plan.OutcomeText);
    }
}
