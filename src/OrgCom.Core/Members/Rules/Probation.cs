using OrgCom.Core.Calendar;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Members.Rules;

public enum ProbationStatus
{
    /// <summary>Probation has not ended yet.</summary>
    NotDue,
    /// <summary>Probation has ended and the cell is within its time to propose recognition.</summary>
    Due,
    /// <summary>The time to propose recognition has passed.</summary>
    Overdue,
}

/// <param name="EndsOn">
/// The day the probation months end: the ceremony date's day, that many months later (the month's last day when
/// shorter: 29/02/2024 → 28/02/2025; 31/01/2025 → 31/01/2026). Ceremony 15/03/2025 → 15/03/2026.
/// </param>
/// <param name="RecognitionDueBy">The last day for the cell to propose recognition: that many working days after <paramref name="EndsOn"/>.</param>
public sealed record ProbationSchedule(
    DateOnly CeremonyDate,
    int Months,
    DateOnly EndsOn,
    int RecognitionWorkingDays,
    DateOnly RecognitionDueBy,
    IReadOnlyList<RuleCitation> Citations)
{
    /// <summary>A member recognized as official is official from the day probation ends, even if approved late.</summary>
    public DateOnly OfficialOn => EndsOn;

    /// <summary>NotDue before <see cref="EndsOn"/>, Due from EndsOn to <see cref="RecognitionDueBy"/> inclusive, then Overdue.</summary>
    public ProbationStatus StatusAt(DateOnly date) =>
        date < EndsOn ? ProbationStatus.NotDue
        : date <= RecognitionDueBy ? ProbationStatus.Due
        : ProbationStatus.Overdue;

    public string Describe() =>
        $"Hết {Months} tháng dự bị vào ngày {DateText.Format(EndsOn)}; nếu được công nhận, là đảng viên chính thức "
        + $"từ ngày {DateText.Format(OfficialOn)}. Chi bộ phải xét, đề nghị công nhận chính thức chậm nhất ngày "
        + $"{DateText.Format(RecognitionDueBy)} ({RecognitionWorkingDays} ngày làm việc).";
}

/// <summary>
/// Probation counted from the ceremony date. The length is the rule in force on the ceremony date; the recognition
/// time limit is the rule in force on the day probation ends.
/// </summary>
public static class Probation
{
    /// <exception cref="RuleConfigurationException">A rule is missing for the date.</exception>
    /// <exception cref="CalendarDataMissingException">The working days reach a year without holiday data.</exception>
    public static ProbationSchedule For(DateOnly ceremonyDate, RuleBook rules, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        var length = rules.Get(RuleKey.ProbationMonths, ceremonyDate);
        var months = length.AsInt();
        var endsOn = ceremonyDate.AddMonths(months);
        var due = rules.Get(RuleKey.ProbationRecognitionDueWorkingDays, endsOn);
        var workingDays = due.AsInt();
        return new ProbationSchedule(
            ceremonyDate, months, endsOn, workingDays, calendar.AddWorkingDays(endsOn, workingDays),
            [length.Citation, due.Citation]);
    }
}
