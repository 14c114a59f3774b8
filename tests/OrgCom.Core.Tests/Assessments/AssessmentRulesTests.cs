using OrgCom.Core.Assessments;
using OrgCom.Core.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Assessments;

public class AssessmentRulesTests
{
    private static readonly DateOnly End2025 = new(2025, 12, 31);
    private static readonly DateOnly End2024 = new(2024, 12, 31);
    private static RuleBook Rules => ReferenceData.Rules;

    /// <summary>Members from a compact code per member: level digit 1–4 (or '-' undecided, 'n' newly admitted excused),
    /// then flags: 'p' probationary, 'd' disciplined, 'r' admitted recently (within 6 months of the period end).</summary>
    private static List<MemberFacts> Members(string codes, DateOnly periodEnd) => codes
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select((code, i) =>
        {
            var level = code[0] switch { '-' or 'n' => (QualityLevel?)null, var c => QualityLevels.All[c - '1'] };
            var reason = code[0] == 'n' ? NotAssessedReason.NewlyAdmitted : (NotAssessedReason?)null;
            var admitted = code.Contains('r') ? periodEnd.AddMonths(-2) : periodEnd.AddYears(-5);
            return new MemberFacts(i + 1, $"Đảng viên {i + 1}", code.Contains('p'), admitted, code.Contains('d'),
                RatingInput.Empty with { FinalLevel = level, NotAssessedReason = reason });
        }).ToList();

    private static AssessmentCheck Check(string codes, bool grassroots = true, DateOnly? end = null, params RuleOverride[] overrides) =>
        AssessmentRules.Check(Members(codes, end ?? End2025), grassroots, end ?? End2025, Rules, overrides);

    [Theory]
    // good, percent → the whole part, never rounded up
    [InlineData(0, 20, 0)]
    [InlineData(4, 20, 0)]
    [InlineData(5, 20, 1)]
    [InlineData(9, 20, 1)]
    [InlineData(10, 20, 2)]
    [InlineData(60, 20, 12)]
    [InlineData(7, 50, 3)]
    public void The_cap_allows_the_whole_part_of_the_percentage(int good, int percent, int allowed) =>
        Assert.Equal(allowed, AssessmentRules.MaxExcellent(good, percent));

    [Theory]
    // codes, grassroots, blocks?
    [InlineData("1 2 2 2 2 2", true, false)]        // 1 of 5 good: at the cap
    [InlineData("1 1 2 2 2 2 2", true, true)]       // 2 of 5 good: over
    [InlineData("1 2 2 2 2", true, true)]           // 4 good allow none
    [InlineData("1 2 2 2 2", false, false)]         // in a cell under a grassroots committee only a warning
    [InlineData("3 3 3 4", true, false)]            // no excellent at all
    [InlineData("1 1 2 2 2 2 2 2 2 2 2 2", true, false)] // 10 good allow 2
    public void Excellent_members_are_capped_in_a_grassroots_organization(string codes, bool grassroots, bool blocks)
    {
        var check = Check(codes, grassroots);
        var cap = check.Findings.SingleOrDefault(f => f.Code == "assessment.excellent_cap");
        Assert.Equal(blocks, check.Blocking.Any(f => f.Code == "assessment.excellent_cap"));
        if (!grassroots && cap is not null)
            Assert.False(cap.Blocks);
        if (cap is not null)
        {
            Assert.Equal(RuleKey.AssessmentExcellentCapPercentOfGood, cap.RuleKey);
            Assert.Contains("Quy định 366-QĐ/TW", cap.Citation!.ToString());
        }
    }

    [Theory]
    // own members, the cells' members → the cap blocks?
    [InlineData("", "1 2 2 2 2 2", false)]
    [InlineData("", "1 1 2 2 2 2 2", true)]
    [InlineData("1", "2 2 2 2", true)]
    [InlineData("1", "2 2 2 2 2", false)]
    public void A_grassroots_committee_counts_the_members_of_its_cells_towards_the_cap(string own, string below, bool blocks)
    {
        var check = AssessmentRules.Check(Members(own, End2025), true, End2025, Rules, [], Members(below, End2025).Select(m => m with { MemberId = m.MemberId + 100 }).ToList());
        Assert.Equal(blocks, check.Blocking.Any(f => f.Code == "assessment.excellent_cap"));
    }

