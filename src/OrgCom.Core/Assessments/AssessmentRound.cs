using OrgCom.Core.Common;
using OrgCom.Core.Organizations;
using OrgCom.Core.Text;

namespace OrgCom.Core.Assessments;

public enum RoundKind
{
    /// <summary>Hằng năm.</summary>
    Year,
    /// <summary>Hằng quý.</summary>
    Quarter,
    /// <summary>Cuối nhiệm kỳ.</summary>
    Term,
    /// <summary>Đột xuất.</summary>
    AdHoc,
}

/// <summary>
/// An assessment round (đợt kiểm điểm, đánh giá, xếp loại) opened by a commission for its subtree: the period assessed
/// and the schedule — members rated by <see cref="MembersDueOn"/>, the whole round closed by <see cref="ClosesOn"/>.
/// Each organization of the subtree then has its own <see cref="OrganizationAssessment"/> in the round.
/// </summary>
public sealed class AssessmentRound
{
    public const int MaxTitleLength = 200;

    private AssessmentRound()
    {
        Title = "";
    }

    public long Id { get; private set; }

    /// <summary>The organization whose commission opened the round: the round covers its subtree.</summary>
    public long OrganizationId { get; private set; }
    public RoundKind Kind { get; private set; }
    public int Year { get; private set; }

    /// <summary>The quarter (1–4) of a quarterly round; null otherwise.</summary>
    public int? Quarter { get; private set; }
    public string Title { get; private set; }

    /// <summary>The period assessed, inclusive: the rules in force on <see cref="PeriodTo"/> apply.</summary>
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }

    public DateOnly OpensOn { get; private set; }
    public DateOnly MembersDueOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    /// <summary>
    /// Rounds are opened by a party committee with an organization commission (or a commune's party-building board):
    /// the Centre, a province or central body, a committee directly under a province, a commune (or a pre-2025
    /// district). A grassroots committee, a sub-committee or a cell takes part in the round of the level above; letting
    /// it open its own year round would block that round for its subtree.
    /// </summary>
    public static bool MayBeOpenedBy(OrganizationKind kind) => kind is OrganizationKind.Centre or OrganizationKind.ProvincialCommittee
        or OrganizationKind.CentralBodyCommittee or OrganizationKind.ProvincialAffiliateCommittee or OrganizationKind.CommuneCommittee
        or OrganizationKind.DistrictCommittee;

    public static string KindName(RoundKind kind) => kind switch
    {
        RoundKind.Year => "Hằng năm",
        RoundKind.Quarter => "Hằng quý",
        RoundKind.Term => "Cuối nhiệm kỳ",
        RoundKind.AdHoc => "Đột xuất",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Opens a round. A year or quarter round assesses that calendar period; a term or ad hoc round names its period.
    /// The schedule must run in order: opening ≤ members due ≤ closing, and the round cannot close before the period ends.
    /// </summary>
    public static Result<AssessmentRound> Open(long organizationId, RoundKind kind, int year, int? quarter, string? title,
        DateOnly? periodFrom, DateOnly? periodTo, DateOnly opensOn, DateOnly membersDueOn, DateOnly closesOn)
    {
        if (year is < 2020 or > 2100)
            return AssessmentErrors.YearRange(year);
        DateOnly from, to;
        switch (kind)
        {
            case RoundKind.Year:
                from = new DateOnly(year, 1, 1);
                to = new DateOnly(year, 12, 31);
                quarter = null;
                break;
            case RoundKind.Quarter:
                if (quarter is not (>= 1 and <= 4))
                    return AssessmentErrors.QuarterRequired;
                from = new DateOnly(year, (quarter.Value - 1) * 3 + 1, 1);
                to = from.AddMonths(3).AddDays(-1);
                break;
            default:
                if (periodFrom is not { } f || periodTo is not { } t)
                    return AssessmentErrors.PeriodRequired;
                if (t < f)
                    return AssessmentErrors.PeriodOrder;
                (from, to) = (f, t);
                quarter = null;
                break;
        }
        var cleanTitle = VietnameseText.Normalize(title);
        if (cleanTitle.Length == 0)
            cleanTitle = DefaultTitle(kind, year, quarter);
        if (cleanTitle.Length > MaxTitleLength)
            return AssessmentErrors.TitleTooLong;
        if (membersDueOn < opensOn || closesOn < membersDueOn)
            return AssessmentErrors.ScheduleOrder;
        if (closesOn < to)
            return AssessmentErrors.ClosesBeforePeriodEnds(to);
        return new AssessmentRound
        {
            OrganizationId = organizationId, Kind = kind, Year = year, Quarter = quarter, Title = cleanTitle,
            PeriodFrom = from, PeriodTo = to, OpensOn = opensOn, MembersDueOn = membersDueOn, ClosesOn = closesOn,
        };
    }

    public static string DefaultTitle(RoundKind kind, int year, int? quarter) => kind switch
    {
        RoundKind.Year => $"Đánh giá, xếp loại chất lượng năm {year}",
        RoundKind.Quarter => $"Đánh giá, xếp loại chất lượng quý {quarter}/{year}",
        RoundKind.Term => $"Đánh giá, xếp loại chất lượng cuối nhiệm kỳ ({year})",
        _ => $"Đánh giá, xếp loại chất lượng đột xuất năm {year}",
    };
}
