using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;

namespace OrgCom.Web.Features.Reports;

/// <summary>The breakdowns of the report "members at a date". Each is a whitelisted SQL expression over a member
/// <c>m</c> at the date <c>@date</c> giving a category key; fixed categories keep their columns even when empty.</summary>
public enum MemberDimension
{
    Gender,
    AgeBand,
    Ethnicity,
    Religion,
    Education,
    PoliticalTheory,
    PartyAgeBand,
    Status,
}

public sealed record DimensionCategory(string Key, string Header);

/// <summary>The age and party-age bands in force at a report's date, from the rule data, with their sources.</summary>
public sealed record DimensionBands(IReadOnlyList<YearBand> Age, RuleCitation AgeSource, IReadOnlyList<YearBand> PartyAge, RuleCitation PartyAgeSource)
{
    /// <summary>The bands at <paramref name="date"/>, or null when the rule data has none then (the caller says so).</summary>
    public static DimensionBands? At(RuleBook rules, DateOnly date) =>
        rules.TryGet(RuleKey.ReportAgeBandsYears, date, out var age) && rules.TryGet(RuleKey.ReportPartyAgeBandsYears, date, out var party)
            ? new DimensionBands(StatisticsBands.Age(age.AsIntList()), age.Citation, StatisticsBands.PartyAge(party.AsIntList()), party.Citation)
            : null;

    public static string Missing(DateOnly date) =>
        $"Chưa có quy định về nhóm tuổi, nhóm tuổi đảng của biểu thống kê áp dụng tại ngày {Core.Common.DateText.Format(date)}: hãy bổ sung trong mục Quy định.";
}

public static class ReportDimensions
{
    public static string DisplayName(this MemberDimension d) => d switch
    {
        MemberDimension.Gender => "Giới tính",
        MemberDimension.AgeBand => "Độ tuổi",
        MemberDimension.Ethnicity => "Dân tộc",
        MemberDimension.Religion => "Tôn giáo",
        MemberDimension.Education => "Trình độ giáo dục phổ thông",
        MemberDimension.PoliticalTheory => "Trình độ lý luận chính trị",
        MemberDimension.PartyAgeBand => "Tuổi Đảng",
        MemberDimension.Status => "Loại đảng viên",
        _ => d.ToString(),
    };

    public static string Sql(this MemberDimension d, DimensionBands bands) => d switch
    {
        MemberDimension.Gender => "m.gender",
        MemberDimension.AgeBand => BandCase("extract(year from age(@date, m.birth_date))", bands.Age),
        MemberDimension.Ethnicity => "coalesce(m.ethnicity, '')",
        MemberDimension.Religion => "coalesce(m.religion, '')",
        MemberDimension.Education => "coalesce(m.general_education, '')",
        MemberDimension.PoliticalTheory => "m.political_theory",
        // Years since the admission decision moved later by the days out of the party before the date (PartyAgeSql).
        MemberDimension.PartyAgeBand => $"case when m.admitted_on is null then '{bands.PartyAge[0].Key}' else "
            + BandCase($"extract(year from age(@date, m.admitted_on + {PartyGapDaysSql}))", bands.PartyAge) + " end",
        MemberDimension.Status => """
            case when m.exempt_since <= @date then 'Exempt'
                 when m.official_on <= @date then 'Official'
                 else 'Probationary' end
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>
    /// Days of member <c>m</c> out of the party before <c>@date</c> (as <see cref="Member.ActivityGaps"/> and
    /// <see cref="PartyAge"/>): each readmission closes the gap opened by the first leaving, removal, non-recognition or
    /// expulsion since the previous readmission; only members readmitted at least once have one.
    /// </summary>
    public const string PartyGapDaysSql = """
        (case when m.readmissions > 0 then (
            select coalesce(sum(greatest(0, least(r.effective_on, @date) - greatest(g.started, m.admitted_on))), 0)::int
            from member_events r
            cross join lateral (
                select min(x.effective_on) as started from member_events x
                where x.member_id = r.member_id and x.effective_on <= r.effective_on
                  and (x.kind in ('Left', 'Removed', 'NotRecognized') or (x.kind = 'Disciplined' and x.discipline_level = 'Expulsion'))
                  and not exists (select 1 from member_events p where p.member_id = r.member_id and p.kind = 'Readmitted'
                                  and p.id <> r.id and p.effective_on >= x.effective_on and p.effective_on <= r.effective_on)) g
            where r.member_id = m.id and r.kind = 'Readmitted' and g.started is not null)
         else 0 end)
        """;

    /// <summary>The band keys of <paramref name="bands"/> for a number of years; the keys and limits are the rule's
    /// (letters, digits and signs only), so they are written into the statement.</summary>
    private static string BandCase(string years, IReadOnlyList<YearBand> bands) =>
        "case " + string.Concat(bands.Where(b => b.ToYears is not null).Select(b => $"when {years} < {b.ToYears} then '{b.Key}' "))
        + $"else '{bands[^1].Key}' end";

    /// <summary>The fixed categories, in the form's order; null for a dimension whose categories are the values found.</summary>
    public static IReadOnlyList<DimensionCategory>? FixedCategories(this MemberDimension d, DimensionBands bands) => d switch
    {
        MemberDimension.Gender => [new("Male", "Nam"), new("Female", "Nữ")],
        MemberDimension.AgeBand => bands.Age.Select(b => new DimensionCategory(b.Key, b.Header)).ToList(),
        MemberDimension.PoliticalTheory => Enum.GetValues<PoliticalTheoryLevel>().Select(l => new DimensionCategory(l.ToString(), l.DisplayName())).ToList(),
        MemberDimension.PartyAgeBand => bands.PartyAge.Select(b => new DimensionCategory(b.Key, b.Header)).ToList(),
        MemberDimension.Status => [new("Probationary", "Dự bị"), new("Official", "Chính thức"), new("Exempt", "Miễn công tác và sinh hoạt")],
        _ => null,
    };

    /// <summary>The note under a report by this breakdown: where its bands come from.</summary>
    public static string? Footnote(this MemberDimension d, DimensionBands bands) => d switch
    {
        MemberDimension.AgeBand => $"Nhóm tuổi đời (tuổi tròn năm tại ngày báo cáo): {string.Join("; ", bands.Age.Select(b => b.Header))}. {bands.AgeSource}.",
        MemberDimension.PartyAgeBand => "Nhóm tuổi đảng (tính từ ngày vào Đảng, trừ thời gian ra khỏi Đảng trước khi được kết nạp lại): "
            + $"{string.Join("; ", bands.PartyAge.Select(b => b.Header))}. {bands.PartyAgeSource}.",
        _ => null,
    };

    public static string CategoryHeader(string key) => key.Length == 0 ? "Chưa ghi" : key;
}
