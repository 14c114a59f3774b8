using OrgCom.Core.Common;
using OrgCom.Core.Members;

namespace OrgCom.Core.Rules;

/// <summary>
/// Reads a value an administrator typed for a rule, by the kind of the rule (<see cref="RuleKey.KindOf"/>), into the
/// text the rule data stores; refuses with a short Vietnamese message what <see cref="RuleValue"/> could not read.
/// Numbers in rules are months, days, years or times, so they must be positive.
/// </summary>
public static class RuleValueText
{
    public const int MaxLength = 500;

    public static Result<string> Normalize(string key, string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0)
            return new Error("rule.value.required", "Chưa nhập giá trị của quy định.");
        if (s.Length > MaxLength)
            return new Error("rule.value.length", $"Giá trị dài quá {MaxLength} ký tự.");
        var items = s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (RuleKey.KindOf(key))
        {
            case RuleValueKind.Integer:
                return RuleValue.TryParseInt(s, out var n) && n > 0
                    ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : Invalid(s, key);
            case RuleValueKind.IntegerList:
                var numbers = new List<int>();
                foreach (var item in items)
                {
                    if (!RuleValue.TryParseInt(item, out var number) || number <= 0 || numbers.Contains(number))
                        return Invalid(s, key);
                    numbers.Add(number);
                }
                return numbers.Count > 0 ? string.Join(',', numbers) : Invalid(s, key);
            case RuleValueKind.MonthDayList:
                var days = new List<(int Month, int Day)>();
                foreach (var item in items)
                {
                    if (!RuleValue.TryParseMonthDay(item, out var day) || days.Contains(day))
                        return Invalid(s, key);
                    days.Add(day);
                }
                return days.Count > 0 ? string.Join(',', days.Select(d => $"{d.Month:00}-{d.Day:00}")) : Invalid(s, key);
            case RuleValueKind.NameList:
                var allowed = NamesAllowed(key);
                var names = items.Distinct(StringComparer.Ordinal).ToList();
                return names.Count > 0 && (allowed is null || names.All(allowed.ContainsKey))
                    ? string.Join(',', names)
                    : Invalid(s, key);
            case RuleValueKind.YearTable:
                return RuleValue.TryParseYearTable(s, out var table)
                    ? string.Join(',', table.Select(t => $"{t.Year}:{t.Value}"))
                    : Invalid(s, key);
            default:
                return s;
        }
    }

    /// <summary>How the value of <paramref name="key"/> is written, shown beneath the field.</summary>
    public static string Hint(string key)
    {
        var expected = Expected(key);
        return char.ToUpperInvariant(expected[0]) + expected[1..] + ".";
    }

    private static string Expected(string key) => RuleKey.KindOf(key) switch
    {
        RuleValueKind.Integer => "một số nguyên dương, ví dụ 12",
        RuleValueKind.IntegerList => "các số nguyên dương khác nhau, cách nhau bởi dấu phẩy, ví dụ 30,40,45",
        RuleValueKind.MonthDayList => "các ngày dạng tháng-ngày (MM-dd) cách nhau bởi dấu phẩy, ví dụ 02-03,05-19 là ngày 3/2 và 19/5",
        RuleValueKind.NameList when NamesAllowed(key) is { } names =>
            "các mục cách nhau bởi dấu phẩy, chọn trong: " + string.Join("; ", names.Select(n => $"{n.Key} ({n.Value.ToLowerInvariant()})")),
        RuleValueKind.NameList => "các mục cách nhau bởi dấu phẩy",
        RuleValueKind.YearTable => "các cặp năm:giá trị (số nguyên dương) cách nhau bởi dấu phẩy, năm tăng dần, ví dụ 2021:723,2022:726; giá trị của năm cuối áp dụng cho các năm sau",
        _ => "một giá trị dạng văn bản",
    };

    /// <summary>The identifiers a name-list rule may hold, with their Vietnamese names; null when any name goes.</summary>
    private static Dictionary<string, string>? NamesAllowed(string key) => key switch
    {
        RuleKey.DisciplineProbationaryAllowed => Enum.GetValues<DisciplineLevel>().ToDictionary(l => l.ToString(), l => l.DisplayName()),
        RuleKey.AssessmentProbationaryMaxLevel or RuleKey.AssessmentDisciplinedMaxLevel =>
            Assessments.QualityLevels.All.ToDictionary(l => l.ToString(), l => Assessments.QualityLevels.DisplayName(l)),
        RuleKey.SubmissionDocumentsAppointment or RuleKey.SubmissionDocumentsNomination or RuleKey.SubmissionDocumentsPlanning =>
            Enum.GetValues<Cadres.SubmissionDocument>().ToDictionary(d => d.ToString(), Cadres.PersonnelSubmission.DisplayName),
        RuleKey.PlanningHigherThanHeld => Enum.GetValues<Cadres.HeldPostKind>().ToDictionary(k => k.ToString(), Cadres.PlanningBatch.DisplayName),
        _ => null,
    };

    private static Error Invalid(string text, string key) =>
        new("rule.value.format", $"Giá trị \"{text}\" không hợp lệ: cần {Expected(key)}.");
}
