using OrgCom.Core.Common;
using OrgCom.Core.Members;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

/// <summary>How an imported member admitted on 19/05/2000 ends their membership on 10/03/2010.</summary>
public enum Ending
{
    Left,
    Removed,
    Expelled,
    Deceased,
    NotRecognized,
}

public class MembershipEventTests
{
    private static readonly DateOnly Ended = D("2010-03-10");

    private static Member EndedMember(Ending ending, DateOnly? on = null)
    {
        var date = on ?? Ended;
        var m = ending == Ending.NotRecognized
            ? Imported(MemberStatus.Probationary, officialOn: null)
            : Imported();
        Ok(ending switch
        {
            Ending.Left => m.Leave(date, "9-QĐ/ĐU", "Xin ra khỏi Đảng", Context),
            Ending.Removed => m.Remove(date, "9-QĐ/ĐU", "Bỏ sinh hoạt", Context),
            Ending.Expelled => m.Discipline(DisciplineLevel.Expulsion, date, "9-QĐ/ĐU", "Vi phạm nghiêm trọng", Context),
            Ending.Deceased => m.Die(date, Context),
            _ => m.RefuseRecognition(date, "9-QĐ/ĐU", "Không đủ tư cách", Context),
        });
        return m;
    }

    // ---- Serious illness (the basis of an early Party badge).

    [Theory]
    [InlineData(MemberStatus.Official)]
    [InlineData(MemberStatus.Probationary)]
    public void RecordSeriousIllness_records_the_confirmation_and_keeps_the_earliest_date(MemberStatus status)
    {
        var m = Imported(status, officialOn: status == MemberStatus.Official ? "2001-06-01" : null);

        Ok(m.RecordSeriousIllness(D("2026-03-10"), " 215/GXN-BVBM ", " Ung thư phổi giai đoạn cuối; Bệnh viện Bạch Mai xác nhận ", Context));
        Ok(m.RecordSeriousIllness(D("2026-05-02"), null, "Tái khám, bệnh tiến triển", Context));

        Assert.Equal(D("2026-03-10"), m.SeriouslyIllSince);
        Assert.Equal(status, m.Status);
        var e = Recorded(m)[0];
        Assert.Equal((MemberEventKind.SeriousIllnessConfirmed, D("2026-03-10"), "215/GXN-BVBM", "Ung thư phổi giai đoạn cuối; Bệnh viện Bạch Mai xác nhận"),
            (e.Kind, e.EffectiveOn, e.DecisionNumber, e.Detail));
        Assert.Equal("Xác nhận bị bệnh nặng", MemberEvent.DisplayName(e.Kind));
    }

    [Theory]
    [InlineData(Point.Registered, "member.status")]
    [InlineData(Point.Left, "member.status")]
    [InlineData(Point.Removed, "member.status")]
    [InlineData(Point.Deceased, "member.status")]
    [InlineData(Point.Official, null)]
    public void RecordSeriousIllness_is_for_counted_members(Point point, string? code)
    {
        var m = At(point);
        var before = MemberState.Of(m);

        var result = m.RecordSeriousIllness(Later, null, "Bệnh nặng", Context);

        Assert.Equal(code, result.Error?.Code);
        if (code is not null)
        {
            Assert.Equal(before, MemberState.Of(m));
            Assert.Null(m.SeriouslyIllSince);
        }
    }

    [Theory]
    [InlineData("2026-03-10", " ", "member.illness.note")]
    [InlineData("2000-05-18", "Bệnh nặng", "member.date.order")]
    public void RecordSeriousIllness_needs_the_note_and_a_date_in_the_membership(string on, string note, string code)
    {
        var m = Imported();

        Refused(code, m.RecordSeriousIllness(D(on), null, note, Context));
        Assert.Empty(Recorded(m));
        Assert.Null(m.SeriouslyIllSince);
    }

    // ---- Exemption.

    [Theory]
    [InlineData(MemberStatus.Official)]
    [InlineData(MemberStatus.Probationary)]
    public void Exempt_keeps_the_member_counted_and_records_the_start(MemberStatus status)
    {
        var m = Imported(status, officialOn: status == MemberStatus.Official ? "2001-06-01" : null);

        Ok(m.Exempt(D("2024-05-01"), " 7-QĐ/CB ", " Tuổi cao ", Context));

        Assert.Equal(D("2024-05-01"), m.ExemptSince);
        Assert.Equal(status, m.Status);
        Assert.True(m.IsCounted);
        var e = Assert.Single(Recorded(m));
        Assert.Equal((MemberEventKind.Exempted, D("2024-05-01"), "7-QĐ/CB", "Tuổi cao"), (e.Kind, e.EffectiveOn, e.DecisionNumber, e.Detail));
    }

