using OrgCom.Core.Calendar;
using OrgCom.Core.Common;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Cadres;

/// <summary>What the rules allow when an appointed term ends (domain.md §4).</summary>
public enum ReappointmentOutcome
{
    /// <summary>A full term or more left before retirement: reappoint for a new term of the rule's length.</summary>
    ReappointFullTerm,
    /// <summary>From 2 to under 5 years left: reappoint until retirement.</summary>
    ReappointToRetirement,
    /// <summary>Under 2 years left: the post is extended until retirement.</summary>
    ExtendToRetirement,
    /// <summary>The cadre retires before the term ends: nothing to reappoint.</summary>
    RetiresDuringTerm,
}

/// <param name="TermEndsOn">The last day of the current term.</param>
/// <param name="NoticeBy">The latest day to notify the cadre and start the review; null while the holiday calendar does
/// not cover the years it falls in (the explanation says which year is missing).</param>
/// <param name="MonthsLeftAtTermEnd">Full months of working age left after the term ends.</param>
/// <param name="NewTermEndsOn">The last day of the new term or extension; null when the cadre retires during the term.</param>
/// <param name="TermMonths">The length of a term by the rule in force at the term's end.</param>
public sealed record ReappointmentPlan(
    DateOnly TermEndsOn, DateOnly? NoticeBy, ReappointmentOutcome Outcome, int MonthsLeftAtTermEnd, DateOnly? NewTermEndsOn,
    string Explanation, IReadOnlyList<RuleCitation> Citations, int TermMonths)
{
    /// <summary>"Bổ nhiệm lại 5 năm" with the rule's term, or the outcome's name.</summary>
    public string OutcomeText => Outcome == ReappointmentOutcome.ReappointFullTerm
        ? $"Bổ nhiệm lại {CadreText.Duration(TermMonths)}"
        : Reappointment.DisplayName(Outcome);
}

public static class Reappointment
{
    /// <summary>The last day of a term of the rule's length starting on <paramref name="start"/>: the day before the
    /// anniversary (15/03/2021 → 14/03/2026); a start on 29/02 whose anniversary year has no 29/02 ends on 28/02.</summary>
    public static DateOnly TermEnd(DateOnly start, RuleBook rules)
    {
        var anniversary = start.AddMonths(rules.Get(RuleKey.AppointmentTermMonths, start).AsInt());
        return anniversary.Day < start.Day ? anniversary : anniversary.AddDays(-1);
    }

    /// <summary>
    /// The notice date and the allowed outcome for a term ending on <paramref name="termEndsOn"/>. The notice is due by
    /// the n-th working day before the term's last day (that day itself not counted, as deadlines "within n working
    /// days" count); the months left are counted from the day after the term to the retirement moment.
    /// </summary>
    public static ReappointmentPlan For(DateOnly termEndsOn, RetirementSchedule retirement, RuleBook rules, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(retirement);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        var noticeRule = rules.Get(RuleKey.ReappointmentNoticeWorkingDays, termEndsOn);
        var termRule = rules.Get(RuleKey.AppointmentTermMonths, termEndsOn);
        var toRetirementRule = rules.Get(RuleKey.ReappointmentToRetirementMinMonths, termEndsOn);
        var noticeDays = noticeRule.AsInt();
        DateOnly? noticeBy;
        string notice;
        try
        {
            noticeBy = calendar.SubtractWorkingDays(termEndsOn, noticeDays);
            notice = $"Thông báo và xem xét bổ nhiệm lại chậm nhất ngày {DateText.Format(noticeBy)} "
                + $"({noticeDays} ngày làm việc trước ngày hết thời hạn {DateText.Format(termEndsOn)}). ";
        }
        catch (CalendarDataMissingException e)
        {
            noticeBy = null;
            notice = $"Chưa tính được hạn thông báo ({noticeDays} ngày làm việc trước ngày hết thời hạn {DateText.Format(termEndsOn)}): {e.Message} ";
        }
        var afterTerm = termEndsOn.AddDays(1);
        var monthsLeft = retirement.MonthsLeftAt(afterTerm);
        var term = termRule.AsInt();
        var minToRetirement = toRetirementRule.AsInt();
        var decided = retirement.DecisionText is { } d ? " " + d : "";
        var left = $"Khi hết thời hạn còn {CadreText.Duration(monthsLeft)} công tác (nghỉ hưu từ {DateText.Format(retirement.PensionFrom)}{decided}).";

        if (retirement.RetiresOn <= termEndsOn)
            return new(termEndsOn, noticeBy, ReappointmentOutcome.RetiresDuringTerm, 0, null,
                $"Nghỉ hưu từ ngày {DateText.Format(retirement.PensionFrom)}{decided}, trước khi hết thời hạn giữ chức vụ ({DateText.Format(termEndsOn)}): không xem xét bổ nhiệm lại.",
                [retirement.Citation], term);
        if (monthsLeft >= term)
            return new(termEndsOn, noticeBy, ReappointmentOutcome.ReappointFullTerm, monthsLeft,
                afterTerm.AddMonths(term).AddDays(-1),
                notice + left + $" Còn đủ {CadreText.Duration(term)} trở lên: xem xét bổ nhiệm lại thời hạn {CadreText.Duration(term)}.",
                [noticeRule.Citation, termRule.Citation, retirement.Citation], term);
        if (monthsLeft >= minToRetirement)
            return new(termEndsOn, noticeBy, ReappointmentOutcome.ReappointToRetirement, monthsLeft, retirement.RetiresOn,
                notice + left + $" Còn từ {CadreText.Duration(minToRetirement)} đến dưới {CadreText.Duration(term)}: xem xét bổ nhiệm lại đến thời điểm nghỉ hưu.",
                [noticeRule.Citation, toRetirementRule.Citation, retirement.Citation], term);
        return new(termEndsOn, noticeBy, ReappointmentOutcome.ExtendToRetirement, monthsLeft, retirement.RetiresOn,
            notice + left + $" Còn dưới {CadreText.Duration(minToRetirement)}: xem xét kéo dài thời gian giữ chức vụ đến thời điểm nghỉ hưu.",
            [noticeRule.Citation, toRetirementRule.Citation, retirement.Citation], term);
    }

    public static string DisplayName(ReappointmentOutcome outcome) => outcome switch
    {
        ReappointmentOutcome.ReappointFullTerm => "Bổ nhiệm lại đủ một thời hạn",
        ReappointmentOutcome.ReappointToRetirement => "Bổ nhiệm lại đến khi nghỉ hưu",
        ReappointmentOutcome.ExtendToRetirement => "Kéo dài thời gian giữ chức vụ đến khi nghỉ hưu",
        ReappointmentOutcome.RetiresDuringTerm => "Nghỉ hưu trước khi hết thời hạn",
        _ => outcome.ToString(),
    };
}
