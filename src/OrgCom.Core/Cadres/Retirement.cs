using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Cadres;

/// <summary>
/// When a person retires (domain.md §4, Decree 135/2020/NĐ-CP): the retirement age is the one the roadmap sets for the
/// calendar year in which the person reaches it; the retirement moment is the end of the last day of the month in
/// which that age is reached, and the pension runs from the first day of the next month.
/// </summary>
/// <param name="BirthDate">The date ages count from: 1 January when only the year of birth is known.</param>
/// <param name="AgeMonths">The retirement age that applies, in months (738 is 61 years 6 months).</param>
/// <param name="ReachesAgeOn">The day the person completes that age.</param>
/// <param name="RetiresOn">The last day of that month: the person works until the end of this day.</param>
/// <param name="PensionFrom">The first day of the next month.</param>
public sealed record RetirementSchedule(
    Gender Gender, DateOnly BirthDate, bool BirthYearOnly, int AgeMonths, DateOnly ReachesAgeOn, DateOnly RetiresOn,
    DateOnly PensionFrom, RuleCitation Citation)
{
    /// <summary>When a decision set another date (<see cref="RetirementDecisions.Apply"/>): the date the age table gives.</summary>
    public DateOnly? ComputedPensionFrom { get; init; }

    /// <summary>"theo quyết định số … ngày …" when a decision set the date.</summary>
    public string? DecisionText { get; init; }

    /// <summary>"61 tuổi 6 tháng".</summary>
    public string AgeText => Age.Describe(AgeMonths);

    /// <summary>Full months of working age left from <paramref name="date"/> to the retirement moment (0 once retired):
    /// from 01/09/2021 to a retirement at the end of 31/08/2026 are 60 months.</summary>
    public int MonthsLeftAt(DateOnly date) => date >= PensionFrom ? 0 : Months.Completed(date, PensionFrom);

    /// <summary>"nghỉ hưu từ ngày 01/09/2026 (đủ 61 tuổi 6 tháng vào tháng 08/2026)".</summary>
    public string Describe() =>
        $"đủ tuổi nghỉ hưu {AgeText} vào tháng {RetiresOn:MM/yyyy}, nghỉ hưu từ ngày {DateText.Format(PensionFrom)}"
        + (BirthYearOnly ? $" (chỉ biết năm sinh nên tính từ ngày 01/01/{BirthDate.Year})" : "");
}

public static class Retirement
{
    public static string KeyFor(Gender gender) =>
        gender == Gender.Male ? RuleKey.RetirementAgeMonthsMale : RuleKey.RetirementAgeMonthsFemale;

    /// <summary>
    /// The retirement of a person. For each calendar year Y the roadmap in force on 1 January of Y gives the age A(Y);
    /// the person retires at the first Y in which they reach A(Y). As A grows by less than 12 months a year, such a
    /// year exists unless the rule data does not reach back to it (then an error says so).
    /// </summary>
    public static Result<RetirementSchedule> For(Gender gender, DateOnly birthDate, bool birthYearOnly, RuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var birth = Age.EffectiveBirthDate(birthDate, birthYearOnly);
        var key = KeyFor(gender);
        for (var year = birth.Year + 40; year <= birth.Year + 80; year++)
        {
            if (!rules.TryGet(key, new DateOnly(year, 1, 1), out var version))
                continue;
            var age = version.YearTableValue(year);
            var reaches = birth.AddMonths(age);
            if (reaches.Year != year)
                continue;
            var retires = new DateOnly(reaches.Year, reaches.Month, DateTime.DaysInMonth(reaches.Year, reaches.Month));
            return new RetirementSchedule(gender, birth, birthYearOnly, age, reaches, retires, retires.AddDays(1), version.Citation);
        }
        return new Error("retirement.no_rule",
            $"Không xác định được tuổi nghỉ hưu của người sinh năm {birth.Year}: dữ liệu quy định \"{key}\" không có lộ trình cho những năm người này đủ tuổi nghỉ hưu.");
    }
}