    [Fact]
    public void The_cells_members_are_not_checked_again_for_their_own_rules()
    {
        var below = Members("2d -", End2025);
        Assert.Empty(AssessmentRules.Check([], true, End2025, Rules, [], below).Findings);
    }

    [Fact]
    public void The_cap_cites_the_version_in_force_at_the_end_of_the_period()
    {
        var cap = Check("1 2", end: End2024).Findings.Single(f => f.Code == "assessment.excellent_cap");
        Assert.Contains("124-QĐ/TW", cap.Citation!.Source);
        Assert.False(cap.Citation.IsConfirmed);
    }

    [Theory]
    [InlineData("1p 2 2 2 2 2", "assessment.probationary", true)]
    [InlineData("2p", "assessment.probationary", false)]
    [InlineData("3p", "assessment.probationary", false)]
    [InlineData("2d", "assessment.disciplined", true)]
    [InlineData("1d 2 2 2 2 2", "assessment.disciplined", true)]
    [InlineData("3d", "assessment.disciplined", false)]
    [InlineData("4d", "assessment.disciplined", false)]
    [InlineData("2pd", "assessment.disciplined", true)]
    [InlineData("2pd", "assessment.probationary", false)]
    public void Probationary_and_disciplined_members_are_not_rated_above_the_rule(string codes, string code, bool refused)
    {
        var check = Check(codes);
        Assert.Equal(refused, check.Blocking.Any(f => f.Code == code));
        if (refused)
            Assert.Contains(1L, check.Blocking.Single(f => f.Code == code).SubjectIds);
    }

    [Theory]
    [InlineData("2 -", true)]
    [InlineData("2 n", true)]    // excused as newly admitted though admitted five years ago
    [InlineData("2 nr", false)]  // excused as newly admitted, rightly
    [InlineData("2 2r", false)]  // a newly admitted member may still be rated: a warning only
    public void Every_member_is_rated_or_rightly_excused(string codes, bool refused)
    {
        var check = Check(codes);
        Assert.Equal(refused, check.Blocking.Count > 0);
        Assert.All(check.Blocking, f => Assert.False(f.Overridable));
    }

    [Fact]
    public void A_newly_admitted_member_who_is_rated_gets_a_warning() =>
        Assert.Contains(Check("2 2r").Warnings, f => f.Code == "assessment.newly_admitted.rated");

    [Fact]
    public void A_leaders_override_lets_the_finding_stand_and_keeps_it_visible()
    {
        var reason = new RuleOverride(RuleKey.AssessmentExcellentCapPercentOfGood, "Chi bộ có thành tích đặc biệt", "lanhdao", DateTimeOffset.UnixEpoch, [1, 2]);
        var check = Check("1 1 2 2 2 2 2", overrides: reason);
        Assert.Empty(check.Blocking);
        Assert.Equal(reason, Assert.Single(check.Overridden).Override);
    }

    [Fact]
    public void An_override_of_another_rule_or_of_an_incomplete_roster_changes_nothing()
    {
        var other = new RuleOverride(RuleKey.AssessmentDisciplinedMaxLevel, "lý do bất kỳ dài đủ", "lanhdao", DateTimeOffset.UnixEpoch, [1, 2]);
        Assert.Single(Check("1 1 2 2 2 2 2", overrides: other).Blocking);
        Assert.Single(Check("2 -", overrides: other).Blocking);
    }

    [Theory]
    // codes, members the override named, blocks?
    [InlineData("1 1 2 2 2 2 2", "1 2", false)]       // the same two "xuất sắc" as when it was given
    [InlineData("1 1 2 2 2 2 2", "1 2 3", false)]     // fewer than it allowed
    [InlineData("1 1 1 2 2 2 2 2", "1 2", true)]      // one more "xuất sắc" since: a new override is needed
    [InlineData("1 2 1 2 2 2 2", "1 2", true)]        // a different member rated "xuất sắc" instead
    [InlineData("1 1 2 2 2 2 2", "", true)]           // an override stored without its members covers nobody
    public void An_override_covers_the_members_the_finding_named_when_it_was_given(string codes, string named, bool blocks)
    {
        var ids = named.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var reason = new RuleOverride(RuleKey.AssessmentExcellentCapPercentOfGood, "Chi bộ có thành tích đặc biệt", "lanhdao",
            DateTimeOffset.UnixEpoch, ids.Count == 0 ? null : ids);
        Assert.Equal(blocks, Check(codes, overrides: reason).Blocking.Count > 0);
    }

