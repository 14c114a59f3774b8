using OrgCom.Core.Common;

namespace OrgCom.Core.Rules;

/// <summary>
/// Which rule, from which regulation, produced a deadline, a warning or a refusal; shown to the user beneath it.
/// </summary>
public sealed record RuleCitation(string Key, string Source, string Note, DateOnly EffectiveFrom, bool IsConfirmed)
{
    /// <summary>E.g. "Theo Quy định 294-QĐ/TW ngày 26/5/2025 (hiệu lực từ 01/07/2025)".</summary>
    public override string ToString() =>
        $"Theo {Source} (hiệu lực từ {DateText.Format(EffectiveFrom)})"
        + (IsConfirmed ? "" : "; nội dung chưa được xác nhận, cần đối chiếu văn bản");
}
