using System.Globalization;
using OrgCom.Core.Common;

namespace OrgCom.Core.Rules;

/// <summary>
/// One version of a rule: its value from <see cref="EffectiveFrom"/> (inclusive) until <see cref="EffectiveTo"/>
/// (exclusive; null while in force), the regulation it rests on and a Vietnamese note explaining it.
/// A rule that changes gets a new version; old versions stay, so past deadlines can be recomputed.
/// </summary>
public sealed record RuleValue(
    string Key,
    string Value,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source,
    string Note,
    bool IsConfirmed)
{
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date < to);

    public RuleCitation Citation => new(Key, Source, Note, EffectiveFrom, IsConfirmed);

    public int AsInt() =>
        TryParseInt(Value, out var n) ? n : throw Invalid("một số nguyên");

    /// <summary>The comma-separated items, trimmed, without empty ones.</summary>
    public IReadOnlyList<string> AsList() =>
        Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<int> AsIntList() =>
        AsList().Select(item => TryParseInt(item, out var n) ? n : throw Invalid("danh sách số nguyên")).ToArray();

    /// <summary>Items written <c>MM-dd</c> (month first, as in ISO dates): <c>02-03</c> is 3 February.</summary>
    public IReadOnlyList<(int Month, int Day)> AsMonthDayList() =>
        AsList().Select(item => TryParseMonthDay(item, out var monthDay)
            ? monthDay
            : throw Invalid("danh sách tháng-ngày dạng MM-dd (ví dụ 02-03 là ngày 3/2)")).ToArray();

    /// <summary>A <see cref="RuleValueKind.YearTable"/>: <c>2021:723,2022:726</c>, years strictly increasing.</summary>
    public IReadOnlyList<(int Year, int Value)> AsYearTable() =>
        TryParseYearTable(Value, out var table) ? table : throw Invalid("bảng giá trị theo năm dạng năm:giá trị, năm tăng dần (ví dụ 2021:723,2022:726)");

    /// <summary>The value of a year table for <paramref name="year"/>: that of the latest year listed up to it (the first
    /// entry for an earlier year).</summary>
    public int YearTableValue(int year)
    {
        var table = AsYearTable();
        var value = table[0].Value;
        foreach (var (y, v) in table)
            if (y <= year)
                value = v;
        return value;
    }

    /// <summary>Throws <see cref="RuleConfigurationException"/> if the value cannot be read as <paramref name="kind"/>.</summary>
    public void EnsureReadableAs(RuleValueKind kind)
    {
        switch (kind)
        {
            case RuleValueKind.Integer: AsInt(); break;
            case RuleValueKind.IntegerList: RequireItems(AsIntList().Count); break;
            case RuleValueKind.MonthDayList: RequireItems(AsMonthDayList().Count); break;
            case RuleValueKind.NameList: RequireItems(AsList().Count); break;
            case RuleValueKind.YearTable: AsYearTable(); break;
        }
    }

    private void RequireItems(int count)
    {
        if (count == 0)
            throw Invalid("danh sách có ít nhất một mục");
    }

    internal static bool TryParseInt(string s, out int n) =>
        int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n);

    internal static bool TryParseYearTable(string text, out IReadOnlyList<(int Year, int Value)> table)
    {
        var list = new List<(int Year, int Value)>();
        table = list;
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryParseInt(parts[0], out var year) || year is < 1900 or > 2200
                || !TryParseInt(parts[1], out var value) || value <= 0
                || (list.Count > 0 && year <= list[^1].Year))
                return false;
            list.Add((year, value));
        }
        return list.Count > 0;
    }

    internal static bool TryParseMonthDay(string item, out (int Month, int Day) monthDay)
    {
        // 2000 is a leap year, so 02-29 is accepted as a month-day.
        var ok = DateOnly.TryParseExact($"2000-{item.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
        monthDay = ok ? (d.Month, d.Day) : default;
        return ok;
    }

    private RuleConfigurationException Invalid(string expected) => new(
        $"Quy định \"{Key}\" (hiệu lực từ {DateText.Format(EffectiveFrom)}) có giá trị \"{Value}\", không phải {expected}.");
}
