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

    /// <summary>Throws <see cref="RuleConfigurationException"/> if the value cannot be read as <paramref name="kind"/>.</summary>
    public void EnsureReadableAs(RuleValueKind kind)
    {
        switch (kind)
        {
            case RuleValueKind.Integer: AsInt(); break;
            case RuleValueKind.IntegerList: RequireItems(AsIntList().Count); break;
            case RuleValueKind.MonthDayList: RequireItems(AsMonthDayList().Count); break;
            case RuleValueKind.NameList: RequireItems(AsList().Count); break;
        }
    }

    private void RequireItems(int count)
    {
        if (count == 0)
            throw Invalid("danh sách có ít nhất một mục");
    }

    internal static bool TryParseInt(string s, out int n) =>
        int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n);

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
