using OrgCom.Core.Members;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>The highest professional qualification as the cadre reports count it.</summary>
public enum EducationBand
{
    Doctorate,
    Master,
    University,
    Other,
    Unknown,
}

/// <summary>A cadre as the report counts them: once, at their highest post's level.</summary>
public sealed record CadreFacts(long MemberId, Gender Gender, DateOnly BirthDate, bool BirthYearOnly, string? Ethnicity,
    PoliticalTheoryLevel PoliticalTheory, string? Professional, PositionLevel Level, bool IsPartyMember = true);

/// <summary>The classifications of the cadre report (issue #6: by age band, gender, ethnicity, education, theory level,
/// position level). The age bands are rule data (<c>cadre.report.age_bands</c>), not constants.</summary>
public static class CadreStatistics
{
    /// <summary>Full years of age on <paramref name="on"/>; a year-only birth counts from 1 January.</summary>
    public static int AgeOn(DateOnly birth, bool yearOnly, DateOnly on)
    {
        var born = yearOnly ? new DateOnly(birth.Year, 1, 1) : birth;
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The band of an age: 0 below the first bound, i when the age is at least bound i-1 and below bound i.</summary>
    public static int BandOf(int age, IReadOnlyList<int> lowerBounds)
    {
        var band = 0;
        while (band < lowerBounds.Count && age >= lowerBounds[band])
            band++;
        return band;
    }

    /// <summary>"Dưới 30", "30–40", "41–50", "51–60", "Trên 60" for the bounds 30, 41, 51, 61.</summary>
    public static IReadOnlyList<string> BandLabels(IReadOnlyList<int> lowerBounds)
    {
        var labels = new List<string>();
        if (lowerBounds.Count == 0)
            return ["Mọi độ tuổi"];
        labels.Add($"Dưới {lowerBounds[0]}");
        for (var i = 1; i < lowerBounds.Count; i++)
            labels.Add($"{lowerBounds[i - 1]}–{lowerBounds[i] - 1}");
        labels.Add($"Trên {lowerBounds[^1] - 1}");
        return labels;
    }

    public static bool IsEthnicMinority(string? ethnicity) =>
        !string.IsNullOrWhiteSpace(ethnicity) && VietnameseText.Fold(ethnicity).Trim() != "kinh";

    public static EducationBand EducationOf(string? professional)
    {
        var s = VietnameseText.Fold(professional);
        if (s.Trim().Length == 0)
            return EducationBand.Unknown;
        if (s.Contains("tien si"))
            return EducationBand.Doctorate;
        if (s.Contains("thac si"))
            return EducationBand.Master;
        if (s.Contains("dai hoc") || s.Contains("cu nhan") || s.Contains("ky su") || s.Contains("bac si") || s.Contains("kien truc su"))
            return EducationBand.University;
        return EducationBand.Other;
    }

    public static string DisplayName(EducationBand band) => band switch
    {
        EducationBand.Doctorate => "Tiến sĩ",
        EducationBand.Master => "Thạc sĩ",
        EducationBand.University => "Đại học",
        EducationBand.Other => "Khác",
        EducationBand.Unknown => "Chưa ghi",
        _ => band.ToString(),
    };

    public static string TheoryName(PoliticalTheoryLevel level) => level switch
    {
        PoliticalTheoryLevel.Bachelor => "Cử nhân",
        PoliticalTheoryLevel.Advanced => "Cao cấp",
        PoliticalTheoryLevel.Intermediate => "Trung cấp",
        PoliticalTheoryLevel.Elementary => "Sơ cấp",
        _ => "Chưa qua đào tạo",
    };
}