    [Fact]
    public void Exempting_twice_is_refused()
    {
        var m = Imported();
        Ok(m.Exempt(D("2024-05-01"), "7-QĐ/CB", null, Context));
        var before = MemberState.Of(m);

        Refused("member.exempt.already", m.Exempt(D("2024-06-01"), "8-QĐ/CB", null, Context));
        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(D("2024-05-01"), m.ExemptSince);
    }

    [Fact]
    public void Exempt_needs_the_decision_number()
    {
        var m = Imported();

        Refused("member.decision.required", m.Exempt(D("2024-05-01"), " ", null, Context));
        Assert.Null(m.ExemptSince);
        Assert.Empty(Recorded(m));
    }

    [Theory]
    [InlineData("2024-04-30", "member.date.order")]
    [InlineData("2020-01-01", "member.date.order")]
    [InlineData("2024-05-01", null)]
    [InlineData("2025-01-15", null)]
    public void EndExemption_is_refused_before_the_exemption_started(string on, string? code)
    {
        var m = Imported();
        Ok(m.Exempt(D("2024-05-01"), "7-QĐ/CB", null, Context));
        var before = MemberState.Of(m);

        var result = m.EndExemption(D(on), "8-QĐ/CB", Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        Ok(result);
        Assert.Null(m.ExemptSince);
        Assert.True(m.IsCounted);
        var e = Recorded(m)[^1];
        Assert.Equal((MemberEventKind.ExemptionEnded, D(on), "8-QĐ/CB"), (e.Kind, e.EffectiveOn, e.DecisionNumber));
    }

    [Fact]
    public void Ending_an_exemption_twice_or_without_one_is_refused()
    {
        var m = Imported();
        Refused("member.exempt.not", m.EndExemption(D("2024-05-01"), "8-QĐ/CB", Context));

        Ok(m.Exempt(D("2024-05-01"), "7-QĐ/CB", null, Context));
        Ok(m.EndExemption(D("2024-09-01"), "8-QĐ/CB", Context));
        var before = MemberState.Of(m);

        Refused("member.exempt.not", m.EndExemption(D("2024-10-01"), "9-QĐ/CB", Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    [Fact]
    public void An_exemption_can_start_again_after_it_ended()
    {
        var m = Imported();
        Ok(m.Exempt(D("2024-05-01"), "7-QĐ/CB", null, Context));
        Ok(m.EndExemption(D("2024-09-01"), "8-QĐ/CB", Context));

        Ok(m.Exempt(D("2025-02-01"), "10-QĐ/CB", null, Context));

        Assert.Equal(D("2025-02-01"), m.ExemptSince);
    }

    [Theory]
    [InlineData(Ending.Left)]
    [InlineData(Ending.Removed)]
    [InlineData(Ending.Expelled)]
    [InlineData(Ending.Deceased)]
    public void Ending_the_membership_clears_the_exemption(Ending ending)
    {
        var m = Imported();
        Ok(m.Exempt(D("2009-05-01"), "7-QĐ/CB", null, Context));
        Ok(ending switch
        {
            Ending.Left => m.Leave(Ended, "9-QĐ/ĐU", null, Context),
            Ending.Removed => m.Remove(Ended, "9-QĐ/ĐU", "Bỏ sinh hoạt", Context),
            Ending.Expelled => m.Discipline(DisciplineLevel.Expulsion, Ended, "9-QĐ/ĐU", null, Context),
            _ => m.Die(Ended, Context),
        });

        Assert.Null(m.ExemptSince);
        Refused("member.exempt.not", m.EndExemption(Ended, "8-QĐ/CB", Context));
    }

    // ---- Discipline: probationary members only what discipline.probationary_allowed lists (Reprimand, Warning).

    [Theory]
    [InlineData(Point.Probationary, DisciplineLevel.Reprimand, null, MemberStatus.Probationary)]
    [InlineData(Point.Probationary, DisciplineLevel.Warning, null, MemberStatus.Probationary)]
    [InlineData(Point.Probationary, DisciplineLevel.Dismissal, "member.discipline.probationary", MemberStatus.Probationary)]
    [InlineData(Point.Probationary, DisciplineLevel.Expulsion, "member.discipline.probationary", MemberStatus.Probationary)]
    [InlineData(Point.Official, DisciplineLevel.Reprimand, null, MemberStatus.Official)]
    [InlineData(Point.Official, DisciplineLevel.Warning, null, MemberStatus.Official)]
    [InlineData(Point.Official, DisciplineLevel.Dismissal, null, MemberStatus.Official)]
    [InlineData(Point.Official, DisciplineLevel.Expulsion, null, MemberStatus.Expelled)]
    public void Discipline_applies_the_measures_allowed_for_the_status(
        Point point, DisciplineLevel level, string? code, MemberStatus statusAfter)
    {
        var m = At(point);
        var before = MemberState.Of(m);

        var result = m.Discipline(level, Later, " 3-QĐ/ĐU ", " Vi phạm ", Context);

        Assert.Equal(statusAfter, m.Status);
        if (code is not null)
        {
            Refused(code, result);
            Assert.Contains("khiển trách, cảnh cáo", result.Error!.Message);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        Ok(result);
        Assert.Equal(before.Events + 1, Recorded(m).Count);
        var e = Recorded(m)[^1];
        Assert.Equal((MemberEventKind.Disciplined, Later, "3-QĐ/ĐU", "Vi phạm", (DisciplineLevel?)level),
            (e.Kind, e.EffectiveOn, e.DecisionNumber, e.Detail, e.DisciplineLevel));
        var expelled = level == DisciplineLevel.Expulsion;
        Assert.Equal(expelled ? Later : (DateOnly?)null, m.EndedOn);
        Assert.Equal(!expelled, m.IsCounted);
        Assert.Equal(expelled ? 1 : 0, m.ActivityGaps().Count);
    }

    [Fact]
    public void Discipline_needs_the_decision_number()
    {
        var m = At(Point.Official);
        var before = MemberState.Of(m);

        Refused("member.decision.required", m.Discipline(DisciplineLevel.Warning, Later, "", null, Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    // ---- Remove and Leave.

    [Theory]
    [InlineData(Point.Probationary, false, MemberStatus.Removed, MemberEventKind.Removed)]
    [InlineData(Point.Official, false, MemberStatus.Removed, MemberEventKind.Removed)]
    [InlineData(Point.Probationary, true, MemberStatus.Left, MemberEventKind.Left)]
    [InlineData(Point.Official, true, MemberStatus.Left, MemberEventKind.Left)]
    public void Remove_and_Leave_end_the_membership(Point point, bool leave, MemberStatus status, MemberEventKind kind)
    {
        var m = At(point);
        var events = Recorded(m).Count;

        Ok(leave
            ? m.Leave(Later, "9-QĐ/ĐU", " Xin ra khỏi Đảng ", Context)
            : m.Remove(Later, "9-QĐ/ĐU", " Bỏ sinh hoạt ", Context));

        Assert.Equal(status, m.Status);
        Assert.Equal(Later, m.EndedOn);
        Assert.False(m.IsCounted);
        Assert.Equal(events + 1, Recorded(m).Count);
        var e = Recorded(m)[^1];
        Assert.Equal((kind, Later, "9-QĐ/ĐU", Cell), (e.Kind, e.EffectiveOn, e.DecisionNumber, e.OrganizationId));
        Assert.Equal(leave ? "Xin ra khỏi Đảng" : "Bỏ sinh hoạt", e.Detail);
        Assert.Equal((Later, (DateOnly?)null), Assert.Single(m.ActivityGaps()));
    }

    [Theory]
    [InlineData(false, "", "Bỏ sinh hoạt", "member.decision.required")]
    [InlineData(false, "9-QĐ/ĐU", " ", "member.reason.required")]
    [InlineData(true, " ", null, "member.decision.required")]
    public void Remove_and_Leave_need_their_decision_and_Remove_a_reason(bool leave, string number, string? reason, string code)
    {
        var m = At(Point.Official);
        var before = MemberState.Of(m);

        Refused(code, leave ? m.Leave(Later, number, reason, Context) : m.Remove(Later, number, reason!, Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    [Fact]
    public void Leave_does_not_need_a_reason()
    {
        var m = At(Point.Official);

        Ok(m.Leave(Later, "9-QĐ/ĐU", null, Context));

        Assert.Equal(MemberStatus.Left, m.Status);
        Assert.Null(Recorded(m)[^1].Detail);
    }

    // ---- Die: candidates and counted members only.

    [Theory]
    [InlineData(Point.Registered, null)]
    [InlineData(Point.AwarenessClassCompleted, null)]
    [InlineData(Point.ProposedByCell, null)]
    [InlineData(Point.AdmissionDecided, null)]
    [InlineData(Point.Probationary, null)]
    [InlineData(Point.Official, null)]
    [InlineData(Point.NotAdmitted, "member.status")]
    [InlineData(Point.Left, "member.status")]
    [InlineData(Point.Removed, "member.status")]
    [InlineData(Point.Expelled, "member.status")]
    [InlineData(Point.Deceased, "member.status")]
    [InlineData(Point.DeceasedCandidate, "member.status")]
    public void Die_applies_to_candidates_and_counted_members(Point point, string? code)
    {
        var m = At(point);
        var before = MemberState.Of(m);

        var result = m.Die(Later, Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        Ok(result);
        Assert.Equal(MemberStatus.Deceased, m.Status);
        Assert.Equal(Later, m.EndedOn);
        Assert.False(m.IsCounted);
        Assert.Equal(before.Events + 1, Recorded(m).Count);
        var e = Recorded(m)[^1];
        Assert.Equal((MemberEventKind.Deceased, Later), (e.Kind, e.EffectiveOn));
        Assert.Empty(m.ActivityGaps());
        Assert.Equal(before.AdmittedOn, m.AdmittedOn);
        Assert.Equal(before.OfficialOn, m.OfficialOn);
    }

    [Theory]
    [InlineData(Point.Registered)]
    [InlineData(Point.AwarenessClassCompleted)]
    [InlineData(Point.ProposedByCell)]
    [InlineData(Point.AdmissionDecided)]
    public void A_deceased_candidate_is_no_longer_in_the_admission_pipeline(Point point)
    {
        var m = At(point);

        Ok(m.Die(Later, Context));

        // RejectCandidate and HoldCeremony clear the stage when a person leaves the pipeline; death must too.
        Assert.Equal(MemberStatus.Deceased, m.Status);
        Assert.Null(m.CandidateStage);
    }

    [Fact]
    public void Die_before_the_birth_date_is_refused()
    {
        var m = Imported();

        Refused("member.date.order", m.Die(D("1970-01-14"), Context));
        Assert.Equal(MemberStatus.Official, m.Status);
        Assert.Empty(Recorded(m));
        Ok(m.Die(D("1970-01-15"), Context));
    }

    [Theory]
    [InlineData(Point.Deceased, Step.IssueTransfer, "member.status")]
    [InlineData(Point.Deceased, Step.Discipline, "member.status")]
    [InlineData(Point.Deceased, Step.Exempt, "member.status")]
    [InlineData(Point.Deceased, Step.EndExemption, "member.exempt.not")]
    [InlineData(Point.Deceased, Step.RecognizeOfficial, "member.status")]
    [InlineData(Point.Deceased, Step.RefuseRecognition, "member.status")]
    [InlineData(Point.Deceased, Step.Readmit, "member.status")]
    [InlineData(Point.Deceased, Step.Remove, "member.status")]
    [InlineData(Point.Deceased, Step.Leave, "member.status")]
    [InlineData(Point.Deceased, Step.Die, "member.status")]
    [InlineData(Point.Deceased, Step.CompleteAwarenessClass, "member.status")]
    [InlineData(Point.Deceased, Step.RejectCandidate, "member.status")]
    [InlineData(Point.Deceased, Step.SetPartyCardNumber, "member.card.status")]
    [InlineData(Point.DeceasedCandidate, Step.CompleteAwarenessClass, "member.status")]
    [InlineData(Point.DeceasedCandidate, Step.ProposeByCell, "member.status")]
    [InlineData(Point.DeceasedCandidate, Step.RejectCandidate, "member.status")]
    [InlineData(Point.DeceasedCandidate, Step.IssueTransfer, "member.status")]
    [InlineData(Point.DeceasedCandidate, Step.Readmit, "member.status")]
    [InlineData(Point.DeceasedCandidate, Step.Die, "member.status")]
    public void After_death_every_other_transition_is_refused(Point point, Step step, string code)
    {
        var m = At(point);
        var before = MemberState.Of(m);

        Assert.Equal(code, Attempt(m, step)?.Code);
        Assert.Equal(before, MemberState.Of(m));
    }

    // ---- Readmit: from Left or Removed only, at most once, no sooner than 36 months after the end.

    [Theory]
    [InlineData(Ending.Left, "2013-03-09", "member.readmit.early")]
    [InlineData(Ending.Left, "2012-01-01", "member.readmit.early")]
    [InlineData(Ending.Left, "2013-03-10", null)]
    [InlineData(Ending.Left, "2020-06-01", null)]
    [InlineData(Ending.Removed, "2013-03-09", "member.readmit.early")]
    [InlineData(Ending.Removed, "2013-03-10", null)]
    [InlineData(Ending.NotRecognized, "2013-03-09", "member.readmit.early")]
    [InlineData(Ending.NotRecognized, "2013-03-10", null)]
    [InlineData(Ending.Expelled, "2013-03-10", "member.status")]
    [InlineData(Ending.Expelled, "2030-01-01", "member.status")]
    [InlineData(Ending.Deceased, "2013-03-10", "member.status")]
    public void Readmit_only_after_leaving_or_removal_and_36_months_later(Ending ending, string decided, string? code)
    {
        var m = EndedMember(ending);
        var before = MemberState.Of(m);
        var ceremony = D(decided).AddDays(14);

        var result = m.Readmit(D(decided), " 1-QĐ/ĐU ", ceremony, Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        Ok(result);
        Assert.Equal(MemberStatus.Probationary, m.Status);
        Assert.True(m.IsCounted);
        Assert.Equal(ceremony, m.CeremonyOn);
        Assert.Null(m.OfficialOn);
        Assert.Null(m.EndedOn);
        Assert.Null(m.ExemptSince);
        Assert.Equal(D("2000-05-19"), m.AdmittedOn);
        Assert.Equal(1, m.Readmissions);
        var e = Recorded(m)[^1];
        Assert.Equal((MemberEventKind.Readmitted, D(decided), "1-QĐ/ĐU"), (e.Kind, e.EffectiveOn, e.DecisionNumber));
        Assert.Equal("Lễ kết nạp lại ngày " + DateText.Format(ceremony), e.Detail);
    }

    [Theory]
    // 36 months after a month-end date end on the last day of the shorter month
    [InlineData("2020-02-29", "2023-02-27", "member.readmit.early")]
    [InlineData("2020-02-29", "2023-02-28", null)]
    [InlineData("2020-08-31", "2023-08-30", "member.readmit.early")]
    [InlineData("2020-08-31", "2023-08-31", null)]
    [InlineData("2021-01-31", "2024-01-30", "member.readmit.early")]
    [InlineData("2021-01-31", "2024-01-31", null)]
    public void Readmit_waits_36_months_counted_in_calendar_months(string left, string decided, string? code)
    {
        var m = EndedMember(Ending.Left, D(left));

        var result = m.Readmit(D(decided), "1-QĐ/ĐU", D(decided), Context);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(code is null ? MemberStatus.Probationary : MemberStatus.Left, m.Status);
    }

    [Theory]
    [InlineData("2013-03-10", "2013-03-09", "1-QĐ/ĐU", "member.date.order")]
    [InlineData("2013-03-10", "2013-03-10", " ", "member.decision.required")]
    public void Readmit_needs_a_decision_and_a_ceremony_on_or_after_it(string decided, string ceremony, string number, string code)
    {
        var m = EndedMember(Ending.Left);
        var before = MemberState.Of(m);

        Refused(code, m.Readmit(D(decided), number, D(ceremony), Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    [Fact]
    public void Readmit_is_allowed_at_most_once()
    {
        var m = EndedMember(Ending.Left);
        Ok(m.Readmit(D("2013-03-10"), "1-QĐ/ĐU", D("2013-03-20"), Context));
        Ok(m.Leave(D("2015-01-10"), "2-QĐ/ĐU", null, Context));
        var before = MemberState.Of(m);

        var result = m.Readmit(D("2018-01-10"), "3-QĐ/ĐU", D("2018-01-20"), Context);

        Refused("member.readmit.times", result);
        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(MemberStatus.Left, m.Status);
        Refused("member.readmit.times", m.Readmit(D("2030-01-10"), "3-QĐ/ĐU", D("2030-01-20"), Context));
    }

    [Fact]
    public void A_readmitted_member_is_recognised_from_the_new_ceremony_and_keeps_the_first_admission()
    {
        var m = Imported();
        Ok(m.Leave(D("2021-06-01"), "9-QĐ/ĐU", null, Context));
        Ok(m.Readmit(D("2024-06-01"), "1-QĐ/ĐU", D("2024-06-15"), Context));

        Refused("member.official.early", m.RecognizeOfficial(D("2025-06-14"), RecognitionNumber, Context));
        Ok(m.RecognizeOfficial(D("2025-07-01"), RecognitionNumber, Context));

        Assert.Equal(MemberStatus.Official, m.Status);
        Assert.Equal(D("2025-06-15"), m.OfficialOn);
        Assert.Equal(D("2000-05-19"), m.AdmittedOn);
        Assert.Equal(D("2024-06-15"), m.CeremonyOn);
    }
}