    [Theory]
    // organization levels (1–4, '-' not rated yet), period end year, blocks?
    [InlineData("1 2 2 2 2 2", 2025, false)]          // 1 of 5 "tốt": at the cap
    [InlineData("1 1 2 2 2 2 2", 2025, true)]         // 2 of 5: over
    [InlineData("1 2 2 2 2", 2025, true)]             // 4 "tốt" allow none
    [InlineData("1 1 2 2 2 2 2 2 2 2 2 2", 2025, false)]
    [InlineData("2 3 4 -", 2025, false)]              // no "xuất sắc"
    [InlineData("1 2 2 2 2", 2020, true)]             // 2019 guidance
    public void Excellent_organizations_are_capped_among_those_one_level_rates(string levels, int year, bool blocks)
    {
        var end = new DateOnly(year, 12, 31);
        var ratings = levels.Split(' ').Select((c, i) => new OrganizationFacts(100L + i, $"Chi bộ {i + 1}", new DateOnly(2015, 1, 1),
            c == "-" ? null : QualityLevels.All[c[0] - '1'])).ToList();
        var check = AssessmentRules.Check(Members("2 2", end), true, end, Rules, [], null, ratings);
        var finding = check.Findings.SingleOrDefault(f => f.Code == "assessment.organization_excellent_cap");
        Assert.Equal(blocks, finding is not null);
        if (finding is null)
            return;
        Assert.True(finding.Blocks && finding.Overridable);
        Assert.Equal(ratings.Where(r => r.Level == QualityLevel.Excellent).Select(r => r.OrganizationId), finding.SubjectIds);
        Assert.Contains(year >= 2025 ? "366-QĐ/TW" : "21-HD/BTCTW", finding.ToString());
        var reason = new RuleOverride(RuleKey.AssessmentOrganizationExcellentCapPercentOfGood, "Đảng bộ có thành tích đặc biệt", "lanhdao",
            DateTimeOffset.UnixEpoch, finding.SubjectIds);
        Assert.Empty(AssessmentRules.Check(Members("2 2", end), true, end, Rules, [reason], null, ratings).Blocking);
    }

    [Theory]
    // established on, period end → proposed "mới thành lập"? (6 months, Hướng dẫn 43-HD/BTCTW from 31/10/2025; same
    // reckoning as a newly admitted member: established on or after the day after the period end less 6 months;
    // earlier periods: Hướng dẫn 21-HD/BTCTW, same value, unconfirmed)
    [InlineData("2025-06-30", "2025-12-31", false)]
    [InlineData("2025-07-01", "2025-12-31", true)]
    [InlineData("2025-12-31", "2025-12-31", true)]
    [InlineData("2019-01-01", "2025-12-31", false)]
    [InlineData("2025-09-30", "2026-03-31", false)]   // a quarter: 6 months before 01/04/2026 is 01/10/2025
    [InlineData("2025-10-01", "2026-03-31", true)]
    [InlineData("2024-12-01", "2024-12-31", true)]
    [InlineData("2024-06-30", "2024-12-31", false)]
    public void A_newly_formed_organization_is_proposed_not_rated(string established, string periodEnd, bool proposed)
    {
        var reason = AssessmentRules.ProposeNotRated(DateOnly.Parse(established), DateOnly.Parse(periodEnd), Rules);
        Assert.Equal(proposed ? OrganizationNotRatedReason.NewlyFormed : null, reason);
    }

    [Theory]
    // established, dissolved, period end → proposal ("" none)
    [InlineData("2020-01-01", "2025-05-31", "2025-12-31", "Dissolved")]
    [InlineData("2025-09-01", "2025-11-30", "2025-12-31", "Dissolved")]    // new and dissolved: dissolved wins
    [InlineData("2020-01-01", "2025-12-31", "2025-12-31", "Dissolved")]    // on the last day
    [InlineData("2020-01-01", "2026-01-15", "2025-12-31", "")]             // after the period: it existed all along
    [InlineData("2025-09-01", null, "2025-12-31", "NewlyFormed")]
    [InlineData("2020-01-01", null, "2025-12-31", "")]
    public void A_dissolved_or_newly_formed_organization_is_proposed_not_rated(string established, string? dissolved, string periodEnd, string expected)
    {
        var reason = AssessmentRules.ProposeNotRated(DateOnly.Parse(established), DateOnly.Parse(periodEnd), Rules,
            dissolved is null ? null : DateOnly.Parse(dissolved));
        Assert.Equal(expected == "" ? null : Enum.Parse<OrganizationNotRatedReason>(expected), reason);
    }

