using OrgCom.Core.Calendar;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Members;

public class ProbationTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ProbationSchedule For(string ceremony) =>
        Probation.For(D(ceremony), ReferenceData.Rules, ReferenceData.Calendar);

    [Theory]
    [InlineData("2025-03-15", "2026-03-15", "2026-04-24")]
    [InlineData("2024-02-29", "2025-02-28", "2025-04-14")]  // 29/02 + 12 months; Giỗ Tổ 07/04/2025 skipped
    [InlineData("2025-01-31", "2026-01-31", "2026-03-20")]  // month end; Tết 2026 skipped
    [InlineData("2025-02-02", "2026-02-02", "2026-03-23")]  // the whole Tết 2026 break inside the 30 working days
    [InlineData("2025-04-10", "2026-04-10", "2026-05-27")]  // Giỗ Tổ (Sunday + Monday in lieu), 30/4, 1/5
    [InlineData("2025-07-27", "2026-07-27", "2026-09-09")]  // Saturday 22/08 worked; 31/08–02/09 off
    [InlineData("2023-11-20", "2024-11-20", "2025-01-02")]  // into 2025: 01/01/2025
    public void Probation_ends_12_months_after_the_ceremony_and_recognition_is_due_30_working_days_later(
        string ceremony, string endsOn, string dueBy)
    {
        var schedule = For(ceremony);

        Assert.Equal(D(endsOn), schedule.EndsOn);
        Assert.Equal(D(endsOn), schedule.OfficialOn);
        Assert.Equal(D(dueBy), schedule.RecognitionDueBy);
        Assert.Equal(30, ReferenceData.Calendar.WorkingDaysBetween(schedule.EndsOn, schedule.RecognitionDueBy));
    }

    [Fact]
    public void The_30_working_days_skip_the_whole_Tet_break_of_2026()
    {
        var schedule = For("2025-02-02");

        // Without Tết the 30th working day after Monday 02/02/2026 would be Monday 16/03/2026.
        Assert.Equal(D("2026-03-23"), schedule.RecognitionDueBy);
        var skipped = ReferenceData.Calendar.HolidaysBetween(schedule.EndsOn, schedule.RecognitionDueBy);
        Assert.Equal(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
            skipped.Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-14", ProbationStatus.NotDue)]
    [InlineData("2025-03-15", ProbationStatus.NotDue)]
    [InlineData("2026-03-15", ProbationStatus.Due)]
    [InlineData("2026-04-01", ProbationStatus.Due)]
    [InlineData("2026-04-24", ProbationStatus.Due)]
    [InlineData("2026-04-25", ProbationStatus.Overdue)]
    [InlineData("2027-01-01", ProbationStatus.Overdue)]
    public void StatusAt_is_not_due_then_due_until_the_deadline_then_overdue(string date, ProbationStatus expected)
    {
        Assert.Equal(expected, For("2025-03-15").StatusAt(D(date)));
    }

    [Fact]
    public void Each_limit_is_cited_as_in_force_on_its_own_date()
    {
        // The ceremony was before 1 July 2025, the end of probation after.
        var schedule = For("2025-03-15");

        Assert.Equal(["probation.months", "probation.recognition_due_working_days"], schedule.Citations.Select(c => c.Key));
        Assert.Contains("Quy định 24-QĐ/TW", schedule.Citations[0].Source);
        Assert.Contains("Quy định 294-QĐ/TW", schedule.Citations[1].Source);
    }

    [Fact]
    public void Describe_gives_the_end_the_official_date_and_the_deadline()
    {
        Assert.Equal(
            "Hết 12 tháng dự bị vào ngày 15/03/2026; nếu được công nhận, là đảng viên chính thức từ ngày 15/03/2026. "
            + "Chi bộ phải xét, đề nghị công nhận chính thức chậm nhất ngày 24/04/2026 (30 ngày làm việc).",
            For("2025-03-15").Describe());
    }

    [Fact]
    public void A_deadline_in_a_year_without_holiday_data_is_refused()
    {
        var e = Assert.Throws<CalendarDataMissingException>(() => For("2026-12-15"));
        Assert.Equal(2028, e.Year);
    }

    [Fact]
    public void A_ceremony_date_without_a_rule_in_force_is_a_configuration_error()
    {
        var rules = new RuleBook([new RuleValue(RuleKey.ProbationMonths, "12", D("2025-07-01"), null, "S", "N", true)]);

        Assert.Throws<RuleConfigurationException>(() => Probation.For(D("2025-06-30"), rules, ReferenceData.Calendar));
    }

    [Fact]
    public void A_longer_probation_in_the_data_changes_the_end()
    {
        var rules = new RuleBook([
            new RuleValue(RuleKey.ProbationMonths, "18", D("2025-07-01"), null, "S", "N", true),
            new RuleValue(RuleKey.ProbationRecognitionDueWorkingDays, "10", D("2025-07-01"), null, "S", "N", true),
        ]);

        var schedule = Probation.For(D("2025-08-31"), rules, ReferenceData.Calendar);

        Assert.Equal(D("2027-02-28"), schedule.EndsOn);
        Assert.Equal(D("2027-03-12"), schedule.RecognitionDueBy);
    }
}
