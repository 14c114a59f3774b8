using OrgCom.Core.Members;

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

    public static string Sql(this MemberDimension d) => d switch
    {
        MemberDimension.Gender => "m.gender",
        MemberDimension.AgeBand => """
            case when extract(year from age(@date, m.birth_date)) <= 30 then 'a30'
                 when extract(year from age(@date, m.birth_date)) <= 40 then 'a40'
                 when extract(year from age(@date, m.birth_date)) <= 50 then 'a50'
                 when extract(year from age(@date, m.birth_date)) <= 60 then 'a60'
                 when extract(year from age(@date, m.birth_date)) <= 70 then 'a70'
                 else 'a99' end
            """,
        MemberDimension.Ethnicity => "coalesce(m.ethnicity, '')",
        MemberDimension.Religion => "coalesce(m.religion, '')",
        MemberDimension.Education => "coalesce(m.general_education, '')",
        MemberDimension.PoliticalTheory => "m.political_theory",
        // Years since the admission decision; the party age of a member with a gap outside the party is shorter.
        MemberDimension.PartyAgeBand => """
            case when m.admitted_on is null or extract(year from age(@date, m.admitted_on)) < 10 then 'p10'
                 when extract(year from age(@date, m.admitted_on)) < 20 then 'p20'
                 when extract(year from age(@date, m.admitted_on)) < 30 then 'p30'
                 when extract(year from age(@date, m.admitted_on)) < 40 then 'p40'
                 when extract(year from age(@date, m.admitted_on)) < 50 then 'p50'
                 else 'p99' end
            """,
        MemberDimension.Status => """
            case when m.exempt_since <= @date then 'Exempt'
                 when m.official_on <= @date then 'Official'
                 else 'Probationary' end
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>The fixed categories, in the form's order; null for a dimension whose categories are the values found.</summary>
    public static IReadOnlyList<DimensionCategory>? FixedCategories(this MemberDimension d) => d switch
    {
        MemberDimension.Gender => [new("Male", "Nam"), new("Female", "Nữ")],
        MemberDimension.AgeBand => [new("a30", "Đến 30 tuổi"), new("a40", "31–40"), new("a50", "41–50"), new("a60", "51–60"),
            new("a70", "61–70"), new("a99", "Trên 70")],
        MemberDimension.PoliticalTheory => Enum.GetValues<PoliticalTheoryLevel>().Select(l => new DimensionCategory(l.ToString(), l.DisplayName())).ToList(),
        MemberDimension.PartyAgeBand => [new("p10", "Dưới 10 năm"), new("p20", "10 – dưới 20"), new("p30", "20 – dưới 30"),
            new("p40", "30 – dưới 40"), new("p50", "40 – dưới 50"), new("p99", "Từ 50 năm")],
        MemberDimension.Status => [new("Probationary", "Dự bị"), new("Official", "Chính thức"), new("Exempt", "Miễn công tác và sinh hoạt")],
        _ => null,
    };

    public static string CategoryHeader(string key) => key.Length == 0 ? "Chưa ghi" : key;
}