    [Theory]
    // established on [dissolved on], level (1–4 or '-'), reason → finding code expected ("" none), blocks?
    [InlineData("2025-09-01", "-", OrganizationNotRatedReason.NewlyFormed, "", false)]
    [InlineData("2024-01-01", "-", OrganizationNotRatedReason.NewlyFormed, "assessment.organization_new.reason", true)]
    [InlineData("2025-09-01", "2", null, "assessment.organization_new.rated", false)]
    [InlineData("2024-01-01", "2", null, "", false)]
    [InlineData("2024-01-01", "-", null, "assessment.organizations.incomplete", true)]
    [InlineData("2024-01-01", "-", OrganizationNotRatedReason.Other, "", false)]
    [InlineData("2024-01-01", "-", OrganizationNotRatedReason.Reorganizing, "", false)]
    [InlineData("2024-01-01", "-", OrganizationNotRatedReason.Dissolved, "assessment.organization_dissolved.reason", true)]
    [InlineData("2024-01-01 2025-06-30", "-", OrganizationNotRatedReason.Dissolved, "", false)]
    public void Organizations_not_rated_are_checked_against_the_new_organization_rule(string established, string level,
        OrganizationNotRatedReason? reason, string code, bool blocks)
    {
        var dates = established.Split(' ');
        var facts = new List<OrganizationFacts>
        {
            new(100, "Chi bộ cũ", new DateOnly(2010, 1, 1), QualityLevel.Good),
            new(101, "Chi bộ Mới", DateOnly.Parse(dates[0]), level == "-" ? null : QualityLevels.All[level[0] - '1'], reason,
                dates.Length > 1 ? DateOnly.Parse(dates[1]) : null),
        };
        var check = AssessmentRules.Check(Members("2 2", End2025), true, End2025, Rules, [], null, facts);
        var found = check.Findings.Where(f => f.Code.StartsWith("assessment.organization_new", StringComparison.Ordinal)
            || f.Code == "assessment.organizations.incomplete" || f.Code == "assessment.organization_dissolved.reason").ToList();
        if (code == "")
        {
            Assert.Empty(found);
            return;
        }
        var finding = Assert.Single(found);
        Assert.Equal(code, finding.Code);
        Assert.Equal(blocks, finding.Blocks);
        Assert.False(finding.Overridable);
        Assert.Equal([101L], finding.SubjectIds);
        Assert.Contains("Chi bộ Mới", finding.Message);
        if (finding.RuleKey is not null)
        {
            Assert.Equal(RuleKey.AssessmentOrganizationNewMonths, finding.RuleKey);
            Assert.Contains("43-HD/BTCTW", finding.ToString());
            Assert.Contains("chưa được xác nhận", finding.ToString());
        }
    }

