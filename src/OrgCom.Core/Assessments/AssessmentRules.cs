using OrgCom.Core.Common;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Assessments;

/// <summary>What the rules need to know about one member on the roster, loaded by the caller.</summary>
public sealed record MemberFacts(
    long MemberId, string FullName, bool IsProbationary, DateOnly? AdmittedOn, bool DisciplinedInPeriod, RatingInput Rating);

/// <summary>What the rules need to know about one organization the assessment rates (directly under it): when it was
/// established (a merge or split that formed it establishes it on its date), its level or the reason it is not rated.</summary>
public sealed record OrganizationFacts(
    long OrganizationId, string Name, DateOnly EstablishedOn, QualityLevel? Level, OrganizationNotRatedReason? NotRatedReason = null,
    DateOnly? DissolvedOn = null);

/// <summary>
/// One rule's verdict on an assessment: a refusal (<see cref="Blocks"/>) or a warning, what it concerns
/// (<see cref="SubjectIds"/>: members, or for the rules on organizations' ratings the organizations rated), the
/// regulation it rests on, and the leader's override when one was given.
/// </summary>
public sealed record RuleFinding(
    string Code, string? RuleKey, string Message, RuleCitation? Citation, bool Blocks, bool Overridable,
    IReadOnlyList<long> SubjectIds, RuleOverride? Override)
{
    /// <summary>"Message. Theo … (hiệu lực từ …)".</summary>
    public override string ToString() => Citation is null ? Message : $"{Message} {Citation}.";
}

public sealed record AssessmentCheck(IReadOnlyList<RuleFinding> Findings)
{
    /// <summary>Refusals not overridden: submission is refused while there is one.</summary>
    public IReadOnlyList<RuleFinding> Blocking => Findings.Where(f => f.Blocks && f.Override is null).ToList();
    public IReadOnlyList<RuleFinding> Overridden => Findings.Where(f => f.Override is not null).ToList();
    public IReadOnlyList<RuleFinding> Warnings => Findings.Where(f => !f.Blocks).ToList();
}

/// <summary>
/// The rules an assessment is checked against when it is submitted (and shown while it is entered), each a rule
/// value with its effective date and source — never a constant here. The version in force on the last day of the
/// period assessed applies.
/// </summary>
public static class AssessmentRules
{
    public const string IncompleteCode = "assessment.incomplete";

    /// <summary>The rule values the check needs in force on the period's last day (the point bands are optional).</summary>
    public static readonly IReadOnlyList<string> RequiredKeys =
    [
        RuleKey.AssessmentNewlyAdmittedMonths, RuleKey.AssessmentProbationaryMaxLevel, RuleKey.AssessmentDisciplinedMaxLevel,
        RuleKey.AssessmentExcellentCapPercentOfGood, RuleKey.AssessmentOrganizationExcellentCapPercentOfGood,
    ];

    /// <summary>The rules whose finding a leader may let stand with a written reason; the others cannot be overridden.</summary>
    public static readonly IReadOnlyList<string> OverridableKeys =
    [
        RuleKey.AssessmentExcellentCapPercentOfGood, RuleKey.AssessmentProbationaryMaxLevel, RuleKey.AssessmentDisciplinedMaxLevel,
        RuleKey.AssessmentOrganizationExcellentCapPercentOfGood,
    ];

    /// <summary>Refuses a period the rule data does not cover: its assessments could not be checked.</summary>
    public static Result Covers(RuleBook rules, DateOnly periodTo) =>
        rules.MissingOn(periodTo, RequiredKeys) is { Count: > 0 } missing
            ? AssessmentErrors.RulesMissing(missing, periodTo)
            : Result.Ok();

