using System.Diagnostics.CodeAnalysis;
using OrgCom.Core.Common;

namespace OrgCom.Core.Rules;

/// <summary>
/// All versions of all rules, immutable. Each key's versions may not overlap, so exactly one version (or none) is in
/// force on any date. A rule that changes tomorrow is a data change: close the current version on tomorrow's date and
/// add a new version effective from tomorrow.
/// </summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, RuleValue[]> _byKey;

    /// <exception cref="RuleConfigurationException">A version is malformed, unreadable for its key, or overlaps another.</exception>
    public RuleBook(IEnumerable<RuleValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = values.ToArray();
        foreach (var v in all)
            Validate(v);
        _byKey = all
            .GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.EffectiveFrom).ToArray(), StringComparer.Ordinal);
        foreach (var versions in _byKey.Values)
            EnsureNoOverlap(versions);
        Values = _byKey.Values.SelectMany(v => v).ToArray();
    }

    public IReadOnlyList<RuleValue> Values { get; }

    public IReadOnlyCollection<string> Keys => _byKey.Keys;

    /// <summary>The version of <paramref name="key"/> in force on <paramref name="asOf"/>.</summary>
    /// <exception cref="RuleConfigurationException">No version is in force on that date: the data must be completed.</exception>
    public RuleValue Get(string key, DateOnly asOf) =>
        TryGet(key, asOf, out var value)
            ? value
            : throw new RuleConfigurationException(
                $"Chưa cấu hình quy định \"{key}\" có hiệu lực vào ngày {DateText.Format(asOf)}; "
                + "hãy bổ sung phiên bản của quy định này trong dữ liệu quy định (rules.json).");

    public bool TryGet(string key, DateOnly asOf, [NotNullWhen(true)] out RuleValue? value)
    {
        value = _byKey.TryGetValue(key, out var versions) ? versions.FirstOrDefault(v => v.IsInForceOn(asOf)) : null;
        return value is not null;
    }

    /// <summary>All versions of a key, oldest first (empty for an unknown key).</summary>
    public IReadOnlyList<RuleValue> History(string key) => _byKey.TryGetValue(key, out var versions) ? versions : [];

    /// <summary>The keys among <paramref name="required"/> with no version in force on <paramref name="asOf"/>, for a start-up check.</summary>
    public IReadOnlyList<string> MissingOn(DateOnly asOf, IEnumerable<string> required) =>
        required.Where(key => !TryGet(key, asOf, out _)).ToArray();

    private static void Validate(RuleValue v)
    {
        if (string.IsNullOrWhiteSpace(v.Key))
            throw new RuleConfigurationException("Một quy định trong dữ liệu không có khóa (key).");
        if (string.IsNullOrWhiteSpace(v.Source))
            throw new RuleConfigurationException(
                $"Quy định \"{v.Key}\" (hiệu lực từ {DateText.Format(v.EffectiveFrom)}) chưa ghi văn bản làm căn cứ (source).");
        if (v.EffectiveTo is { } to && to <= v.EffectiveFrom)
            throw new RuleConfigurationException(
                $"Quy định \"{v.Key}\": ngày hết hiệu lực {DateText.Format(to)} phải sau ngày có hiệu lực {DateText.Format(v.EffectiveFrom)}.");
        if (RuleKey.KindOf(v.Key) is { } kind)
            v.EnsureReadableAs(kind);
    }

    private static void EnsureNoOverlap(RuleValue[] sorted)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            var previous = sorted[i - 1];
            var current = sorted[i];
            if (previous.EffectiveTo is not { } end || end > current.EffectiveFrom)
                throw new RuleConfigurationException(
                    $"Quy định \"{current.Key}\" có hai phiên bản chồng lấn thời gian: phiên bản từ "
                    + $"{DateText.Format(previous.EffectiveFrom)}{(previous.EffectiveTo is { } t ? $" đến trước {DateText.Format(t)}" : " (chưa hết hiệu lực)")} "
                    + $"và phiên bản từ {DateText.Format(current.EffectiveFrom)}. Hãy đặt ngày hết hiệu lực cho phiên bản cũ.");
        }
    }
}