    [Fact]
    public void Without_a_new_organization_rule_in_force_nothing_is_proposed_nor_checked()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ReferenceData.Read("rules.json"))!.AsArray();
        foreach (var entry in json.Where(e => (string?)e!["key"] == RuleKey.AssessmentOrganizationNewMonths).ToList())
            json.Remove(entry);
        var without = RuleBookJson.Parse(json.ToJsonString());
        var facts = new List<OrganizationFacts> { new(101, "Chi bộ A", new DateOnly(2010, 1, 1), null, OrganizationNotRatedReason.NewlyFormed) };
        var check = AssessmentRules.Check(Members("2 2", End2025), true, End2025, without, [], null, facts);
        Assert.DoesNotContain(check.Findings, f => f.RuleKey == RuleKey.AssessmentOrganizationNewMonths);
        Assert.Null(AssessmentRules.ProposeNotRated(new DateOnly(2025, 12, 1), End2025, without));
        Assert.Null(AssessmentRules.NewOrganizationSince(End2025, without));
        Assert.Equal(new DateOnly(2025, 7, 1), AssessmentRules.NewOrganizationSince(End2025, Rules)!.Value.Since);
        Assert.Equal(new DateOnly(2024, 7, 1), AssessmentRules.NewOrganizationSince(End2024, Rules)!.Value.Since);
        Assert.Contains("43-HD/BTCTW", AssessmentRules.NewOrganizationSince(End2025, Rules)!.Value.Rule.Citation.ToString());
        Assert.Contains("21-HD/BTCTW", AssessmentRules.NewOrganizationSince(End2024, Rules)!.Value.Rule.Citation.ToString());
        Assert.False(AssessmentRules.NewOrganizationSince(End2025, Rules)!.Value.Rule.IsConfirmed);
    }

    [Fact]
    public void A_probationary_override_for_one_member_does_not_cover_another()
    {
        var first = Check("1p 2 2 2 2 2");
        var finding = Assert.Single(first.Blocking, f => f.RuleKey == RuleKey.AssessmentProbationaryMaxLevel);
        var reason = new RuleOverride(RuleKey.AssessmentProbationaryMaxLevel, "Có thành tích đặc biệt trong năm", "lanhdao",
            DateTimeOffset.UnixEpoch, finding.SubjectIds);
        Assert.DoesNotContain(Check("1p 2 2 2 2 2", overrides: reason).Blocking, f => f.RuleKey == RuleKey.AssessmentProbationaryMaxLevel);
        // Two probationary "xuất sắc" (10 "tốt" allow two, so only the probationary rule speaks): the second is not covered.
        Assert.Contains(Check("1p 1p 2 2 2 2 2 2 2 2 2 2", overrides: reason).Blocking, f => f.RuleKey == RuleKey.AssessmentProbationaryMaxLevel);
    }

    [Theory]
    [InlineData(95, QualityLevel.Excellent)]
    [InlineData(90, QualityLevel.Excellent)]
    [InlineData(89.99, QualityLevel.Good)]
    [InlineData(70, QualityLevel.Good)]
    [InlineData(69.5, QualityLevel.Completed)]
    [InlineData(50, QualityLevel.Completed)]
    [InlineData(49, QualityLevel.NotCompleted)]
    [InlineData(0, QualityLevel.NotCompleted)]
    public void Points_fall_in_the_bands(double points, QualityLevel level) =>
        Assert.Equal(level, AssessmentRules.LevelForPoints((decimal)points, Rules.Get(RuleKey.AssessmentPointBands, End2025).AsIntList()));

    [Theory]
    [InlineData(95, QualityLevel.Good, true)]
    [InlineData(75, QualityLevel.Good, false)]
    public void Points_outside_the_levels_band_give_a_warning(double points, QualityLevel level, bool warned)
    {
        var members = new List<MemberFacts> { new(1, "A", false, null, false, RatingInput.Empty with { Points = (decimal)points, FinalLevel = level }) };
        var check = AssessmentRules.Check(members, true, End2025, Rules, []);
        Assert.Equal(warned, check.Warnings.Any(f => f.Code == "assessment.point_bands"));
        Assert.Empty(check.Blocking);
    }

    [Theory]
    [InlineData("Hoàn thành xuất sắc nhiệm vụ", QualityLevel.Excellent)]
    [InlineData("hoan thanh xuat sac nhiem vu", QualityLevel.Excellent)]
    [InlineData("HTXSNV", QualityLevel.Excellent)]
    [InlineData("1", QualityLevel.Excellent)]
    [InlineData(" Xuất  sắc ", QualityLevel.Excellent)]
    [InlineData("Hoàn thành tốt nhiệm vụ", QualityLevel.Good)]
    [InlineData("tốt", QualityLevel.Good)]
    [InlineData("H.T.T.N.V", QualityLevel.Good)]
    [InlineData("Hoàn thành nhiệm vụ", QualityLevel.Completed)]
    [InlineData("3", QualityLevel.Completed)]
    [InlineData("Không hoàn thành nhiệm vụ", QualityLevel.NotCompleted)]
    [InlineData("KHTNV", QualityLevel.NotCompleted)]
    [InlineData("", null)]
    [InlineData("5", null)]
    [InlineData("giỏi", null)]
    public void Levels_are_read_as_people_write_them(string text, QualityLevel? level) =>
        Assert.Equal(level, QualityLevels.Parse(text));
}