    /// <param name="isGrassroots">The organization is a grassroots one (chi bộ cơ sở, đảng bộ cơ sở, đảng bộ xã): the
    /// cap on "xuất sắc" binds there; in a cell under it, the same count is only a warning.</param>
    /// <param name="subordinateMembers">For a grassroots committee, the members rated in its cells: they count towards
    /// the cap, their other rules were checked when each cell submitted.</param>
    /// <param name="organizationRatings">The organizations directly under this one with the level this assessment gives
    /// them (or the reason it does not): "xuất sắc" among them is capped like members', and "mới thành lập" is checked
    /// against <see cref="RuleKey.AssessmentOrganizationNewMonths"/>.</param>
    public static AssessmentCheck Check(IReadOnlyList<MemberFacts> members, bool isGrassroots, DateOnly periodTo,
        RuleBook rules, IReadOnlyList<RuleOverride> overrides, IReadOnlyList<MemberFacts>? subordinateMembers = null,
        IReadOnlyList<OrganizationFacts>? organizationRatings = null)
    {
        var findings = new List<RuleFinding>();
        RuleFinding With(RuleFinding f) => f.Overridable && overrides.FirstOrDefault(o => o.Covers(f)) is { } o
            ? f with { Override = o }
            : f;

        var undecided = members.Where(m => m.Rating.FinalLevel is null && m.Rating.NotAssessedReason is null).ToList();
        if (undecided.Count > 0)
            findings.Add(new RuleFinding(IncompleteCode, null,
                $"Còn {undecided.Count} đảng viên chưa có mức xếp loại cuối cùng và chưa ghi lý do không đánh giá: {Names(undecided)}.",
                null, Blocks: true, Overridable: false, Ids(undecided), null));

        var newlyMonths = rules.Get(RuleKey.AssessmentNewlyAdmittedMonths, periodTo);
        var newlyLimit = periodTo.AddDays(1).AddMonths(-newlyMonths.AsInt());
        var wronglyExcused = members.Where(m => m.Rating.NotAssessedReason == NotAssessedReason.NewlyAdmitted
            && m.AdmittedOn is { } a && a < newlyLimit).ToList();
        if (wronglyExcused.Count > 0)
            findings.Add(new RuleFinding("assessment.newly_admitted.reason", newlyMonths.Key,
                $"Đã vào Đảng từ {newlyMonths.AsInt()} tháng trở lên tính đến {DateText.Format(periodTo)} nên phải đánh giá, không ghi lý do \"mới kết nạp\": {Names(wronglyExcused)}.",
                newlyMonths.Citation, Blocks: true, Overridable: false, Ids(wronglyExcused), null));
        var newlyRated = members.Where(m => m.Rating.FinalLevel is not null && m.AdmittedOn is { } a && a >= newlyLimit).ToList();
        if (newlyRated.Count > 0)
            findings.Add(new RuleFinding("assessment.newly_admitted.rated", newlyMonths.Key,
                $"Vào Đảng chưa đủ {newlyMonths.AsInt()} tháng tính đến {DateText.Format(periodTo)}, không bắt buộc đánh giá (có thể ghi lý do không đánh giá): {Names(newlyRated)}.",
                newlyMonths.Citation, Blocks: false, Overridable: false, Ids(newlyRated), null));

        findings.AddRange(LevelLimit(members, m => m.IsProbationary, RuleKey.AssessmentProbationaryMaxLevel, periodTo, rules,
            "assessment.probationary", "Đảng viên dự bị").Select(With));
        findings.AddRange(LevelLimit(members, m => m.DisciplinedInPeriod, RuleKey.AssessmentDisciplinedMaxLevel, periodTo, rules,
            "assessment.disciplined", "Đảng viên bị kỷ luật trong kỳ").Select(With));

        var cap = rules.Get(RuleKey.AssessmentExcellentCapPercentOfGood, periodTo);
        var counted = members.Concat(subordinateMembers ?? []).ToList();
        var excellent = counted.Where(m => m.Rating.FinalLevel == QualityLevel.Excellent).ToList();
        var good = counted.Count(m => m.Rating.FinalLevel == QualityLevel.Good);
        var allowed = MaxExcellent(good, cap.AsInt());
        if (excellent.Count > allowed)
            findings.Add(With(new RuleFinding("assessment.excellent_cap", cap.Key,
                $"Có {excellent.Count} đảng viên xếp loại \"Hoàn thành xuất sắc nhiệm vụ\", vượt quá {cap.AsInt()}% số đảng viên xếp loại \"Hoàn thành tốt nhiệm vụ\" ({good} người, tối đa {allowed} người xuất sắc)"
                + (isGrassroots ? "." : "; giới hạn áp dụng trong toàn tổ chức cơ sở, cấp ủy cơ sở sẽ cân đối."),
                cap.Citation, Blocks: isGrassroots, Overridable: isGrassroots, Ids(excellent), null)));

        // Organizations rated by this level.
        if (organizationRatings is { Count: > 0 })
        {
            var orgCap = rules.Get(RuleKey.AssessmentOrganizationExcellentCapPercentOfGood, periodTo);
            findings.AddRange(NewOrganizations(organizationRatings, periodTo, rules));
            var excellentOrgs = organizationRatings.Where(o => o.Level == QualityLevel.Excellent).Select(o => o.OrganizationId).ToList();
            var goodOrgs = organizationRatings.Count(o => o.Level == QualityLevel.Good);
            var allowedOrgs = MaxExcellent(goodOrgs, orgCap.AsInt());
            if (excellentOrgs.Count > allowedOrgs)
                findings.Add(With(new RuleFinding("assessment.organization_excellent_cap", orgCap.Key,
                    $"Có {excellentOrgs.Count} tổ chức đảng trực thuộc xếp loại \"Hoàn thành xuất sắc nhiệm vụ\", vượt quá {orgCap.AsInt()}% số tổ chức xếp loại \"Hoàn thành tốt nhiệm vụ\" ({goodOrgs} tổ chức, tối đa {allowedOrgs} tổ chức xuất sắc).",
                    orgCap.Citation, Blocks: true, Overridable: true, excellentOrgs, null)));
        }

        // The point bands came with Quy định 366-QĐ/TW; periods before it have none to compare with.
        if (rules.TryGet(RuleKey.AssessmentPointBands, periodTo, out var bands))
        {
            var mismatched = members.Where(m => m.Rating is { Points: { } p, FinalLevel: { } l } && LevelForPoints(p, bands.AsIntList()) != l).ToList();
            if (mismatched.Count > 0)
                findings.Add(new RuleFinding("assessment.point_bands", bands.Key,
                    $"Mức xếp loại không khớp khung điểm ({BandText(bands.AsIntList())}): {Names(mismatched)}.",
                    bands.Citation, Blocks: false, Overridable: false, Ids(mismatched), null));
        }
        return new AssessmentCheck(findings);
    }

