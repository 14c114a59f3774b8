using System.Reflection;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class PlanningTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly PlanningContext Nothing = new([], [], false);

    private static Position Post(long id, string name, PositionLevel level = PositionLevel.Provincial, PositionRank rank = PositionRank.Other)
    {
        var p = Position.Create(1, name, level, BodyKind.Party, null, false, null, null, rank).Value!;
        typeof(Position).GetProperty(nameof(Position.Id))!.SetValue(p, id);
        return p;
    }

    private static PlanningBatch Batch() => PlanningBatch.Create(1, 2026, 2031, "Quy hoạch Ban Thường vụ Tỉnh ủy nhiệm kỳ 2026–2031").Value!;

    /// <summary>Entries get ids from the database; in these tests, by hand.</summary>
    private static void Number(PlanningBatch batch)
    {
        var id = 1;
        foreach (var e in batch.Entries)
            typeof(PlanningEntry).GetProperty(nameof(PlanningEntry.Id))!.SetValue(e, (long)id++);
    }

    [Theory]
    [InlineData(2026, 2031, true)]
    [InlineData(2026, 2026, false)]
    [InlineData(2031, 2026, false)]
    [InlineData(2026, 2040, false)]
    [InlineData(1990, 1995, false)]
    public void A_term_runs_forward_at_most_ten_years(int start, int end, bool ok)
    {
        Assert.Equal(ok, PlanningBatch.Create(1, start, end, "Quy hoạch").IsSuccess);
    }

    [Theory]
    // cadres already planned for the position (this batch, other batches), positions of the same level the cadre is planned for
    [InlineData(2, 0, 0, null)]
    [InlineData(0, 2, 0, null)]
    [InlineData(3, 0, 0, "planning.position.full")]
    [InlineData(1, 2, 0, "planning.position.full")]
    [InlineData(0, 0, 2, null)]
    [InlineData(0, 0, 3, "planning.cadre.full")]
    public void At_most_three_cadres_per_position_and_three_positions_of_a_level_per_cadre(
        int inBatch, int inOtherBatches, int cadreElsewhere, string? error)
    {
        var batch = Batch();
        var target = Post(100, "Bí thư Tỉnh ủy");
        for (var i = 0; i < inBatch; i++)
            Assert.True(batch.Propose(10 + i, $"Cán bộ {i}", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null).IsSuccess);
        var others = Enumerable.Range(0, inOtherBatches).Select(i => new PlannedPost(20 + i, $"Cán bộ khác {i}", 100, "Bí thư Tỉnh ủy", PositionLevel.Provincial)).ToList();
        var cadre = Enumerable.Range(0, cadreElsewhere).Select(i => new PlannedPost(1, "Nguyễn Văn An", 200 + i, $"Chức vụ {i}", PositionLevel.Provincial))
            .Append(new PlannedPost(1, "Nguyễn Văn An", 300, "Chức vụ cấp xã", PositionLevel.Commune)).ToList();

        var result = batch.Propose(1, "Nguyễn Văn An", MemberStatus.Official, target, new PlanningContext(others, cadre, false), ReferenceData.Rules, Today, null);

        Assert.Equal(error, result.Error?.Code);
        Assert.Equal(inBatch + (error is null ? 1 : 0), batch.Entries.Count);
        if (error is not null)
            Assert.Contains("Quy định 377-QĐ/TW", result.Error!.Message);
    }

    [Fact]
    public void The_fourth_candidate_is_refused_naming_the_three_and_the_rule()
    {
        var batch = Batch();
        var target = Post(100, "Bí thư Tỉnh ủy");
        foreach (var (id, name) in new[] { (1L, "Trần An"), (2L, "Lê Bình"), (3L, "Phạm Cường") })
            batch.Propose(id, name, MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null);

        var fourth = batch.Propose(4, "Hoàng Dũng", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null);

        Assert.Equal("Chức vụ \"Bí thư Tỉnh ủy\" đã có đủ 3 cán bộ trong quy hoạch (Trần An, Lê Bình, Phạm Cường); mỗi chức vụ quy hoạch không quá 3 cán bộ. "
            + "Theo Quy định 377-QĐ/TW ngày 08/10/2025 (hiệu lực từ 08/10/2025).", fourth.Error!.Message);
    }

    [Theory]
    // cadres of the other batches the user can read, those the user cannot: the refusal names only the first
    [InlineData(3, 0, "(Cán bộ khác 0, Cán bộ khác 1, Cán bộ khác 2)")]
    [InlineData(2, 1, "(Cán bộ khác 0, Cán bộ khác 1 và 1 cán bộ của đợt quy hoạch ngoài phạm vi của bạn)")]
    [InlineData(0, 3, "(3 cán bộ của đợt quy hoạch ngoài phạm vi của bạn)")]
    public void A_full_position_names_only_the_cadres_of_batches_in_scope(int readable, int hidden, string list)
    {
        var others = Enumerable.Range(0, readable + hidden)
            .Select(i => new PlannedPost(20 + i, $"Cán bộ khác {i}", 100, "Bí thư Tỉnh ủy", PositionLevel.Provincial, InScope: i < readable)).ToList();

        var error = Batch().Propose(1, "Nguyễn Văn An", MemberStatus.Official, Post(100, "Bí thư Tỉnh ủy"), new PlanningContext(others, [], false), ReferenceData.Rules, Today, null).Error!;

        Assert.Equal("planning.position.full", error.Code);
        Assert.Contains(list, error.Message);
        Assert.All(Enumerable.Range(readable, hidden), i => Assert.DoesNotContain($"Cán bộ khác {i}", error.Message));
    }

    [Theory]
    [InlineData(3, 0, "(Chức vụ 0; Chức vụ 1; Chức vụ 2)")]
    [InlineData(1, 2, "(Chức vụ 0 và 2 chức vụ của đợt quy hoạch ngoài phạm vi của bạn)")]
    public void A_cadre_at_the_limit_is_refused_naming_only_positions_of_batches_in_scope(int readable, int hidden, string list)
    {
        var cadre = Enumerable.Range(0, readable + hidden)
            .Select(i => new PlannedPost(1, "Nguyễn Văn An", 200 + i, $"Chức vụ {i}", PositionLevel.Provincial, InScope: i < readable)).ToList();

        var error = Batch().Propose(1, "Nguyễn Văn An", MemberStatus.Official, Post(100, "Bí thư Tỉnh ủy"), new PlanningContext([], cadre, false), ReferenceData.Rules, Today, null).Error!;

        Assert.Equal("planning.cadre.full", error.Code);
        Assert.Contains(list, error.Message);
    }

    [Theory]
    [InlineData(MemberStatus.Official, null)]
    [InlineData(MemberStatus.Probationary, null)]
    [InlineData(MemberStatus.Deceased, "appointment.member.status")]
    [InlineData(MemberStatus.Expelled, "appointment.member.status")]
    [InlineData(MemberStatus.Left, "appointment.member.status")]
    [InlineData(MemberStatus.Removed, "appointment.member.status")]
    public void A_person_no_longer_in_the_party_is_not_planned(MemberStatus status, string? error)
    {
        var batch = Batch();

        var result = batch.Propose(1, "Nguyễn Văn An", status, Post(100, "Bí thư Tỉnh ủy"), Nothing, ReferenceData.Rules, Today, null);

        Assert.Equal(error, result.Error?.Code);
        Assert.Equal(error is null ? 1 : 0, batch.Entries.Count);
        if (error is not null)
            Assert.StartsWith("Không thể quy hoạch Nguyễn Văn An: đang ở trạng thái", result.Error!.Message);
    }

    [Fact]
    public void Withdrawn_entries_free_their_place()
    {
        var batch = Batch();
        var target = Post(100, "Bí thư Tỉnh ủy");
        for (var i = 1; i <= 3; i++)
            batch.Propose(i, $"Cán bộ {i}", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null);
        Number(batch);

        Assert.True(batch.Remove(1, null, Today).IsSuccess);
        Assert.True(batch.Propose(4, "Cán bộ 4", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null).IsSuccess);
        Assert.Equal("Rút khỏi danh sách đề xuất", batch.Entries[0].RemovedReason);
    }

    [Fact]
    public void No_planning_for_a_position_the_cadre_holds_nor_twice_for_the_same()
    {
        var batch = Batch();
        var target = Post(100, "Chủ tịch UBND tỉnh");

        Assert.Equal("planning.holds", batch.Propose(1, "Nguyễn Văn An", MemberStatus.Official, target, new PlanningContext([], [], true), ReferenceData.Rules, Today, null).Error!.Code);
        Assert.True(batch.Propose(1, "Nguyễn Văn An", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null).IsSuccess);
        Assert.Equal("planning.duplicate", batch.Propose(1, "Nguyễn Văn An", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null).Error!.Code);
    }

    [Theory]
    // planned position (level, rank); held post (level, rank, concurrent, acting); refused?
    [InlineData("Provincial", "Head", "Provincial", "Deputy", false, false, false)]
    [InlineData("Provincial", "Deputy", "Provincial", "Deputy", false, false, true)]
    [InlineData("Provincial", "Deputy", "Provincial", "Head", false, false, true)]
    [InlineData("Provincial", "Other", "ProvincialDepartment", "Head", false, false, false)]
    [InlineData("ProvincialDepartment", "Head", "Provincial", "Other", false, false, true)]
    [InlineData("Commune", "Head", "Commune", "StandingCommitteeMember", false, false, false)]
    [InlineData("Commune", "StandingCommitteeMember", "Commune", "CommitteeMember", false, false, false)]
    [InlineData("Commune", "CommitteeMember", "Commune", "StandingCommitteeMember", false, false, true)]
    [InlineData("Grassroots", "Head", "Commune", "Other", false, false, true)]
    [InlineData("Central", "Other", "Provincial", "Head", false, false, false)]
    // a concurrent post counts like the principal one; an acting post (quyền) does not: not formally appointed
    [InlineData("Provincial", "Deputy", "Provincial", "Head", true, false, true)]
    [InlineData("Provincial", "Deputy", "Provincial", "Head", false, true, false)]
    [InlineData("Provincial", "Deputy", "Provincial", "Head", true, true, false)]
    public void Planning_goes_only_to_a_position_higher_than_every_post_held(string level, string rank, string heldLevel, string heldRank,
        bool concurrent, bool acting, bool refused)
    {
        var batch = Batch();
        var target = Post(100, "Chức vụ quy hoạch", Enum.Parse<PositionLevel>(level), Enum.Parse<PositionRank>(rank));
        var held = new HeldStanding("Chức vụ đang giữ", Enum.Parse<PositionLevel>(heldLevel), Enum.Parse<PositionRank>(heldRank), concurrent, acting);

        var result = batch.Propose(1, "Nguyễn Văn An", MemberStatus.Official, target, new PlanningContext([], [], false, [held]), ReferenceData.Rules, Today, null);

        Assert.Equal(refused ? "planning.not_higher" : null, result.Error?.Code);
        Assert.Equal(refused ? 0 : 1, batch.Entries.Count);
    }

    [Fact]
    public void The_refusal_names_the_highest_post_held_its_standing_and_the_rule()
    {
        var held = new HeldStanding[]
        {
            new("Ủy viên Ban Thường vụ Tỉnh ủy", PositionLevel.Provincial, PositionRank.StandingCommitteeMember, false, false),
            new("Phó Bí thư Tỉnh ủy", PositionLevel.Provincial, PositionRank.Deputy, true, false),
        };

        var error = Batch().Propose(1, "Nguyễn Văn An", MemberStatus.Official, Post(100, "Phó Bí thư Thường trực Tỉnh ủy", PositionLevel.Provincial, PositionRank.Deputy),
            new PlanningContext([], [], false, held), ReferenceData.Rules, Today, null).Error!;

        Assert.Equal("Nguyễn Văn An đang giữ chức vụ \"Phó Bí thư Tỉnh ủy\" (Lãnh đạo cấp tỉnh, cấp phó, chức vụ kiêm nhiệm): chỉ quy hoạch vào chức vụ cao hơn "
            + "chức vụ đang đảm nhiệm, chức vụ \"Phó Bí thư Thường trực Tỉnh ủy\" (Lãnh đạo cấp tỉnh, cấp phó) không cao hơn. "
            + "Theo Quy định 377-QĐ/TW ngày 08/10/2025 (hiệu lực từ 08/10/2025).", error.Message);
    }

    [Theory]
    [InlineData("2025-10-07", true)]
    [InlineData("2025-10-08", false)]
    public void The_rule_applies_from_the_date_of_Quy_dinh_377(string on, bool ok)
    {
        var held = new HeldStanding("Bí thư Tỉnh ủy", PositionLevel.Provincial, PositionRank.Head, false, false);

        var result = Batch().Propose(1, "Nguyễn Văn An", MemberStatus.Official, Post(100, "Phó Bí thư Tỉnh ủy", PositionLevel.Provincial, PositionRank.Deputy),
            new PlanningContext([], [], false, [held]), ReferenceData.Rules, DateOnly.Parse(on), null);

        Assert.Equal(ok, result.IsSuccess);
    }

    [Fact]
    public void Positions_order_by_level_then_rank_within_the_level()
    {
        var order = Enum.GetValues<PositionLevel>().SelectMany(l => Enum.GetValues<PositionRank>().Select(r => (l, r))).ToList();
        for (var i = 0; i < order.Count; i++)
            for (var j = 0; j < order.Count; j++)
                Assert.Equal(i < j, PositionLevels.IsHigherThan(order[i].l, order[i].r, order[j].l, order[j].r));
    }

    [Fact]
    public void Draft_then_appraisal_then_approval_by_decision_then_yearly_review_with_reasons()
    {
        var batch = Batch();
        var target = Post(100, "Bí thư Tỉnh ủy");
        Assert.Equal("planning.empty", batch.Appraise(Today, null, Today).Error!.Code);
        Assert.Equal("planning.status", batch.Approve("12-QĐ/TU", Today, Today).Error!.Code);
        batch.Propose(1, "Trần An", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null);
        batch.Propose(2, "Lê Bình", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null);
        Number(batch);

        Assert.Equal("planning.date.future", batch.Appraise(Today.AddDays(1), null, Today).Error!.Code);
        Assert.True(batch.Appraise(Today.AddDays(-3), "Đủ tiêu chuẩn", Today).IsSuccess);
        Assert.Equal("planning.frozen", batch.Propose(3, "Phạm Cường", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, null).Error!.Code);
        Assert.Equal("document.number.format", batch.Approve("số 12", Today, Today).Error!.Code);
        Assert.Equal("planning.decision.early", batch.Approve("12-QĐ/TU", Today.AddDays(-4), Today).Error!.Code);
        Assert.Equal(PlanningStatus.Appraised, batch.Status);
        Assert.True(batch.Approve("12-qđ/tu", Today, Today).IsSuccess);
        Assert.Equal("12-QĐ/TU", batch.DecisionNumber);
        Assert.All(batch.Entries, e => Assert.Equal(PlanningEntryStatus.Approved, e.Status));

        Assert.Equal("planning.review.reason", batch.Propose(3, "Phạm Cường", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, " ").Error!.Code);
        var added = batch.Propose(3, "Phạm Cường", MemberStatus.Official, target, Nothing, ReferenceData.Rules, Today, "Rà soát năm 2027: bổ sung");
        Assert.Equal(PlanningEntryStatus.Approved, added.Value!.Status);
        Assert.Equal("planning.review.reason", batch.Remove(1, "", Today).Error!.Code);
        Assert.True(batch.Remove(1, "Không còn đủ tiêu chuẩn", Today).IsSuccess);
        Assert.Equal("planning.entry.none", batch.Remove(1, "lần nữa", Today).Error!.Code);
    }

    [Theory]
    [InlineData(2362, 120, "phê duyệt quy hoạch cho 2.362 lượt cán bộ của 120 cơ quan, đơn vị")]
    [InlineData(3, 1, "phê duyệt quy hoạch cho 3 lượt cán bộ của 1 cơ quan, đơn vị")]
    [InlineData(1234567, 1000, "phê duyệt quy hoạch cho 1.234.567 lượt cán bộ của 1.000 cơ quan, đơn vị")]
    public void The_summary_sentence_reads_like_the_commission_reports(long entries, long organizations, string sentence)
    {
        Assert.Equal(sentence, PlanningSummary.Sentence(entries, organizations));
    }
}
