using OrgCom.Core.Common;

namespace OrgCom.Core.Members.Rules;

/// <summary>
/// A period without party activity (expelled, removed, left, lost contact, …), from <see cref="From"/> inclusive to
/// <see cref="To"/> exclusive: the day the member returns (e.g. readmission) counts again.
/// </summary>
public readonly record struct InactivityGap(DateOnly From, DateOnly To);

/// <param name="TotalDays">Days of party activity: from the admission date to the date, minus the gaps.</param>
public sealed record PartyAgeValue(int Years, int Months, int Days, int TotalDays)
{
    /// <summary>"30 năm 2 tháng 5 ngày".</summary>
    public override string ToString() => $"{Years} năm {Months} tháng {Days} ngày";
}

/// <summary>
/// Party age (tuổi Đảng): from the date of the admission decision, minus periods without party activity. A readmitted
/// member counts from the first admission, with the time between leaving and readmission as one of the gaps.
/// <para>
/// The gaps are merged (overlapping or touching ones become one), clipped to the counted range, and their days are
/// added to the admission date: the result is the date party age effectively counts from. Years, months and days are
/// then counted from that date as for ages (<see cref="Age"/>): a month ends on the same day of the next month, or on
/// its last day when that month is shorter.
/// </para>
/// </summary>
public static class PartyAge
{
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the admission date, or a gap ends before it starts.</exception>
    public static PartyAgeValue At(DateOnly admittedOn, IEnumerable<InactivityGap> gaps, DateOnly at)
    {
        if (at < admittedOn)
            throw new ArgumentException(
                $"Ngày tính tuổi đảng {DateText.Format(at)} trước ngày vào Đảng {DateText.Format(admittedOn)}.", nameof(at));
        var start = EffectiveStart(admittedOn, Merge(gaps), at);
        var months = Months.Completed(start, at);
        return new PartyAgeValue(
            months / 12, months % 12, at.DayNumber - start.AddMonths(months).DayNumber, at.DayNumber - start.DayNumber);
    }

    /// <summary>
    /// The day the member completes <paramref name="years"/> years of party age: the earliest date D such that D is
    /// <paramref name="years"/> years after the admission date moved later by the gap days before D. A gap spanning
    /// the plain anniversary therefore delays it by the gap's length.
    /// </summary>
    public static DateOnly ReachesYears(DateOnly admittedOn, IEnumerable<InactivityGap> gaps, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        var merged = Merge(gaps);
        var reached = admittedOn.AddMonths(12 * years);
        // Moving the date later can only bring more gap days before it, so this climbs to the least fixed point.
        while (true)
        {
            var next = EffectiveStart(admittedOn, merged, reached).AddMonths(12 * years);
            if (next <= reached)
                return reached;
            reached = next;
        }
    }

    /// <summary>The gaps sorted, empty ones dropped, overlapping or touching ones merged.</summary>
    /// <exception cref="ArgumentException">A gap ends before it starts.</exception>
    public static IReadOnlyList<InactivityGap> Merge(IEnumerable<InactivityGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var merged = new List<InactivityGap>();
        foreach (var gap in gaps.OrderBy(g => g.From))
        {
            if (gap.To < gap.From)
                throw new ArgumentException(
                    $"Thời gian không sinh hoạt đảng từ {DateText.Format(gap.From)} đến {DateText.Format(gap.To)}: ngày kết thúc trước ngày bắt đầu.",
                    nameof(gaps));
            if (gap.To == gap.From)
                continue;
            if (merged.Count > 0 && gap.From <= merged[^1].To)
            {
                if (gap.To > merged[^1].To)
                    merged[^1] = merged[^1] with { To = gap.To };
            }
            else
                merged.Add(gap);
        }
        return merged;
    }

    private static DateOnly EffectiveStart(DateOnly admittedOn, IReadOnlyList<InactivityGap> merged, DateOnly until)
    {
        var gapDays = 0;
        foreach (var gap in merged)
        {
            var from = gap.From > admittedOn ? gap.From : admittedOn;
            var to = gap.To < until ? gap.To : until;
            if (to > from)
                gapDays += to.DayNumber - from.DayNumber;
        }
        return admittedOn.AddDays(gapDays);
    }
}