    /// <summary>
    /// The first day from which an organization established counts as "mới thành lập" for a period ending on
    /// <paramref name="periodTo"/>: established on or after it, it has fewer than the rule's months at the end of the
    /// period (same reckoning as a newly admitted member). Null when no rule value is in force on that day: then
    /// nothing is proposed nor checked.
    /// </summary>
    public static (DateOnly Since, RuleValue Rule)? NewOrganizationSince(DateOnly periodTo, RuleBook rules) =>
        rules.TryGet(RuleKey.AssessmentOrganizationNewMonths, periodTo, out var months)
            ? (periodTo.AddDays(1).AddMonths(-months.AsInt()), months)
            : null;

    /// <summary>The reason proposed for not rating an organization when the roster is built: "đã giải thể" for one
    /// dissolved by the period's end, "mới thành lập" for one established under the rule's months before it, otherwise
    /// none (it is rated).</summary>
    public static OrganizationNotRatedReason? ProposeNotRated(DateOnly establishedOn, DateOnly periodTo, RuleBook rules, DateOnly? dissolvedOn = null) =>
        dissolvedOn is { } d && d <= periodTo ? OrganizationNotRatedReason.Dissolved
        : NewOrganizationSince(periodTo, rules) is { } limit && establishedOn >= limit.Since ? OrganizationNotRatedReason.NewlyFormed
        : null;

