using OrgCom.Core.Assessments;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Tests.Assessments;

public class OrganizationAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly AssessmentCheck Clean = new([]);

    /// <summary>A check showing one overridable finding of <paramref name="key"/> naming <paramref name="members"/>.</summary>
    private static AssessmentCheck Finding(string key, params long[] members) =>
        new([new RuleFinding("x", key, "Vượt quy định.", null, Blocks: true, Overridable: true, members, null)]);

    private static OrganizationAssessment Draft(params long[] members) => OrganizationAssessment.Start(1, 10, members, []);

    private static RatingInput Level(QualityLevel level) => RatingInput.Empty with { FinalLevel = level };

    [Fact]
    public void A_rating_moves_the_counts()
    {
        var a = Draft(1, 2, 3);
        Assert.True(a.Rate(1, Level(QualityLevel.Excellent)).IsSuccess);
        Assert.True(a.Rate(2, Level(QualityLevel.Good)).IsSuccess);
        Assert.True(a.Rate(3, RatingInput.Empty with { NotAssessedReason = NotAssessedReason.Ill }).IsSuccess);
        Assert.Equal((3, 1, 1, 0, 0, 1), (a.RequiredCount, a.ExcellentCount, a.GoodCount, a.CompletedCount, a.NotCompletedCount, a.NotAssessedCount));
        Assert.True(a.Rate(1, Level(QualityLevel.Completed)).IsSuccess);
        Assert.Equal((0, 1), (a.ExcellentCount, a.CompletedCount));
    }

    public static TheoryData<RatingInput, string> BadInputs => new()
    {
        { RatingInput.Empty with { Points = -1 }, "assessment.points" },
        { RatingInput.Empty with { Points = 100.5m }, "assessment.points" },
        { RatingInput.Empty with { FinalLevel = QualityLevel.Good, NotAssessedReason = NotAssessedReason.Away }, "assessment.rated_and_excused" },
        { RatingInput.Empty with { NotAssessedReason = NotAssessedReason.Other }, "assessment.other_reason" },
        { RatingInput.Empty with { Note = new string('x', 501) }, "assessment.note" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_refused_and_changes_nothing(RatingInput input, string code)
    {
        var a = Draft(1);
        a.Rate(1, Level(QualityLevel.Good));
        var result = a.Rate(1, input);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(QualityLevel.Good, a.Members[0].FinalLevel);
    }

    [Fact]
    public void A_member_outside_the_roster_is_refused() =>
        Assert.Equal("assessment.roster", Draft(1).Rate(99, Level(QualityLevel.Good)).Error!.Code);

    [Fact]
    public void A_sheet_is_applied_whole_or_not_at_all()
    {
        var a = Draft(1, 2);
        var result = a.RateAll([(1, QualityLevel.Good, null), (99, QualityLevel.Good, null)]);
        Assert.False(result.IsSuccess);
        Assert.Null(a.Members[0].FinalLevel);
        Assert.True(a.RateAll([(1, QualityLevel.Good, null), (2, QualityLevel.Completed, null)]).IsSuccess);
        Assert.Equal(1, a.CompletedCount);
    }

    [Fact]
    public void A_sheet_sets_the_final_level_and_keeps_what_the_grid_holds()
    {
        var a = Draft(1, 2, 3);
        a.Rate(1, new RatingInput(QualityLevel.Good, QualityLevel.Excellent, 91.5m, null, null, "ghi chú trên lưới"));
        a.Rate(2, new RatingInput(QualityLevel.Completed, null, 70m, QualityLevel.Good, null, "cũ"));
        Assert.True(a.RateAll([(1, QualityLevel.Excellent, "  "), (2, QualityLevel.Completed, "mới")]).IsSuccess);
        Assert.Equal(new RatingInput(QualityLevel.Good, QualityLevel.Excellent, 91.5m, QualityLevel.Excellent, null, "ghi chú trên lưới"), a.Members[0].Input);
        Assert.Equal(new RatingInput(QualityLevel.Completed, null, 70m, QualityLevel.Completed, null, "mới"), a.Members[1].Input);
        Assert.Equal((1, 1), (a.ExcellentCount, a.CompletedCount));
    }

    [Fact]
    public void A_sheet_level_for_a_member_excused_in_the_grid_is_refused_and_changes_nothing()
    {
        var a = Draft(1, 2);
        a.Rate(2, RatingInput.Empty with { NotAssessedReason = NotAssessedReason.Ill });
        var result = a.RateAll([(1, QualityLevel.Good, null), (2, QualityLevel.Good, null)]);
        Assert.Equal("assessment.rated_and_excused", result.Error!.Code);
        Assert.Null(a.Members[0].FinalLevel);
        Assert.Equal(NotAssessedReason.Ill, a.Members[1].NotAssessedReason);
    }

    [Theory]
    // status reached, then the operation tried → error code or null for success
    [InlineData("draft", "rate", null)]
    [InlineData("submitted", "rate", "assessment.locked")]
    [InlineData("approved", "rate", "assessment.locked")]
    [InlineData("approved", "override", "assessment.locked")]
    [InlineData("draft", "approve", "assessment.not_submitted")]
    [InlineData("submitted", "approve", null)]
    [InlineData("approved", "approve", "assessment.not_submitted")]
    [InlineData("draft", "reopen", "assessment.draft")]
    [InlineData("submitted", "reopen", null)]
    [InlineData("approved", "reopen", null)]
    [InlineData("approved", "reopen-parent-locked", "assessment.parent_locked")]
    [InlineData("approved", "reopen-no-reason", "assessment.reason")]
    [InlineData("submitted", "submit", "assessment.locked")]
    public void Transitions_follow_draft_submitted_approved(string status, string operation, string? error)
    {
        var a = Draft(1);
        a.Rate(1, Level(QualityLevel.Good));
        if (status is "submitted" or "approved")
            Assert.True(a.Submit(Clean, [], "canbo", Now).IsSuccess);
        if (status is "approved")
            Assert.True(a.Approve("lanhdao", Now).IsSuccess);
        var result = operation switch
        {
            "rate" => a.Rate(1, Level(QualityLevel.Completed)),
            "override" => a.Override(RuleKey.AssessmentExcellentCapPercentOfGood, "lý do đủ dài để ghi", "lanhdao", Now, Finding(RuleKey.AssessmentExcellentCapPercentOfGood, 1)),
            "approve" => a.Approve("lanhdao", Now),
            "reopen" => a.Reopen("Phát hiện sai sót khi tổng hợp", null),
            "reopen-parent-locked" => a.Reopen("Phát hiện sai sót khi tổng hợp", AssessmentStatus.Submitted),
            "reopen-no-reason" => a.Reopen("  sai ", null),
            "submit" => a.Submit(Clean, [], "canbo", Now),
            _ => throw new ArgumentException(operation),
        };
        Assert.Equal(error, result.Error?.Code);
    }

    [Fact]
    public void Reopening_makes_a_draft_again_and_keeps_the_reason()
    {
        var a = Draft(1);
        a.Rate(1, Level(QualityLevel.Good));
        a.Submit(Clean, [], "canbo", Now);
        a.Approve("lanhdao", Now);
        Assert.True(a.Reopen("Sửa mức xếp loại theo kết luận kiểm tra", AssessmentStatus.Draft).IsSuccess);
        Assert.Equal(AssessmentStatus.Draft, a.Status);
        Assert.Null(a.ApprovedAt);
        Assert.Equal("Sửa mức xếp loại theo kết luận kiểm tra", a.ReopenReason);
        Assert.True(a.Rate(1, Level(QualityLevel.Completed)).IsSuccess);
    }

    [Fact]
    public void Lower_levels_are_approved_first()
    {
        var a = OrganizationAssessment.Start(1, 10, [], [20, 21]);
        a.RateOrganization(20, QualityLevel.Good, null);
        var result = a.Submit(Clean, ["Chi bộ 2"], "canbo", Now);
        Assert.Equal("assessment.order", result.Error!.Code);
        Assert.Contains("Chi bộ 2", result.Error.Message);
        Assert.Equal("assessment.organizations", a.Submit(Clean, [], "canbo", Now).Error!.Code);
        a.RateOrganization(21, QualityLevel.Completed, null);
        Assert.True(a.Submit(Clean, [], "canbo", Now).IsSuccess);
    }

    [Theory]
    // level, reason, note → error code ("" accepted)
    [InlineData(QualityLevel.Good, null, null, "")]
    [InlineData(null, OrganizationNotRatedReason.NewlyFormed, null, "")]
    [InlineData(QualityLevel.Good, OrganizationNotRatedReason.NewlyFormed, null, "assessment.organization.rated_and_excused")]
    [InlineData(null, OrganizationNotRatedReason.Other, null, "assessment.organization.other_reason")]
    [InlineData(null, OrganizationNotRatedReason.Other, "  ", "assessment.organization.other_reason")]
    [InlineData(null, OrganizationNotRatedReason.Other, "Chi bộ đang kiện toàn cấp ủy", "")]
    [InlineData(null, OrganizationNotRatedReason.Reorganizing, null, "assessment.organization.other_reason")]
    [InlineData(null, OrganizationNotRatedReason.Reorganizing, "Quyết định giải thể số 12-QĐ/ĐU", "")]
    public void An_organization_is_rated_or_given_a_reason_not_both(QualityLevel? level, OrganizationNotRatedReason? reason, string? note, string error)
    {
        var a = OrganizationAssessment.Start(1, 10, [], [20]);
        var result = a.RateOrganization(20, level, reason, note);
        var row = a.Organizations.Single();
        if (error == "")
        {
            Assert.True(result.IsSuccess);
            Assert.Equal((level, reason), (row.FinalLevel, row.NotRatedReason));
            Assert.True(a.Submit(Clean, [], "canbo", Now).IsSuccess);
            return;
        }
        Assert.Equal(error, result.Error!.Code);
        Assert.Equal(((QualityLevel?)null, (OrganizationNotRatedReason?)null), (row.FinalLevel, row.NotRatedReason));
        Assert.Equal("assessment.organizations", a.Submit(Clean, [], "canbo", Now).Error!.Code);
    }

    [Fact]
    public void A_proposed_reason_is_set_when_the_roster_is_built_and_what_the_user_entered_is_kept()
    {
        var a = OrganizationAssessment.Start(1, 10, [], [20, 21], new Dictionary<long, OrganizationNotRatedReason> { [21] = OrganizationNotRatedReason.NewlyFormed });
        Assert.Equal([null, OrganizationNotRatedReason.NewlyFormed], a.Organizations.Select(o => o.NotRatedReason));
        // The user rates the new one anyway; a later synchronization does not put the proposal back, but a newcomer gets its own.
        Assert.True(a.RateOrganization(21, QualityLevel.Completed, null, null).IsSuccess);
        a.SyncRoster([], [20, 21, 22], new Dictionary<long, OrganizationNotRatedReason>
            { [21] = OrganizationNotRatedReason.NewlyFormed, [22] = OrganizationNotRatedReason.NewlyFormed });
        Assert.Equal([(20L, (QualityLevel?)null, (OrganizationNotRatedReason?)null), (21L, QualityLevel.Completed, null), (22L, null, OrganizationNotRatedReason.NewlyFormed)],
            a.Organizations.Select(o => (o.SubjectOrganizationId, o.FinalLevel, o.NotRatedReason)));
        // A reason counts as decided: only 20 is missing.
        Assert.Contains("Còn 1 tổ chức", a.Submit(Clean, [], "canbo", Now).Error!.Message);
        Assert.True(a.RateOrganization(20, QualityLevel.Good, null).IsSuccess);
        Assert.True(a.Submit(Clean, [], "canbo", Now).IsSuccess);
        // Locked: neither a level nor a reason changes.
        Assert.Equal("assessment.locked", a.RateOrganization(22, null, OrganizationNotRatedReason.Other, "Lý do khác đủ dài").Error!.Code);
        Assert.Equal(OrganizationNotRatedReason.NewlyFormed, a.Organizations.Single(o => o.SubjectOrganizationId == 22).NotRatedReason);
    }

    [Fact]
    public void A_broken_rule_refuses_the_submission_with_its_citation()
    {
        var finding = new RuleFinding("assessment.excellent_cap", "k", "Vượt giới hạn.", null, true, true, [1], null);
        var a = Draft(1);
        var result = a.Submit(new AssessmentCheck([finding]), [], "canbo", Now);
        Assert.Equal("assessment.rules", result.Error!.Code);
        Assert.Equal(AssessmentStatus.Draft, a.Status);
    }

    [Theory]
    [InlineData("", "assessment.reason")]
    [InlineData("ngắn", "assessment.reason")]
    [InlineData("Chi bộ có thành tích đặc biệt trong năm", null)]
    public void An_override_needs_a_written_reason(string reason, string? error) =>
        Assert.Equal(error, Draft(1).Override(RuleKey.AssessmentExcellentCapPercentOfGood, reason, "lanhdao", Now, Finding(RuleKey.AssessmentExcellentCapPercentOfGood, 1)).Error?.Code);

    [Theory]
    [InlineData(RuleKey.AssessmentExcellentCapPercentOfGood, null)]
    [InlineData(RuleKey.AssessmentProbationaryMaxLevel, null)]
    [InlineData(RuleKey.AssessmentDisciplinedMaxLevel, null)]
    [InlineData(RuleKey.AssessmentOrganizationExcellentCapPercentOfGood, null)]
    [InlineData(RuleKey.AssessmentNewlyAdmittedMonths, "assessment.override.not_allowed")]
    [InlineData(RuleKey.AssessmentPointBands, "assessment.override.not_allowed")]
    [InlineData(AssessmentRules.IncompleteCode, "assessment.override.not_allowed")]
    [InlineData("member.retirement_age", "assessment.override.not_allowed")]
    public void Only_the_overridable_rules_can_be_overridden(string key, string? error)
    {
        var a = Draft(1);
        Assert.Equal(error, a.Override(key, "Chi bộ có thành tích đặc biệt trong năm", "lanhdao", Now, Finding(key, 1)).Error?.Code);
        Assert.Equal(error is null ? 1 : 0, a.Overrides.Count);
    }

    [Fact]
    public void An_override_needs_a_finding_to_let_stand_and_records_the_members_it_named()
    {
        var a = Draft(1, 2, 3);
        var key = RuleKey.AssessmentExcellentCapPercentOfGood;
        Assert.Equal("assessment.override.nothing", a.Override(key, "Chi bộ có thành tích đặc biệt trong năm", "lanhdao", Now, Clean).Error?.Code);
        Assert.Equal("assessment.override.nothing",
            a.Override(key, "Chi bộ có thành tích đặc biệt trong năm", "lanhdao", Now, Finding(RuleKey.AssessmentDisciplinedMaxLevel, 1)).Error?.Code);
        Assert.Empty(a.Overrides);
        Assert.True(a.Override(key, "Chi bộ có thành tích đặc biệt trong năm", "lanhdao", Now, Finding(key, 1, 3)).IsSuccess);
        Assert.Equal([1L, 3L], Assert.Single(a.Overrides).SubjectIds);
    }

    [Fact]
    public void The_roster_follows_the_organization_while_a_draft_only()
    {
        var a = Draft(1, 2);
        a.Rate(1, Level(QualityLevel.Good));
        a.SyncRoster([1, 3], []);
        Assert.Equal([1L, 3L], a.Members.Select(m => m.MemberId).Order());
        Assert.Equal(QualityLevel.Good, a.Members.Single(m => m.MemberId == 1).FinalLevel);
        a.Rate(3, Level(QualityLevel.Good));
        a.Submit(Clean, [], "canbo", Now);
        a.SyncRoster([1, 3, 4], []);
        Assert.Equal(2, a.Members.Count);
    }
}
