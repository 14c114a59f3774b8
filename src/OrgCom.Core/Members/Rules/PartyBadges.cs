using OrgCom.Core.Common;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Members.Rules;

/// <param name="PreviousPresentationDate">The presentation day before <paramref name="PresentationDate"/>; the window is after it.</param>
/// <param name="MilestoneYears">The badge (30, 40, 45, …) the member is listed for at this presentation, or null.</param>
/// <param name="ReachedOn">The day the member reached that milestone of party age (or will, when listed early).</param>
public sealed record BadgeEligibility(
    DateOnly PresentationDate,
    DateOnly PreviousPresentationDate,
    int? MilestoneYears,
    DateOnly? ReachedOn,
    IReadOnlyList<RuleCitation> Citations)
{
    public bool IsEligible => MilestoneYears is not null;

    /// <summary>Set when the member is listed before reaching the milestone, for serious illness.</summary>
    public EarlyAward? Early { get; init; }

    public bool IsEarly => Early is not null;
}

/// <summary>Xét tặng sớm: a seriously ill member (since <paramref name="SeriouslyIllSince"/>) listed up to
/// <paramref name="MaxMonthsEarly"/> months before reaching the milestone, under the rule cited.</summary>
public sealed record EarlyAward(DateOnly SeriouslyIllSince, int MaxMonthsEarly, RuleCitation Citation);

/// <summary>
/// Huy hiệu Đảng. The rule implemented: at a presentation day P (one of the configured days, 3/2, 19/5, 2/9, 7/11),
/// a member is listed for milestone M when the day they complete M years of party age
/// (<see cref="PartyAge.ReachesYears"/>, gaps included) falls after the previous presentation day and on or before
/// P — the window (previous presentation day, P]. The windows follow one another without overlap, so each member
/// is listed exactly once per milestone, at the first presentation day on or after the day they reach it; a gap
/// that spans the milestone delays it, possibly to a later presentation. Milestones and presentation days are the
/// versions in force on P.
/// <para>
/// Early award for serious illness (xét tặng sớm): a member confirmed seriously ill on or before P who reaches their
/// next milestone after P but no more than N months after it — N from <c>badge.early_months_30_65</c> for the badges of
/// 30 to 65 years, <c>badge.early_months_70_90</c> for 70 to 90 years, in force on P — is listed at P for that
/// milestone, marked early. Such a member stays on the early list at each presentation until the regular one, since
/// the registry does not record badges awarded.
/// </para>
/// </summary>
public static class PartyBadges
{
    /// <param name="seriouslyIllSince">The day the member was confirmed seriously ill, if they are: allows an early listing.</param>
    public static Result<BadgeEligibility> At(
        DateOnly presentationDate, DateOnly admittedOn, IEnumerable<InactivityGap> gaps, RuleBook rules,
        DateOnly? seriouslyIllSince = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var daysRule = rules.Get(RuleKey.BadgePresentationDays, presentationDate);
        var days = daysRule.AsMonthDayList();
        if (!IsPresentationDay(presentationDate, days))
            return new Error("badge.presentation_date",
                $"Ngày {DateText.Format(presentationDate)} không phải ngày trao tặng Huy hiệu Đảng; Huy hiệu Đảng được trao vào các ngày "
                + $"{string.Join(", ", days.Select(d => $"{d.Day:00}/{d.Month:00}"))}. {daysRule.Citation}.");

        var milestonesRule = rules.Get(RuleKey.BadgeMilestonesYears, presentationDate);
        var previous = PreviousPresentationDay(presentationDate, days);
        var merged = PartyAge.Merge(gaps);
        var citations = new[] { milestonesRule.Citation, daysRule.Citation };
        foreach (var years in milestonesRule.AsIntList().Order())
        {
            var reached = PartyAge.ReachesYears(admittedOn, merged, years);
            if (reached > previous && reached <= presentationDate)
                return new BadgeEligibility(presentationDate, previous, years, reached, citations);
            if (reached > presentationDate)
            {
                // The next milestone: the only one that may be awarded early.
                if (seriouslyIllSince is { } ill && ill <= presentationDate
                    && EarlyAwardRule(years, presentationDate, rules) is { } early
                    && reached <= presentationDate.AddMonths(early.AsInt()))
                    return new BadgeEligibility(presentationDate, previous, years, reached, citations)
                    {
                        Early = new EarlyAward(ill, early.AsInt(), early.Citation),
                    };
                break;
            }
        }
        return new BadgeEligibility(presentationDate, previous, null, null, citations);
    }

    /// <summary>The rule limiting how early the badge of <paramref name="milestoneYears"/> years may be awarded for
    /// serious illness, in force on <paramref name="presentationDate"/>; null for a badge the rules give no early award.</summary>
    public static RuleValue? EarlyAwardRule(int milestoneYears, DateOnly presentationDate, RuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var key = milestoneYears switch
        {
            >= 30 and <= 65 => RuleKey.BadgeEarlyMonths30To65,
            >= 70 and <= 90 => RuleKey.BadgeEarlyMonths70To90,
            _ => null,
        };
        return key is null ? null : rules.Get(key, presentationDate);
    }

    /// <summary>The presentation day at which someone reaching a milestone on <paramref name="reachedOn"/> is listed: the first on or after it.</summary>
    public static DateOnly PresentationFor(DateOnly reachedOn, RuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        for (var day = reachedOn; day <= reachedOn.AddYears(1); day = day.AddDays(1))
            if (IsPresentationDay(day, rules.Get(RuleKey.BadgePresentationDays, day).AsMonthDayList()))
                return day;
        throw new RuleConfigurationException($"Quy định \"{RuleKey.BadgePresentationDays}\" không có ngày trao tặng nào trong một năm kể từ {DateText.Format(reachedOn)}.");
    }

    private static bool IsPresentationDay(DateOnly date, IReadOnlyList<(int Month, int Day)> days) =>
        days.Contains((date.Month, date.Day));

    private static DateOnly PreviousPresentationDay(DateOnly presentationDate, IReadOnlyList<(int Month, int Day)> days)
    {
        for (var day = presentationDate.AddDays(-1); day >= presentationDate.AddYears(-1); day = day.AddDays(-1))
            if (IsPresentationDay(day, days))
                return day;
        return presentationDate.AddYears(-1);
    }
}