    private static IEnumerable<RuleFinding> NewOrganizations(IReadOnlyList<OrganizationFacts> organizations, DateOnly periodTo, RuleBook rules)
    {
        var undecided = organizations.Where(o => o.Level is null && o.NotRatedReason is null).ToList();
        if (undecided.Count > 0)
            yield return new RuleFinding("assessment.organizations.incomplete", null,
                $"Còn {undecided.Count} tổ chức trực thuộc chưa được xếp loại và chưa ghi lý do không xếp loại: {OrganizationNames(undecided)}.",
                null, Blocks: true, Overridable: false, undecided.Select(o => o.OrganizationId).ToList(), null);
        var notDissolved = organizations.Where(o => o.NotRatedReason == OrganizationNotRatedReason.Dissolved && o.DissolvedOn is null).ToList();
        if (notDissolved.Count > 0)
            yield return new RuleFinding("assessment.organization_dissolved.reason", null,
                $"Chưa giải thể nên phải xếp loại hoặc ghi lý do khác, không ghi lý do \"đã giải thể\": {OrganizationNames(notDissolved)}.",
                null, Blocks: true, Overridable: false, notDissolved.Select(o => o.OrganizationId).ToList(), null);
        if (NewOrganizationSince(periodTo, rules) is not { } limit)
            yield break;
        var months = limit.Rule.AsInt();
        var wronglyExcused = organizations.Where(o => o.NotRatedReason == OrganizationNotRatedReason.NewlyFormed && o.EstablishedOn < limit.Since).ToList();
        if (wronglyExcused.Count > 0)
            yield return new RuleFinding("assessment.organization_new.reason", limit.Rule.Key,
                $"Đã thành lập từ {months} tháng trở lên tính đến {DateText.Format(periodTo)} nên phải xếp loại, không ghi lý do \"mới thành lập\": {OrganizationNames(wronglyExcused)}.",
                limit.Rule.Citation, Blocks: true, Overridable: false, wronglyExcused.Select(o => o.OrganizationId).ToList(), null);
        var newRated = organizations.Where(o => o.Level is not null && o.EstablishedOn >= limit.Since).ToList();
        if (newRated.Count > 0)
            yield return new RuleFinding("assessment.organization_new.rated", limit.Rule.Key,
                $"Thành lập chưa đủ {months} tháng tính đến {DateText.Format(periodTo)}, không xếp loại (ghi lý do \"mới thành lập\"): {OrganizationNames(newRated)}.",
                limit.Rule.Citation, Blocks: false, Overridable: false, newRated.Select(o => o.OrganizationId).ToList(), null);
    }

    private static string OrganizationNames(IReadOnlyList<OrganizationFacts> organizations) =>
        organizations.Count <= 10
            ? string.Join(", ", organizations.Select(o => o.Name))
            : string.Join(", ", organizations.Take(10).Select(o => o.Name)) + $" và {organizations.Count - 10} tổ chức khác";

    /// <summary>How many "xuất sắc" the cap allows for <paramref name="good"/> "tốt": the whole part of percent × good,
    /// never rounded up (20% of 4 allows none, of 5 allows one).</summary>
    public static int MaxExcellent(int good, int percent) => good * percent / 100;

    /// <summary>The level the points fall in, with the bands' lower limits best first (90, 70, 50).</summary>
    public static QualityLevel LevelForPoints(decimal points, IReadOnlyList<int> lowerLimits)
    {
        for (var i = 0; i < lowerLimits.Count && i < 3; i++)
            if (points >= lowerLimits[i])
                return QualityLevels.All[i];
        return QualityLevel.NotCompleted;
    }

    private static string BandText(IReadOnlyList<int> b) => b.Count >= 3
        ? $"xuất sắc từ {b[0]}, tốt từ {b[1]}, hoàn thành từ {b[2]} điểm"
        : string.Join(", ", b);

    private static IEnumerable<RuleFinding> LevelLimit(IReadOnlyList<MemberFacts> members, Func<MemberFacts, bool> applies,
        string key, DateOnly periodTo, RuleBook rules, string code, string who)
    {
        var rule = rules.Get(key, periodTo);
        var limit = Enum.Parse<QualityLevel>(rule.AsList()[0]);
        var above = members.Where(m => applies(m) && m.Rating.FinalLevel is { } l && l.IsAbove(limit)).ToList();
        if (above.Count > 0)
            yield return new RuleFinding(code, key,
                $"{who} chỉ được xếp loại cao nhất là \"{limit.DisplayName()}\": {Names(above)}.",
                rule.Citation, Blocks: true, Overridable: true, Ids(above), null);
    }

    private static string Names(IEnumerable<MemberFacts> members)
    {
        var list = members.Select(m => m.FullName).ToList();
        return list.Count <= 10 ? string.Join(", ", list) : string.Join(", ", list.Take(10)) + $" và {list.Count - 10} người khác";
    }

    private static IReadOnlyList<long> Ids(IEnumerable<MemberFacts> members) => members.Select(m => m.MemberId).ToList();
}
