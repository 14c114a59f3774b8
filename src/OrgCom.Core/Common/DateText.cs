using System.Globalization;

namespace OrgCom.Core.Common;

/// <summary>Dates as Vietnamese users write them: dd/MM/yyyy (also d/M/yyyy, and '-' or '.' as separators).</summary>
public static class DateText
{
    private static readonly string[] Formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "";

    /// <summary>The day of the week as written in Vietnamese: "thứ Hai" … "thứ Bảy", "Chủ nhật".</summary>
    public static string DayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    public static Result<DateOnly> Parse(string? text, string fieldName)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0)
            return new Error("date.required", $"Chưa nhập {fieldName}.");
        if (DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2200)
            return date;
        return new Error("date.format", $"{Capitalize(fieldName)} \"{s}\" không phải ngày hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025.");
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.GetCultureInfo("vi-VN")) + s[1..];
}
