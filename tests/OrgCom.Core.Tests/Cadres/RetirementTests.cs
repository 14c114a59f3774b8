using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class RetirementTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RetirementSchedule For(Gender gender, string birth, bool yearOnly = false)
    {
        var result = Retirement.For(gender, D(birth), yearOnly, ReferenceData.Rules);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    /// <summary>Every year of the roadmap for both genders (each person reaches the year's age in May of that year and
    /// not the previous year's age in the previous year), the years before and after it, month ends and year-only births.</summary>
    [Theory]
    // Men: 60y3m in 2021, +3 months a year, 62 from 2028.
    [InlineData("Male", "1960-03-10", false, 720, "2020-03-31")]   // before the roadmap: 60 years
    [InlineData("Male", "1960-12-15", false, 720, "2020-12-31")]   // last month under the old age
    [InlineData("Male", "1961-01-01", false, 723, "2021-04-30")]   // reaches 60 in 2021: the 2021 age applies
    [InlineData("Male", "1961-02-15", false, 723, "2021-05-31")]
    [InlineData("Male", "1961-11-10", false, 726, "2022-05-31")]
    [InlineData("Male", "1962-08-10", false, 729, "2023-05-31")]
    [InlineData("Male", "1963-05-10", false, 732, "2024-05-31")]
    [InlineData("Male", "1964-02-10", false, 735, "2025-05-31")]
    [InlineData("Male", "1964-11-10", false, 738, "2026-05-31")]
    [InlineData("Male", "1965-02-01", false, 738, "2026-08-31")]   // the worked example: born 02/1965 → 61y6m, end of 08/2026
    [InlineData("Male", "1965-02-28", false, 738, "2026-08-31")]
    [InlineData("Male", "1965-08-10", false, 741, "2027-05-31")]
    [InlineData("Male", "1966-05-10", false, 744, "2028-05-31")]
    [InlineData("Male", "1970-05-20", false, 744, "2032-05-31")]   // after the roadmap: 62 years
    [InlineData("Male", "1966-01-31", false, 741, "2027-10-31")]   // born on a month end: reaches the age on the month's last day
    [InlineData("Male", "1965-06-15", true, 738, "2026-07-31")]    // year only: born 01/01/1965
    [InlineData("Male", "1961-09-09", true, 723, "2021-04-30")]    // year only: born 01/01/1961
    // Women: 55y4m in 2021, +4 months a year, 60 from 2035.
    [InlineData("Female", "1964-06-15", false, 660, "2019-06-30")] // before the roadmap: 55 years
    [InlineData("Female", "1966-01-10", false, 664, "2021-05-31")]
    [InlineData("Female", "1966-09-10", false, 668, "2022-05-31")]
    [InlineData("Female", "1967-05-10", false, 672, "2023-05-31")]
    [InlineData("Female", "1968-01-10", false, 676, "2024-05-31")]
    [InlineData("Female", "1968-09-10", false, 680, "2025-05-31")]
    [InlineData("Female", "1969-05-10", false, 684, "2026-05-31")]
    [InlineData("Female", "1970-01-10", false, 688, "2027-05-31")]
    [InlineData("Female", "1970-09-10", false, 692, "2028-05-31")]
    [InlineData("Female", "1971-05-10", false, 696, "2029-05-31")]
    [InlineData("Female", "1972-01-10", false, 700, "2030-05-31")]
    [InlineData("Female", "1972-09-10", false, 704, "2031-05-31")]
    [InlineData("Female", "1973-05-10", false, 708, "2032-05-31")]
    [InlineData("Female", "1974-01-10", false, 712, "2033-05-31")]
    [InlineData("Female", "1974-09-10", false, 716, "2034-05-31")]
    [InlineData("Female", "1975-05-10", false, 720, "2035-05-31")]
    [InlineData("Female", "1980-07-01", false, 720, "2040-07-31")] // after the roadmap: 60 years
    [InlineData("Female", "1972-02-29", false, 700, "2030-06-30")] // leap day: reaches 58y4m on 29/06/2030
    [InlineData("Female", "1970-12-31", false, 692, "2028-08-31")] // month end
    [InlineData("Female", "1970-08-20", true, 688, "2027-05-31")]  // year only: born 01/01/1970
    public void The_age_of_the_year_it_is_reached_and_the_end_of_that_month(
        string gender, string birth, bool yearOnly, int ageMonths, string retiresOn)
    {
        var schedule = For(Enum.Parse<Gender>(gender), birth, yearOnly);

        Assert.Equal(ageMonths, schedule.AgeMonths);
        Assert.Equal(D(retiresOn), schedule.RetiresOn);
        Assert.Equal(D(retiresOn).AddDays(1), schedule.PensionFrom);
        Assert.Equal(1, schedule.PensionFrom.Day);
        Assert.Equal(schedule.RetiresOn.Month, schedule.ReachesAgeOn.Month);
        Assert.Equal(Retirement.KeyFor(Enum.Parse<Gender>(gender)), schedule.Citation.Key);
    }

    [Fact]
    public void The_worked_example_reads_as_the_decree_puts_it()
    {
        var schedule = For(Gender.Male, "1965-02-10");

        Assert.Equal("61 tuổi 6 tháng", schedule.AgeText);
        Assert.Contains("tháng 08/2026", schedule.Describe());
        Assert.Contains("01/09/2026", schedule.Describe());
        Assert.Contains("Nghị định 135/2020/NĐ-CP", schedule.Citation.ToString());
    }

    [Fact]
    public void A_year_only_birth_says_so()
    {
        Assert.Contains("01/01/1965", For(Gender.Male, "1965-01-01", yearOnly: true).Describe());
    }

    [Theory]
    [InlineData("2021-09-01", 60)]
    [InlineData("2021-09-02", 59)]
    [InlineData("2021-08-31", 60)]
    [InlineData("2026-08-31", 0)]
    [InlineData("2026-08-01", 1)]
    [InlineData("2026-09-01", 0)]
    [InlineData("2030-01-01", 0)]
    public void Months_left_count_to_the_end_of_the_retirement_month(string at, int months)
    {
        Assert.Equal(months, For(Gender.Male, "1965-02-10").MonthsLeftAt(D(at)));
    }

    [Fact]
    public void A_birth_the_rule_data_does_not_reach_is_an_error_not_a_guess()
    {
        var result = Retirement.For(Gender.Male, D("1920-05-05"), false, ReferenceData.Rules);

        Assert.False(result.IsSuccess);
        Assert.Contains("1920", result.Error!.Message);
    }

    [Fact]
    public void The_roadmap_is_data_a_new_version_changes_the_result()
    {
        var changed = new RuleBook(ReferenceData.Rules.Values.Where(v => v.Key != RuleKey.RetirementAgeMonthsMale)
            .Append(new RuleValue(RuleKey.RetirementAgeMonthsMale, "2021:720", new DateOnly(1990, 1, 1), null, "thử", "", false)));

        var result = Retirement.For(Gender.Male, D("1965-02-10"), false, changed);

        Assert.Equal(720, result.Value!.AgeMonths);
        Assert.Equal(D("2025-02-28"), result.Value.RetiresOn);
    }

    [Theory]
    [InlineData("2021:723,2022:726", true)]
    [InlineData("2022:726,2021:723", false)]
    [InlineData("2021:0", false)]
    [InlineData("2021-723", false)]
    [InlineData("", false)]
    public void A_year_table_is_read_or_refused(string text, bool ok)
    {
        var result = RuleValueText.Normalize(RuleKey.RetirementAgeMonthsMale, text);
        Assert.Equal(ok, result.IsSuccess);
        if (!ok && text.Length > 0)
            Assert.Contains("năm:giá trị", result.Error!.Message);
    }

    [Theory]
    [InlineData(RuleKey.AppointmentTermMonths, "60")]
    [InlineData(RuleKey.ReappointmentNoticeWorkingDays, "90")]
    [InlineData(RuleKey.ReappointmentToRetirementMinMonths, "24")]
    [InlineData(RuleKey.FirstAppointmentMinMonthsLeft, "60")]
    [InlineData(RuleKey.CommitteeFirstTimeMinMonthsLeft, "60")]
    [InlineData(RuleKey.CommitteeReelectionMinMonthsLeft, "48")]
    [InlineData(RuleKey.PlanningMaxCadresPerPosition, "3")]
    [InlineData(RuleKey.PlanningMaxPositionsPerCadreSameLevel, "3")]
    [InlineData(RuleKey.RetirementAgeMonthsMale, "2021:723,2022:726,2023:729,2024:732,2025:735,2026:738,2027:741,2028:744")]
    [InlineData(RuleKey.RetirementAgeMonthsFemale, "2021:664,2022:668,2023:672,2024:676,2025:680,2026:684,2027:688,2028:692,2029:696,2030:700,2031:704,2032:708,2033:712,2034:716,2035:720")]
    public void The_shipped_cadre_rules_in_force_today(string key, string value)
    {
        Assert.Equal(value, ReferenceData.Rules.Get(key, new DateOnly(2026, 11, 21)).Value);
    }
}
