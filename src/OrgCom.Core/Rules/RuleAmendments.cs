using OrgCom.Core.Common;

namespace OrgCom.Core.Rules;

/// <summary>A version of a rule as an administrator enters it: the value as typed, and the document it rests on.</summary>
public sealed record RuleVersionDraft(string? Value, DateOnly EffectiveFrom, string? Source, string? Note, bool IsConfirmed);

/// <summary>
/// The changes an administrator may make to the versions of one rule, as functions from the rule's versions to its
/// new versions (which the caller stores), so the rule reads the same in every place that applies it.
/// <list type="bullet">
/// <item>A version in force before today is history: deadlines and refusals were computed with it, so it is never
/// changed or withdrawn, and no version starts before today. Its end may still be set (today or later) when a new
/// version takes over, which leaves every past date as it was.</item>
/// <item>A new version effective from D takes over from the version in force on D, which then ends at D (the end is
/// exclusive, as in <see cref="RuleValue.EffectiveTo"/>), and keeps that version's end: versions never overlap.</item>
/// <item>A version not yet in force may be corrected (value, date, source, note) or withdrawn; the version before it
/// then applies again until the next one.</item>
/// </list>
/// </summary>
public static class RuleAmendments
{
    public const int MaxSourceLength = 500;
    public const int MaxNoteLength = 1000;

    public static Result<IReadOnlyList<RuleValue>> Add(string key, IReadOnlyList<RuleValue> versions, RuleVersionDraft draft, DateOnly today)
    {
        var version = Read(key, draft, today);
        if (!version.IsSuccess)
            return version.Error!;
        return Insert(versions, version.Value!);
    }

    public static Result<IReadOnlyList<RuleValue>> Correct(
        string key, IReadOnlyList<RuleValue> versions, DateOnly versionFrom, RuleVersionDraft draft, DateOnly today)
    {
        if (Find(versions, versionFrom, today) is { IsSuccess: false } found)
            return found.Error!;
        var version = Read(key, draft, today);
        if (!version.IsSuccess)
            return version.Error!;
        return Insert(Without(versions, versionFrom), version.Value!);
    }

    public static Result<IReadOnlyList<RuleValue>> Withdraw(string key, IReadOnlyList<RuleValue> versions, DateOnly versionFrom, DateOnly today)
    {
        if (Find(versions, versionFrom, today) is { IsSuccess: false } found)
            return found.Error!;
        if (!versions.Any(v => v.EffectiveTo == versionFrom))
            return new Error("rule.withdraw.no_previous",
                $"Không thể rút phiên bản có hiệu lực từ {DateText.Format(versionFrom)} của quy định \"{key}\": không có phiên bản "
                + "liền trước để tiếp tục áp dụng. Hãy sửa phiên bản này thay vì rút.");
        return Result<IReadOnlyList<RuleValue>>.Ok(Without(versions, versionFrom));
    }

    private static Result<RuleValue> Read(string key, RuleVersionDraft draft, DateOnly today)
    {
        var value = RuleValueText.Normalize(key, draft.Value);
        if (!value.IsSuccess)
            return value.Error!;
        var source = (draft.Source ?? "").Trim();
        if (source.Length == 0)
            return new Error("rule.source.required", "Chưa nhập văn bản làm căn cứ (ví dụ Quy định 294-QĐ/TW ngày 26/5/2025).");
        if (source.Length > MaxSourceLength)
            return new Error("rule.source.length", $"Văn bản làm căn cứ dài quá {MaxSourceLength} ký tự.");
        var note = (draft.Note ?? "").Trim();
        if (note.Length > MaxNoteLength)
            return new Error("rule.note.length", $"Ghi chú dài quá {MaxNoteLength} ký tự.");
        if (draft.EffectiveFrom < today)
            return new Error("rule.past",
                $"Ngày có hiệu lực {DateText.Format(draft.EffectiveFrom)} đã qua: các thời hạn đã tính theo phiên bản cũ phải giữ nguyên, "
                + $"nên phiên bản mới chỉ có hiệu lực từ hôm nay ({DateText.Format(today)}) trở đi.");
        return new RuleValue(key, value.Value!, draft.EffectiveFrom, null, source, note, draft.IsConfirmed);
    }

    /// <summary>The version starting on <paramref name="from"/>, if it may still change.</summary>
    private static Result<RuleValue> Find(IReadOnlyList<RuleValue> versions, DateOnly from, DateOnly today)
    {
        var version = versions.SingleOrDefault(v => v.EffectiveFrom == from);
        if (version is null)
            return new Error("rule.version.not_found", $"Không có phiên bản có hiệu lực từ {DateText.Format(from)}.");
        if (from < today)
            return new Error("rule.history",
                $"Phiên bản có hiệu lực từ {DateText.Format(from)} đã được áp dụng nên thuộc lịch sử, không thể sửa hoặc rút; "
                + "hãy thêm phiên bản mới có hiệu lực từ hôm nay trở đi.");
        return version;
    }

    private static Result<IReadOnlyList<RuleValue>> Insert(IReadOnlyList<RuleValue> versions, RuleValue added)
    {
        var from = added.EffectiveFrom;
        if (versions.Any(v => v.EffectiveFrom == from))
            return new Error("rule.duplicate",
                $"Quy định này đã có phiên bản có hiệu lực từ {DateText.Format(from)}; hãy sửa phiên bản đó thay vì thêm phiên bản trùng ngày.");
        var current = versions.FirstOrDefault(v => v.IsInForceOn(from));
        var end = current is not null
            ? current.EffectiveTo
            : versions.Where(v => v.EffectiveFrom > from).Select(v => (DateOnly?)v.EffectiveFrom).Min();
        return versions
            .Select(v => v == current ? v with { EffectiveTo = from } : v)
            .Append(added with { EffectiveTo = end })
            .OrderBy(v => v.EffectiveFrom)
            .ToArray();
    }

    /// <summary>The versions without the one starting on <paramref name="from"/>; the version that ended where it began
    /// takes over its span.</summary>
    private static IReadOnlyList<RuleValue> Without(IReadOnlyList<RuleValue> versions, DateOnly from)
    {
        var removed = versions.Single(v => v.EffectiveFrom == from);
        return versions
            .Where(v => v != removed)
            .Select(v => v.EffectiveTo == from ? v with { EffectiveTo = removed.EffectiveTo } : v)
            .ToArray();
    }
}
