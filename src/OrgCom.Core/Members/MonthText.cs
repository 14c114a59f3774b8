using System.Globalization;

namespace OrgCom.Core.Members;

/// <summary>Month-precision dates as the personal-history forms write them: "03/2015".</summary>
public static class MonthText
{
    public static bool TryParse(string? text, out DateOnly firstOfMonth)
    {
        firstOfMonth = default;
        var s = (text ?? "").Trim();
        return DateOnly.TryParseExact(s, ["M/yyyy", "MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year >= 1900 && (firstOfMonth = d) == d;
    }
}
