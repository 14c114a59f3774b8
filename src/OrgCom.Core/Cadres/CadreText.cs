using System.Globalization;

namespace OrgCom.Core.Cadres;

public static class CadreText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"4 năm 7 tháng", "11 tháng", "5 năm".</summary>
    public static string Duration(int months) => (months / 12, months % 12) switch
    {
        (0, var m) => $"{m} tháng",
        (var y, 0) => $"{y} năm",
        var (y, m) => $"{y} năm {m} tháng",
    };

    /// <summary>Numbers as Vietnamese reports write them: 2.362.</summary>
    public static string Number(long n) => n.ToString("N0", Vietnamese);
}
