using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class NominationTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Position Post(long id = 5)
    {
        var p = Position.Create(7, "Chủ tịch", PositionLevel.Commune, BodyKind.State, "Ủy ban nhân dân phường", false, null, null, PositionRank.Deputy).Value!;
        typeof(Position).GetProperty(nameof(Position.Id))!.SetValue(p, id);
        return p;
    }

    /// <summary>A nomination submission for two cadres, taken to the decision (approved or not) on 10/11/2026.</summary>
    private static PersonnelSubmission Decided(bool approved, SubmissionKind kind = SubmissionKind.Nomination)
    {
        var s = PersonnelSubmission.Create(3, 1, true, kind, Post(), false, "Tờ trình giới thiệu ứng cử", "xa.badinh", Today.AddDays(-30),
            2026, 2031).Value!;
        s.AddCadre(1, "Lê Thị Hoa", MemberStatus.Official);
        s.AddCadre(2, "Trần Văn An", MemberStatus.Official);
        var (docs, rule) = PersonnelSubmission.RequiredDocuments(kind, ReferenceData.Rules, Today);
        foreach (var c in new long[] { 1, 2 })
            foreach (var d in docs)
                s.Tick(c, d, true, "xa.badinh", Now);
        Assert.True(s.Appraise(Today.AddDays(-20), "Đủ điều kiện", Today).IsSuccess);
        Assert.True(s.Submit(Today.AddDays(-15), docs, rule.Citation, "xa.badinh", Today).IsSuccess);
        Assert.True(s.Decide(approved, "1310-QĐ/TU", D("2026-11-10"), null, [], null, "lanhdao.hanoi", Today).IsSuccess);
        return s;
    }

    [Fact]
    public void An_approved_nomination_records_one_pending_nomination_per_cadre_for_the_position()
    {
        var nominations = Nomination.ForApproved(Decided(true), Post()).Value!;

        Assert.Equal(["Lê Thị Hoa", "Trần Văn An"], nominations.Select(n => n.MemberName));
        Assert.All(nominations, n =>
        {
            Assert.Equal((NominationOutcome.Pending, "1310-QĐ/TU", D("2026-11-10"), 7L, 5L, PositionLevel.Commune),
                (n.Outcome, n.DecisionNumber, n.DecisionDate, n.OrganizationId, n.PositionId, n.Level));
            Assert.Equal("Chủ tịch · Ủy ban nhân dân phường", n.PositionName);
        });
    }

    [Theory]
    [InlineData(false, SubmissionKind.Nomination, 5L, "nomination.submission")]
    [InlineData(true, SubmissionKind.Appointment, 5L, "nomination.submission")]
    [InlineData(true, SubmissionKind.Nomination, 6L, "nomination.position")]
    public void Only_an_approved_nomination_for_its_own_position_records_nominations(bool approved, SubmissionKind kind, long position, string error)
    {
        Assert.Equal(error, Nomination.ForApproved(Decided(approved, kind), Post(position)).Error!.Code);
    }

    [Theory]
    // outcome, election date, note length, expected error
    [InlineData("Elected", "2026-11-15", 0, null)]
    [InlineData("NotElected", "2026-11-10", 10, null)]                   // the day of the decision
    [InlineData("Elected", "2026-11-09", 0, "nomination.date.early")]
    [InlineData("Elected", "2026-11-22", 0, "nomination.date.future")]
    [InlineData("Pending", "2026-11-15", 0, "nomination.outcome")]
    [InlineData(null, "2026-11-15", 0, "nomination.outcome")]
    [InlineData("Elected", "2026-11-15", 501, "cadre.length")]
    public void The_election_result_is_recorded_once_between_the_decision_and_today(string? outcome, string on, int noteLength, string? error)
    {
        var nomination = Nomination.ForApproved(Decided(true), Post()).Value![0];

        var result = nomination.RecordOutcome(outcome is null ? null : Enum.Parse<NominationOutcome>(outcome), D(on), new string('a', noteLength), Today);

        Assert.Equal(error, result.Error?.Code);
        Assert.Equal(error is null ? Enum.Parse<NominationOutcome>(outcome!) : NominationOutcome.Pending, nomination.Outcome);
        if (error is null)
            Assert.Equal("nomination.recorded", nomination.RecordOutcome(NominationOutcome.NotElected, D(on), null, Today).Error!.Code);
    }

    [Theory]
    [InlineData(12, 9, 1, "Giới thiệu ứng cử 12 lượt cán bộ: trúng cử 9, không trúng cử 1, chờ kết quả 2")]
    [InlineData(1234, 1000, 0, "Giới thiệu ứng cử 1.234 lượt cán bộ: trúng cử 1.000, không trúng cử 0, chờ kết quả 234")]
    public void The_summary_counts_the_results(long total, long elected, long notElected, string sentence)
    {
        Assert.Equal(sentence, NominationSummary.Sentence(total, elected, notElected));
    }

    [Theory]
    [InlineData(SubmissionKind.PlanningProposal, 2026, 2031, null)]
    [InlineData(SubmissionKind.PlanningProposal, null, 2031, "submission.term")]
    [InlineData(SubmissionKind.PlanningProposal, 2026, null, "submission.term")]
    [InlineData(SubmissionKind.PlanningProposal, 2031, 2026, "planning.term")]
    [InlineData(SubmissionKind.PlanningProposal, 2026, 2040, "planning.term")]
    [InlineData(SubmissionKind.Nomination, null, null, null)]
    [InlineData(SubmissionKind.Appointment, 2031, 2026, null)]          // ignored for the other kinds
    public void A_planning_proposal_names_its_term(SubmissionKind kind, int? from, int? to, string? error)
    {
        var result = PersonnelSubmission.Create(3, 1, true, kind, Post(), false, "Tờ trình", "xa.badinh", Today, from, to);

        Assert.Equal(error, result.Error?.Code);
        if (error is null)
            Assert.Equal(kind == SubmissionKind.PlanningProposal ? (from, to) : (null, null), (result.Value!.TermStartYear, result.Value.TermEndYear));
    }

    [Fact]
    public void The_planning_text_cites_the_decision_within_the_length()
    {
        var s = Decided(true, SubmissionKind.PlanningProposal);

        Assert.Equal("Phê duyệt theo quyết định 1310-QĐ/TU ngày 10/11/2026 (tờ trình \"Tờ trình giới thiệu ứng cử\")", s.PlanningText(500));
        Assert.Equal(40, s.PlanningText(40).Length);
        Assert.EndsWith("…)", s.PlanningText(40));
    }
}
