using OrgCom.Core.Common;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Members.Rules;

public enum AdmissionAgeOutcome
{
    /// <summary>Within the admission age range.</summary>
    Eligible,
    /// <summary>Not yet the minimum age: refused.</summary>
    TooYoung,
    /// <summary>Over the maximum age: only the committee directly under the Centre may decide, so it needs an override.</summary>
    RequiresOverride,
}

/// <param name="AgeInFullMonths">Age in completed months at the date the cell considers the admission.</param>
/// <param name="Message">What the user reads, in Vietnamese, with the age as "x tuổi y tháng".</param>
/// <param name="Citations">The rules that produced the outcome, to show beneath the message.</param>
public sealed record AdmissionAgeResult(
    AdmissionAgeOutcome Outcome, int AgeInFullMonths, string Message, IReadOnlyList<RuleCitation> Citations)
{
    public bool IsEligible => Outcome == AdmissionAgeOutcome.Eligible;
}

/// <summary>
/// The age condition for admission: from the minimum (18 years) to the maximum (60 years) in completed months at the
/// date the cell considers (chi bộ xét); exactly the maximum is still within range, one month more is not.
/// </summary>
public static class AdmissionAgeCheck
{
    public static AdmissionAgeResult Check(DateOnly birthDate, bool yearOnly, DateOnly considerationDate, RuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var min = rules.Get(RuleKey.AdmissionMinAgeMonths, considerationDate);
        var max = rules.Get(RuleKey.AdmissionMaxAgeMonths, considerationDate);
        var minMonths = min.AsInt();
        var maxMonths = max.AsInt();
        var birth = Age.EffectiveBirthDate(birthDate, yearOnly);
        var on = DateText.Format(considerationDate);
        var counted = yearOnly
            ? $"tính đủ tháng; chỉ biết năm sinh nên tính từ ngày 01/01/{birth.Year}"
            : "tính đủ tháng";

        if (considerationDate < birth)
            return new(AdmissionAgeOutcome.TooYoung, 0,
                $"Ngày chi bộ xét kết nạp ({on}) trước ngày sinh ({DateText.Format(birth)}); hãy kiểm tra lại ngày sinh.",
                [min.Citation]);

        var age = Age.InFullMonths(birth, false, considerationDate);
        if (age < minMonths)
            return new(AdmissionAgeOutcome.TooYoung, age,
                $"Chưa đủ {Age.DescribeLimit(minMonths)}: tại ngày chi bộ xét kết nạp ({on}) mới {Age.Describe(age)} ({counted}); "
                + $"đủ {Age.DescribeLimit(minMonths)} vào ngày {DateText.Format(birth.AddMonths(minMonths))}.",
                [min.Citation]);
        if (age > maxMonths)
            return new(AdmissionAgeOutcome.RequiresOverride, age,
                $"Trên {Age.DescribeLimit(maxMonths)}: tại ngày chi bộ xét kết nạp ({on}) đã {Age.Describe(age)} ({counted}); "
                + "việc kết nạp do cấp ủy trực thuộc Trung ương xem xét, quyết định.",
                [max.Citation]);
        return new(AdmissionAgeOutcome.Eligible, age,
            $"Tại ngày chi bộ xét kết nạp ({on}) người vào Đảng {Age.Describe(age)} ({counted}), "
            + $"trong độ tuổi kết nạp từ đủ {Age.DescribeLimit(minMonths)} đến {Age.DescribeLimit(maxMonths)}.",
            [min.Citation, max.Citation]);
    }
}
