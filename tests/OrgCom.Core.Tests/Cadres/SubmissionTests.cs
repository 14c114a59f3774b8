using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class SubmissionTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    private static Position Post() => Position.Create(5, "Phó Chủ tịch", PositionLevel.Commune, BodyKind.State, "Ủy ban nhân dân phường", false, null, null).Value!;

    private static PersonnelSubmission Draft(SubmissionKind kind = SubmissionKind.Appointment) =>
        PersonnelSubmission.Create(5, 1, true, kind, Post(), false, "Tờ trình bổ nhiệm", "xa.badinh", Today.AddDays(-10)).Value!;

    private static (IReadOnlyList<SubmissionDocument> Docs, OrgCom.Core.Rules.RuleValue Rule) Required(SubmissionKind kind) =>
        PersonnelSubmission.RequiredDocuments(kind, ReferenceData.Rules, Today);

    private static PersonnelSubmission Appraised(bool allTicked, params (long Id, string Name)[] cadres)
    {
        var s = Draft();
        foreach (var (id, name) in cadres)
        {
            Assert.True(s.AddCadre(id, name, MemberStatus.Official).IsSuccess);
            foreach (var d in Required(SubmissionKind.Appointment).Docs.Skip(allTicked ? 0 : 1))
                Assert.True(s.Tick(id, d, true, "xa.badinh", Now).IsSuccess);
        }
        Assert.True(s.Appraise(Today.AddDays(-5), "Đủ điều kiện, tiêu chuẩn", Today).IsSuccess);
        return s;
    }

    private static PersonnelSubmission Submitted()
    {
        var s = Appraised(true, (1, "Lê Thị Hoa"), (2, "Trần Văn An"));
        var (docs, rule) = Required(SubmissionKind.Appointment);
        Assert.True(s.Submit(Today.AddDays(-3), docs, rule.Citation, "xa.badinh", Today).IsSuccess);
        return s;
    }

    [Theory]
    [InlineData(SubmissionKind.Appointment, "CurriculumVitae,AssetDeclaration,ResidenceCellComment,ConfidenceVote,HealthCertificate,PoliticalStandardConclusion,Diplomas")]
    [InlineData(SubmissionKind.Nomination, "CurriculumVitae,AssetDeclaration,ResidenceCellComment,ConfidenceVote,HealthCertificate,PoliticalStandardConclusion")]
    [InlineData(SubmissionKind.PlanningProposal, "CurriculumVitae,WorkplaceComment,ConfidenceVote")]
    public void The_checklist_of_each_kind_is_data_with_its_source(SubmissionKind kind, string expected)
    {
        var (docs, rule) = Required(kind);
        Assert.Equal(expected, string.Join(',', docs));
        Assert.False(rule.Citation.IsConfirmed);
        Assert.Contains("chưa xác nhận", rule.Citation.ToString());
    }

    [Theory]
    [InlineData(1L, true, "", "trích yếu")]
    [InlineData(5L, true, "Tờ trình", "cấp trên")]
    [InlineData(1L, false, "Tờ trình", "cấp trên")]
    [InlineData(1L, true, "   ", "trích yếu")]
    [InlineData(1L, true, "Tờ trình", null)]
    public void A_submission_goes_to_a_level_above_the_preparer_with_a_title(long competent, bool above, string title, string? error)
    {
        var result = PersonnelSubmission.Create(5, competent, above, SubmissionKind.Appointment, Post(), false, title, "a", Today);
        if (error is null)
            Assert.Equal(SubmissionStatus.Draft, result.Value!.Status);
        else
            Assert.Contains(error, result.Error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cadres_are_added_once_and_not_when_their_membership_ended()
    {
        var s = Draft();
        Assert.True(s.AddCadre(1, "Lê Thị Hoa", MemberStatus.Official).IsSuccess);
        Assert.Contains("đã có", s.AddCadre(1, "Lê Thị Hoa", MemberStatus.Official).Error!.Message);
        Assert.Contains("Từ trần", s.AddCadre(2, "Trần Văn An", MemberStatus.Deceased).Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(s.Cadres);
    }

    [Fact]
    public void Submission_is_refused_naming_each_missing_document_and_the_rule()
    {
        var s = Appraised(false, (1, "Lê Thị Hoa"));
        var (docs, rule) = Required(SubmissionKind.Appointment);
        var refused = s.Submit(Today, docs, rule.Citation, "xa.badinh", Today);
        Assert.Contains("Lê Thị Hoa: sơ yếu lý lịch", refused.Error!.Message);
        Assert.Contains("Quy định 80-QĐ/TW", refused.Error.Message);
        Assert.Equal(SubmissionStatus.Appraised, s.Status);
        Assert.True(s.Tick(1, SubmissionDocument.CurriculumVitae, true, "xa.badinh", Now).IsSuccess);
        Assert.True(s.Submit(Today, docs, rule.Citation, "xa.badinh", Today).IsSuccess);
        Assert.Equal(SubmissionStatus.Submitted, s.Status);
        Assert.Contains("sửa danh mục", s.Tick(1, SubmissionDocument.Diplomas, false, "x", Now).Error!.Message);
    }

    [Fact]
    public void A_tick_records_who_and_when_and_unticking_removes_it()
    {
        var s = Draft();
        s.AddCadre(1, "Lê Thị Hoa", MemberStatus.Official);
        Assert.True(s.Tick(1, SubmissionDocument.HealthCertificate, true, "xa.badinh", Now).IsSuccess);
        var tick = Assert.Single(s.Ticks);
        Assert.Equal(("xa.badinh", Now), (tick.TickedBy, tick.TickedAt));
        Assert.True(s.Tick(1, SubmissionDocument.HealthCertificate, false, "xa.badinh", Now).IsSuccess);
        Assert.Empty(s.Ticks);
        Assert.False(s.Tick(9, SubmissionDocument.HealthCertificate, true, "xa.badinh", Now).IsSuccess);
    }

    public static TheoryData<string, Func<PersonnelSubmission, OrgCom.Core.Common.Result>, string> Refusals() => new()
    {
        { "appraise empty", s => s.Appraise(Today, "Đạt", Today), "chưa có cán bộ" },
        { "submit a draft", s => s.Submit(Today, [], Required(SubmissionKind.Appointment).Rule.Citation, "a", Today), "Không thể trình" },
        { "decide a draft", s => s.Decide(true, "12-QĐ/TU", Today, null, [], null, "lanhdao", Today), "Không thể quyết định" },
        { "return a draft", s => s.Return(Today, "Thiếu", "lanhdao", Today), "Không thể trả lại" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Transitions_out_of_order_are_refused(string _, Func<PersonnelSubmission, OrgCom.Core.Common.Result> step, string message)
    {
        var s = Draft();
        Assert.Contains(message, step(s).Error!.Message);
        Assert.Equal(SubmissionStatus.Draft, s.Status);
    }

    [Theory]
    [InlineData("", -4, "ý kiến thẩm định")]
    [InlineData("Đạt", 1, "sau ngày hôm nay")]
    [InlineData("Đạt", -20, "trước ngày lập hồ sơ")]
    public void An_appraisal_needs_its_opinion_and_a_sensible_date(string opinion, int days, string error)
    {
        var s = Draft();
        s.AddCadre(1, "Lê Thị Hoa", MemberStatus.Official);
        Assert.Contains(error, s.Appraise(Today.AddDays(days), opinion, Today).Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SubmissionStatus.Draft, s.Status);
    }

    [Theory]
    [InlineData("lanhdao.hanoi", "125-QĐ/TU", 0, null)]
    [InlineData("xa.badinh", "125-QĐ/TU", 0, "không được tự quyết định")]
    [InlineData("XA.BADINH", "125-QĐ/TU", 0, "không được tự quyết định")]
    [InlineData("lanhdao.hanoi", "QĐ", 0, "không đúng dạng")]
    [InlineData("lanhdao.hanoi", "125-QĐ/TU", 1, "sau ngày hôm nay")]
    [InlineData("lanhdao.hanoi", "125-QĐ/TU", -4, "trước ngày trình")]
    public void The_competent_leader_decides_by_a_numbered_decision_not_the_preparer(string by, string number, int days, string? error)
    {
        var s = Submitted();
        var result = s.Decide(true, number, Today.AddDays(days), null, [], null, by, Today);
        if (error is null)
        {
            Assert.Equal((SubmissionStatus.Approved, "125-QĐ/TU", by), (s.Status, s.DecisionNumber, s.DecidedBy));
            return;
        }
        Assert.Contains(error, result.Error!.Message);
        Assert.Equal(SubmissionStatus.Submitted, s.Status);
    }

    [Fact]
    public void Approving_despite_a_failed_rule_needs_the_leaders_reason_which_is_kept()
    {
        var failed = new[] { new FailedCheck("Lê Thị Hoa", "Bổ nhiệm lần đầu: còn ít nhất 5 năm công tác", "Hướng dẫn 06-HD/BTCTW") };
        var s = Submitted();
        var refused = s.Decide(true, "125-QĐ/TU", Today, null, failed, "  ", "lanhdao.hanoi", Today);
        Assert.Contains("Lê Thị Hoa — Bổ nhiệm lần đầu", refused.Error!.Message);
        Assert.Contains("lý do", refused.Error.Message);
        Assert.True(s.Decide(true, "125-QĐ/TU", Today, null, failed, "Yêu cầu kiện toàn gấp", "lanhdao.hanoi", Today).IsSuccess);
        Assert.Equal("Yêu cầu kiện toàn gấp", s.OverrideReason);

        var rejected = Submitted();
        Assert.True(rejected.Decide(false, "126-QĐ/TU", Today, "Chưa đủ tiêu chuẩn", failed, null, "lanhdao.hanoi", Today).IsSuccess);
        Assert.Equal((SubmissionStatus.NotApproved, (string?)null), (rejected.Status, rejected.OverrideReason));
    }

    [Fact]
    public void A_returned_dossier_is_completed_appraised_and_submitted_again()
    {
        var s = Submitted();
        Assert.Contains("lý do", s.Return(Today, " ", "lanhdao.hanoi", Today).Error!.Message);
        Assert.Contains("không được tự", s.Return(Today, "Thiếu", "xa.badinh", Today).Error!.Message);
        Assert.True(s.Return(Today, "Bổ sung bản kê khai tài sản", "lanhdao.hanoi", Today).IsSuccess);
        Assert.Equal(SubmissionStatus.Returned, s.Status);
        Assert.True(s.AddCadre(3, "Phạm Văn Bình", MemberStatus.Official).IsSuccess);
        Assert.True(s.RemoveCadre(3).IsSuccess);
        Assert.True(s.Appraise(Today, "Đã bổ sung", Today).IsSuccess);
        var (docs, rule) = Required(SubmissionKind.Appointment);
        Assert.True(s.Submit(Today, docs, rule.Citation, "xa.badinh", Today).IsSuccess);
    }

    [Theory]
    [InlineData(45, 38, "Trình 45 lượt cán bộ; đã có quyết định 38 lượt")]
    [InlineData(2362, 0, "Trình 2.362 lượt cán bộ; đã có quyết định 0 lượt")]
    public void The_count_reads_as_the_commission_reports_it(long submitted, long decided, string expected) =>
        Assert.Equal(expected, SubmissionSummary.Sentence(submitted, decided));
}
