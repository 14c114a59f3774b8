using OrgCom.Core.Common;

namespace OrgCom.Core.Members.Rules;

/// <summary>
/// Ages counted in completed months, as admission rules count them. Month n after a start date is complete on the
/// same day n months later; when that month is shorter, on its last day. So a person born on 31/01 completes a month
/// on 28/02 (29/02 in a leap year), and one born on 29/02 completes each year on 28/02 in a non-leap year — the day
/// the year's 12 months are over, not 01/03. A birth date known only by its year counts from 1 January.
/// </summary>
public static class Age
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the birth date.</exception>
    public static int InFullMonths(DateOnly birthDate, bool yearOnly, DateOnly at)
    {
        var birth = EffectiveBirthDate(birthDate, yearOnly);
        if (at < birth)
            throw new ArgumentOutOfRangeException(nameof(at), $"Ngày tính tuổi {DateText.Format(at)} trước ngày sinh {DateText.Format(birth)}.");
        return Months.Completed(birth, at);
    }

    /// <summary>The birth date ages count from: 1 January of the year when only the year is known.</summary>
    public static DateOnly EffectiveBirthDate(DateOnly birthDate, bool yearOnly) =>
        yearOnly ? new DateOnly(birthDate.Year, 1, 1) : birthDate;

    /// <summary>The day the person completes <paramref name="months"/> months of age.</summary>
    public static DateOnly ReachesMonths(DateOnly birthDate, bool yearOnly, int months) =>
        EffectiveBirthDate(birthDate, yearOnly).AddMonths(months);

    /// <summary>"25 tuổi 3 tháng".</summary>
    public static string Describe(int fullMonths) => $"{fullMonths / 12} tuổi {fullMonths % 12} tháng";

    /// <summary>"18 tuổi" for a whole number of years, otherwise as <see cref="Describe"/>.</summary>
    public static string DescribeLimit(int months) => months % 12 == 0 ? $"{months / 12} tuổi" : Describe(months);
}

internal static class Months
{
    /// <summary>Completed months from <paramref name="start"/> to <paramref name="end"/> (see <see cref="Age"/> for month ends).</summary>
    public static int Completed(DateOnly start, DateOnly end)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        // AddMonths clamps to the month's last day, so the candidate lands in end's month; at most one too many.
        return start.AddMonths(months) > end ? months - 1 : months;
    }
}
