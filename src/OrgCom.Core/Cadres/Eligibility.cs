using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Cadres;

public enum CheckStatus
{
    Passed,
    Failed,
    /// <summary>The rule does not apply to this case; shown with the reason.</summary>
    NotApplicable,
}

/// <param name="Source">The regulation the rule comes from, shown beside the explanation.</param>
public sealed record EligibilityCheck(string Rule, CheckStatus Status, string Explanation, string Source);

/// <summary>What the check needs to know about the person.</summary>
public sealed record EligibilityCandidate(
    string FullName, Gender Gender, DateOnly BirthDate, bool BirthYearOnly, PoliticalTheoryLevel PoliticalTheory);

/// <summary>What the check needs to know about the person's history with the target.</summary>
/// <param name="HasHeldPosition">The person has held the target position before (the appointment is then a reappointment).</param>
/// <param name="IsCommitteeMember">The person holds a committee seat of the same organization now (re-election).</param>
public sealed record EligibilityHistory(bool HasHeldPosition, bool IsCommitteeMember);

public sealed record EligibilityReport(
    EligibilityCandidate Candidate, Position Position, DateOnly ReferenceDate, RetirementSchedule? Retirement,
    int MonthsLeft, IReadOnlyList<EligibilityCheck> Checks)
{
    public bool IsEligible => Checks.All(c => c.Status != CheckStatus.Failed);
}

/// <summary>
/// Explained eligibility of a person for a position at a reference date (the day the dossier is received, or the month
/// of the congress): every rule that applies passes or fails with the regulation it comes from (domain.md §4).
/// </summary>
public static class Eligibility
{
    /// <param name="decision">The cadre's decided retirement (later or earlier), if any: used when it was decided by the
    /// reference date (in force then), and said so in the explanations; a decision taken later does not count.</param>
    public static EligibilityReport Check(EligibilityCandidate candidate, Position position, EligibilityHistory history,
        DateOnly referenceDate, RuleBook rules, RetirementDecision? decision = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        var checks = new List<EligibilityCheck>();
        var on = DateText.Format(referenceDate);
        var retirement = Retirement.For(candidate.Gender, candidate.BirthDate, candidate.BirthYearOnly, rules);
        if (!retirement.IsSuccess)
        {
            checks.Add(new("Tuổi nghỉ hưu", CheckStatus.Failed, retirement.Error!.Message, "Nghị định 135/2020/NĐ-CP"));
            return new(candidate, position, referenceDate, null, 0, checks);
        }

        var computed = retirement.Value!;
        var decided = decision is not null && decision.DecisionDate <= referenceDate ? decision : null;
        var schedule = computed.Apply(decided);
        var describe = decided is null
            ? computed.Describe()
            : $"nghỉ hưu từ ngày {DateText.Format(decided.PensionFrom)} {DecidedText(decided)}; theo tuổi: {computed.Describe()}";
        var monthsLeft = schedule.MonthsLeftAt(referenceDate);
        var left = $"tại ngày {on} còn {CadreText.Duration(monthsLeft)} công tác ({describe})";
        checks.Add(new("Chưa đến tuổi nghỉ hưu", monthsLeft > 0 ? CheckStatus.Passed : CheckStatus.Failed,
            monthsLeft > 0
                ? $"Chưa đến tuổi nghỉ hưu: {left}."
                : $"Đã đến tuổi nghỉ hưu: {describe}.",
            schedule.Citation.ToString()));

        if (position.IsCommitteeSeat)
        {
            var key = history.IsCommitteeMember ? RuleKey.CommitteeReelectionMinMonthsLeft : RuleKey.CommitteeFirstTimeMinMonthsLeft;
            var rule = rules.Get(key, referenceDate);
            var min = rule.AsInt();
            var what = history.IsCommitteeMember ? "Tái cử cấp ủy" : "Tham gia cấp ủy lần đầu";
            checks.Add(new($"{what}: còn ít nhất {CadreText.Duration(min)} công tác", monthsLeft >= min ? CheckStatus.Passed : CheckStatus.Failed,
                $"{what} cần còn ít nhất {CadreText.Duration(min)} công tác; {left}"
                + (monthsLeft >= min ? ": đạt." : $": thiếu {CadreText.Duration(min - monthsLeft)}."),
                rule.Citation.ToString()));
        }
        else
        {
            var rule = rules.Get(RuleKey.FirstAppointmentMinMonthsLeft, referenceDate);
            var min = rule.AsInt();
            checks.Add(history.HasHeldPosition
                ? new($"Bổ nhiệm lần đầu: còn ít nhất {CadreText.Duration(min)} công tác", CheckStatus.NotApplicable,
                    $"Đã từng giữ chức vụ \"{position.Name}\": đây là bổ nhiệm lại, xét theo quy định về bổ nhiệm lại (xem danh sách bổ nhiệm lại).",
                    rule.Citation.ToString())
                : new($"Bổ nhiệm lần đầu: còn ít nhất {CadreText.Duration(min)} công tác", monthsLeft >= min ? CheckStatus.Passed : CheckStatus.Failed,
                    $"Bổ nhiệm, giới thiệu ứng cử lần đầu cần còn ít nhất {CadreText.Duration(min)} công tác tính đến thời điểm nhận hồ sơ; {left}"
                    + (monthsLeft >= min ? ": đạt." : $": thiếu {CadreText.Duration(min - monthsLeft)}."),
                    rule.Citation.ToString()));
        }

        if (position.RequiredPoliticalTheory is { } required)
        {
            var has = candidate.PoliticalTheory;
            var ok = Rank(has) >= Rank(required);
            checks.Add(new($"Trình độ lý luận chính trị từ {required.DisplayName().ToLowerInvariant()}", ok ? CheckStatus.Passed : CheckStatus.Failed,
                $"Chức vụ \"{position.Name}\" yêu cầu trình độ lý luận chính trị {required.DisplayName().ToLowerInvariant()} trở lên; "
                + $"{candidate.FullName} có trình độ: {has.DisplayName().ToLowerInvariant()}" + (ok ? ": đạt." : ": chưa đạt."),
                $"Theo {position.StandardSource}"));
        }
        else
        {
            checks.Add(new("Trình độ lý luận chính trị", CheckStatus.NotApplicable,
                $"Chức vụ \"{position.Name}\" chưa được cấu hình yêu cầu trình độ lý luận chính trị.", "Tiêu chuẩn chức danh"));
        }
        return new(candidate, position, referenceDate, schedule, monthsLeft, checks);
    }

    /// <summary>"theo quyết định nghỉ hưu ở tuổi cao hơn số 12-QĐ/TU ngày 01/10/2026".</summary>
    public static string DecidedText(RetirementDecision decision) =>
        $"theo quyết định {RetirementDecision.DisplayName(decision.Kind).ToLowerInvariant()} số {decision.DecisionNumber} ngày {DateText.Format(decision.DecisionDate)}";

    /// <summary>Cử nhân counts as cao cấp.</summary>
    private static int Rank(PoliticalTheoryLevel level) => level == PoliticalTheoryLevel.Bachelor ? (int)PoliticalTheoryLevel.Advanced : (int)level;

    public static string DisplayName(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "Đạt",
        CheckStatus.Failed => "Không đạt",
        CheckStatus.NotApplicable => "Không áp dụng",
        _ => status.ToString(),
    };
}
