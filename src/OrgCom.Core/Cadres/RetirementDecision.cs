using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>Whether a decided retirement comes after or before the one the age table gives.</summary>
public enum RetirementDecisionKind
{
    /// <summary>Nghỉ hưu ở tuổi cao hơn (Bộ luật Lao động 2019 Điều 169 khoản 3; Nghị định 135/2020 Điều 6).</summary>
    Later,
    /// <summary>Nghỉ hưu trước tuổi (Bộ luật Lao động 2019 Điều 169 khoản 3; Nghị định 135/2020 Điều 5).</summary>
    Earlier,
}

/// <summary>
/// A retirement decided by the competent level on a date that differs from the computed one: later (e.g. a doctorate,
/// senior posts) or earlier (by request, health). One per cadre; a new decision replaces it (audited before/after).
/// The limits — how many months later or earlier at most — are rule data (<see cref="RuleKey.RetirementLaterMaxMonths"/>,
/// <see cref="RuleKey.RetirementEarlierMaxMonths"/>), read on the computed retirement date.
/// </summary>
public sealed class RetirementDecision
{
    public const int MaxReasonLength = 500;

    private RetirementDecision()
    {
        MemberName = DecisionNumber = Reason = "";
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public string MemberName { get; private set; }

    /// <summary>The member's organization when decided: the decision is in its scope.</summary>
    public long OrganizationId { get; private set; }
    public RetirementDecisionKind Kind { get; private set; }

    /// <summary>The first day of retirement ("nghỉ hưu từ ngày"), the first day of a month.</summary>
    public DateOnly PensionFrom { get; private set; }

    /// <summary>The first day of retirement the age table gives, when decided (shown struck through).</summary>
    public DateOnly ComputedPensionFrom { get; private set; }
    public string DecisionNumber { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public string Reason { get; private set; }

    /// <summary>"theo quyết định số 12-QĐ/TU ngày 01/10/2026".</summary>
    public string DecisionText => $"theo quyết định số {DecisionNumber} ngày {DateText.Format(DecisionDate)}";

    public static Result<RetirementDecision> Create(CadrePerson member, bool holdsPost, RetirementSchedule computed, RetirementDecisionKind? kind,
        DateOnly pensionFrom, string? decisionNumber, DateOnly decisionDate, string? reason, RuleBook rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        var decision = new RetirementDecision { MemberId = member.Id, MemberName = member.FullName, OrganizationId = member.OrganizationId };
        var checkedResult = decision.Apply(member, holdsPost, computed, kind, pensionFrom, decisionNumber, decisionDate, reason, rules, today);
        return checkedResult.IsSuccess ? decision : checkedResult.Error!;
    }

    /// <summary>Replaces the decision by a new one (the same checks); nothing changes when refused.</summary>
    public Result Revise(CadrePerson member, bool holdsPost, RetirementSchedule computed, RetirementDecisionKind? kind, DateOnly pensionFrom,
        string? decisionNumber, DateOnly decisionDate, string? reason, RuleBook rules, DateOnly today) =>
        Apply(member, holdsPost, computed, kind, pensionFrom, decisionNumber, decisionDate, reason, rules, today);

    private Result Apply(CadrePerson member, bool holdsPost, RetirementSchedule computed, RetirementDecisionKind? kind, DateOnly pensionFrom,
        string? decisionNumber, DateOnly decisionDate, string? reason, RuleBook rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(rules);
        if (member.IsUnavailable)
            return CadreErrors.NotAvailable(member.FullName, member.StatusText, "ghi quyết định nghỉ hưu cho");
        if (!holdsPost)
            return CadreErrors.RetirementDecisionNotCadre(member.FullName);
        if (kind is not { } k || !Enum.IsDefined(k))
            return CadreErrors.RetirementDecisionKindRequired;
        if (pensionFrom.Day != 1)
            return CadreErrors.RetirementDecisionFirstOfMonth;
        var number = DocumentNumber.Parse(decisionNumber);
        if (!number.IsSuccess)
            return number.Error!;
        if (decisionDate > today)
            return CadreErrors.DecisionInFuture;
        var cleanReason = VietnameseText.Normalize(reason);
        if (cleanReason.Length == 0)
            return CadreErrors.RetirementDecisionReasonRequired;
        if (cleanReason.Length > MaxReasonLength)
            return CadreErrors.TooLong("Lý do", MaxReasonLength, cleanReason.Length);
        var key = k == RetirementDecisionKind.Later ? RuleKey.RetirementLaterMaxMonths : RuleKey.RetirementEarlierMaxMonths;
        if (!rules.TryGet(key, computed.RetiresOn, out var rule))
            return CadreErrors.RetirementDecisionNoRule(key, computed.RetiresOn);
        var max = rule.AsInt();
        if (k == RetirementDecisionKind.Later)
        {
            if (pensionFrom <= computed.PensionFrom)
                return CadreErrors.RetirementLaterNotLater(computed.PensionFrom);
            var latest = computed.PensionFrom.AddMonths(max);
            if (pensionFrom > latest)
                return CadreErrors.RetirementBeyondLimit("sau", CadreText.Duration(max), latest, rule.Citation);
        }
        else
        {
            if (pensionFrom >= computed.PensionFrom)
                return CadreErrors.RetirementEarlierNotEarlier(computed.PensionFrom);
            var earliest = computed.PensionFrom.AddMonths(-max);
            if (pensionFrom < earliest)
                return CadreErrors.RetirementBeyondLimit("trước", CadreText.Duration(max), earliest, rule.Citation);
        }
        Kind = k;
        PensionFrom = pensionFrom;
        ComputedPensionFrom = computed.PensionFrom;
        DecisionNumber = number.Value!.ToString();
        DecisionDate = decisionDate;
        Reason = cleanReason;
        return Result.Ok();
    }

    public static string DisplayName(RetirementDecisionKind kind) => kind switch
    {
        RetirementDecisionKind.Later => "Nghỉ hưu ở tuổi cao hơn",
        RetirementDecisionKind.Earlier => "Nghỉ hưu trước tuổi",
        _ => kind.ToString(),
    };
}

public static class RetirementDecisions
{
    /// <summary>The schedule with the decided date: retires at the end of the day before the decided first day of
    /// retirement; the computed date and the decision are kept for the text.</summary>
    public static RetirementSchedule Apply(this RetirementSchedule computed, RetirementDecision? decision) =>
        decision is null ? computed : computed with
        {
            RetiresOn = decision.PensionFrom.AddDays(-1),
            PensionFrom = decision.PensionFrom,
            ComputedPensionFrom = computed.PensionFrom,
            DecisionText = decision.DecisionText,
        };
}
