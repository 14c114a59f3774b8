using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

public class AdmissionPipelineTests
{
    private static readonly DateOnly Today = D("2026-03-01");

    // ---- RegisterCandidate: identity validation.

    [Theory]
    [InlineData("", "1995-05-10", null, "member.name.required")]
    [InlineData("   ", "1995-05-10", null, "member.name.required")]
    [InlineData("An", "1995-05-10", null, "member.name.required")]
    [InlineData("Nguyễn Văn An", "2026-03-02", null, "member.birth.future")]
    [InlineData("Nguyễn Văn An", "2030-01-01", null, "member.birth.future")]
    [InlineData("Nguyễn Văn An", "1899-12-31", null, "member.birth.early")]
    [InlineData("Nguyễn Văn An", "1850-06-01", null, "member.birth.early")]
    [InlineData("Nguyễn Văn An", "1995-05-10", "00109501234", "member.cccd.format")]
    [InlineData("Nguyễn Văn An", "1995-05-10", "0010950123456", "member.cccd.format")]
    [InlineData("Nguyễn Văn An", "1995-05-10", "00109501234X", "member.cccd.format")]
    [InlineData("Nguyễn Văn An", "1995-05-10", "001-095-012-345", "member.cccd.format")]
    public void RegisterCandidate_refuses_an_invalid_identity(string fullName, string birth, string? citizenId, string code)
    {
        var result = Member.RegisterCandidate(Cell, Person(birth, citizenId: citizenId, fullName: fullName), Today, Today, Context);

        Refused(code, result);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "1995-05-10", false, "001095012345", "1995-05-10", "001095012345")]
    [InlineData("  nguyễn   văn  an ", "1995-05-10", false, null, "1995-05-10", null)]
    [InlineData("Nguyễn Văn An", "2026-03-01", false, "", "2026-03-01", null)]
    [InlineData("Nguyễn Văn An", "1900-01-01", false, "001 095 012 345", "1900-01-01", "001095012345")]
    [InlineData("Nguyễn Văn An", "1995-07-15", true, null, "1995-01-01", null)]
    public void RegisterCandidate_accepts_a_valid_identity_as_a_registered_candidate(
        string fullName, string birth, bool yearOnly, string? citizenId, string storedBirth, string? storedCitizenId)
    {
        var m = Ok(Member.RegisterCandidate(Cell, Person(birth, yearOnly, citizenId, fullName), Today, Today, Context));

        Assert.Equal(MemberStatus.Candidate, m.Status);
        Assert.Equal(CandidateStage.Registered, m.CandidateStage);
        Assert.Equal(Cell, m.OrganizationId);
        Assert.Equal(D(storedBirth), m.BirthDate);
        Assert.Equal(yearOnly, m.BirthYearOnly);
        Assert.Equal(storedCitizenId, m.CitizenId);
        Assert.False(m.IsCounted);
        Assert.Null(m.AdmittedOn);
        var e = Assert.Single(m.Events);
        Assert.Equal(MemberEventKind.CandidateRegistered, e.Kind);
        Assert.Equal(Today, e.EffectiveOn);
        Assert.Equal(Cell, e.OrganizationId);
        Assert.Equal(Actor, e.RecordedBy);
    }

    [Fact]
    public void RegisterCandidate_splits_and_folds_the_name()
    {
        var m = Candidate(Person(fullName: "  Nguyễn   Thị  Minh Khai "));

        Assert.Equal("Nguyễn Thị Minh Khai", m.FullName);
        Assert.Equal(("Nguyễn", "Thị Minh", "Khai"), (m.FamilyName, m.MiddleName, m.GivenName));
        Assert.Equal("nguyen thi minh khai", m.NameFolded);
    }

    // ---- CompleteAwarenessClass.

    [Fact]
    public void CompleteAwarenessClass_moves_the_candidate_to_the_next_stage_with_the_certificate()
    {
        var m = Candidate();

        Ok(m.CompleteAwarenessClass(ClassOn, " 12/GCN ", Context));

        Assert.Equal(MemberStatus.Candidate, m.Status);
        Assert.Equal(CandidateStage.AwarenessClassCompleted, m.CandidateStage);
        var e = m.Events[^1];
        Assert.Equal(MemberEventKind.AwarenessClassCompleted, e.Kind);
        Assert.Equal(ClassOn, e.EffectiveOn);
        Assert.Equal("12/GCN", e.DecisionNumber);
        Assert.Equal("Giấy chứng nhận số 12/GCN", e.Detail);
    }

    // ---- ProposeByCell: introducers, resolution number, age.

    public static TheoryData<Introducer[], string?> IntroducerCases => new()
    {
        { [Introducer1, Introducer2], null },
        { [Introducer1, YouthUnion], null },
        { [YouthUnion, Introducer2], null },
        { [Introducer1, Introducer2, new("  ", null, null, false)], null },
        { [Introducer1], "member.introducers" },
        { [], "member.introducers" },
        { [Introducer1, new("", null, null, false)], "member.introducers" },
        { [Introducer1, Introducer2, new("Phạm Văn Dũng", null, null, false)], "member.introducers" },
        { [YouthUnion, YouthUnion with { FullName = "Nghị quyết Đoàn trường số 3-NQ/ĐTN" }], "member.introducers" },
    };

    [Theory]
    [MemberData(nameof(IntroducerCases))]
    public void ProposeByCell_needs_exactly_two_introducers_with_at_most_one_Youth_Union_resolution(Introducer[] introducers, string? code)
    {
        var m = At(Point.AwarenessClassCompleted);
        var before = MemberState.Of(m);

        var result = m.ProposeByCell(ConsideredOn, ResolutionNumber, introducers, null, Context);

        if (code is null)
        {
            Ok(result);
            Assert.Equal(CandidateStage.ProposedByCell, m.CandidateStage);
            Assert.Equal(2, m.Introducers.Count);
            Assert.All(m.Introducers, i => Assert.False(string.IsNullOrWhiteSpace(i.FullName)));
        }
        else
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ProposeByCell_needs_the_resolution_number(string resolution)
    {
        var m = At(Point.AwarenessClassCompleted);
        var before = MemberState.Of(m);

        Refused("member.decision.required", m.ProposeByCell(ConsideredOn, resolution, TwoIntroducers, null, Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    [Theory]
    // 18 years in full months at the date the cell considers
    [InlineData("2008-03-15", false, "2026-03-14", null, "member.admission.age.young", null, null)]
    [InlineData("2008-03-15", false, "2026-03-15", null, null, null, "18 tuổi 0 tháng")]
    // born on 29/02: the 18 years are complete on 28/02 of a common year
    [InlineData("2008-02-29", false, "2026-02-27", null, "member.admission.age.young", null, null)]
    [InlineData("2008-02-29", false, "2026-02-28", null, null, null, "18 tuổi 0 tháng")]
    // only the year known: counted from 1 January
    [InlineData("2008-07-15", true, "2025-12-31", null, "member.admission.age.young", null, null)]
    [InlineData("2008-07-15", true, "2026-01-01", null, null, null, "18 tuổi 0 tháng")]
    // 60 years 0 months is still within range, without an override
    [InlineData("1966-03-15", false, "2026-03-15", null, null, null, "60 tuổi 0 tháng")]
    [InlineData("1966-03-15", false, "2026-04-14", null, null, null, "60 tuổi 0 tháng")]
    [InlineData("1966-03-15", false, "2026-04-14", "Ý kiến của Tỉnh ủy", null, null, "60 tuổi 0 tháng")]
    // 60 years 1 month needs the committee directly under the Centre: a reason, recorded in the event
    [InlineData("1966-03-15", false, "2026-04-15", null, "member.admission.age.override", null, null)]
    [InlineData("1966-03-15", false, "2026-04-15", "   ", "member.admission.age.override", null, null)]
    [InlineData("1966-03-15", false, "2026-04-15", " Ý kiến của Tỉnh ủy ", null, "Ý kiến của Tỉnh ủy", "60 tuổi 1 tháng")]
    [InlineData("1966-08-20", true, "2026-02-01", null, "member.admission.age.override", null, null)]
    [InlineData("1966-08-20", true, "2026-01-31", null, null, null, "60 tuổi 0 tháng")]
    public void ProposeByCell_checks_the_age_in_full_months_at_the_consideration_date(
        string birth, bool yearOnly, string considered, string? overrideReason, string? code, string? recordedOverride, string? age)
    {
        var m = Candidate(Person(birth, yearOnly), D("2024-06-01"));
        Ok(m.CompleteAwarenessClass(D("2024-12-01"), "12/GCN", Context));
        var before = MemberState.Of(m);

        var result = m.ProposeByCell(D(considered), ResolutionNumber, TwoIntroducers, overrideReason, Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        var note = Ok(result);
        Assert.Contains(age!, note.Message);
        Assert.NotEmpty(note.Citations);
        Assert.Equal(CandidateStage.ProposedByCell, m.CandidateStage);
        var e = m.Events[^1];
        Assert.Equal(MemberEventKind.ProposedByCell, e.Kind);
        Assert.Equal(D(considered), e.EffectiveOn);
        Assert.Equal(ResolutionNumber, e.DecisionNumber);
        Assert.Equal("Tuổi khi chi bộ xét: " + age, e.Detail);
        Assert.Equal(recordedOverride, e.OverrideReason);
    }

    // ---- Dates: no step before the previous one.

    [Theory]
    [InlineData(Step.CompleteAwarenessClass, -1, "member.date.order")]
    [InlineData(Step.CompleteAwarenessClass, 0, null)]
    [InlineData(Step.ProposeByCell, -1, "member.date.order")]
    [InlineData(Step.ProposeByCell, 0, null)]
    [InlineData(Step.DecideAdmission, -1, "member.date.order")]
    [InlineData(Step.DecideAdmission, 0, null)]
    [InlineData(Step.HoldCeremony, -1, "member.date.order")]
    [InlineData(Step.HoldCeremony, 0, null)]
    public void A_step_dated_before_the_previous_one_is_refused(Step step, int daysAfterPrevious, string? code)
    {
        var (point, previous) = step switch
        {
            Step.CompleteAwarenessClass => (Point.Registered, RegisteredOn),
            Step.ProposeByCell => (Point.AwarenessClassCompleted, ClassOn),
            Step.DecideAdmission => (Point.ProposedByCell, ConsideredOn),
            _ => (Point.AdmissionDecided, DecidedOn),
        };
        var m = At(point);
        var before = MemberState.Of(m);
        var on = previous.AddDays(daysAfterPrevious);

        var error = step switch
        {
            Step.CompleteAwarenessClass => m.CompleteAwarenessClass(on, "12/GCN", Context).Error,
            Step.ProposeByCell => m.ProposeByCell(on, ResolutionNumber, TwoIntroducers, null, Context).Error,
            Step.DecideAdmission => m.DecideAdmission(on, DecisionNumber, Context).Error,
            _ => m.HoldCeremony(on, null, Context).Error,
        };

        Assert.Equal(code, error?.Code);
        if (code is null)
        {
            Assert.Equal(before.Events + 1, m.Events.Count);
            Assert.Equal(on, m.Events[^1].EffectiveOn);
        }
        else
            Assert.Equal(before, MemberState.Of(m));
    }

    // ---- DecideAdmission.

    [Fact]
    public void DecideAdmission_sets_the_admission_date_and_decision_number()
    {
        var m = At(Point.ProposedByCell);

        Ok(m.DecideAdmission(DecidedOn, "  " + DecisionNumber + " ", Context));

        Assert.Equal(MemberStatus.Candidate, m.Status);
        Assert.Equal(CandidateStage.AdmissionDecided, m.CandidateStage);
        Assert.Equal(DecidedOn, m.AdmittedOn);
        Assert.Equal(DecisionNumber, m.AdmissionDecisionNumber);
        Assert.Null(m.CeremonyOn);
        Assert.False(m.IsCounted);
        var e = m.Events[^1];
        Assert.Equal((MemberEventKind.AdmissionDecided, DecidedOn, DecisionNumber), (e.Kind, e.EffectiveOn, e.DecisionNumber));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void DecideAdmission_needs_the_decision_number(string number)
    {
        var m = At(Point.ProposedByCell);
        var before = MemberState.Of(m);

        Refused("member.decision.required", m.DecideAdmission(DecidedOn, number, Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    // ---- HoldCeremony: within 30 working days of the decision (12/02/2026, just before Tết 2026).

    [Theory]
    [InlineData("2026-02-12", null, null, null)]
    [InlineData("2026-03-26", null, null, null)]  // the 30th working day were there no Tết break
    [InlineData("2026-04-02", null, null, null)]  // the 30th working day: Tết 16–20/02/2026 skipped
    [InlineData("2026-04-02", "Chờ bố trí", null, null)]  // in time: no delay to record
    [InlineData("2026-04-03", null, "member.ceremony.late", null)]
    [InlineData("2026-04-03", "  ", "member.ceremony.late", null)]
    [InlineData("2026-04-03", " Người vào Đảng ốm ", null, "Người vào Đảng ốm")]
    [InlineData("2026-09-01", "Đi công tác dài ngày", null, "Đi công tác dài ngày")]
    [InlineData("2026-02-11", null, "member.date.order", null)]
    public void HoldCeremony_within_30_working_days_or_with_a_recorded_delay_reason(
        string heldOn, string? delayReason, string? code, string? recordedReason)
    {
        var m = At(Point.AdmissionDecided);
        var before = MemberState.Of(m);

        var result = m.HoldCeremony(D(heldOn), delayReason, Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        var note = Ok(result);
        Assert.Equal("Hạn tổ chức lễ kết nạp: 02/04/2026.", note.Message);
        Assert.Equal("admission.ceremony_within_working_days", Assert.Single(note.Citations).Key);
        Assert.Equal(MemberStatus.Probationary, m.Status);
        Assert.Null(m.CandidateStage);
        Assert.True(m.IsCounted);
        Assert.Equal(D(heldOn), m.CeremonyOn);
        Assert.Equal(DecidedOn, m.AdmittedOn);
        Assert.Null(m.OfficialOn);
        var e = m.Events[^1];
        Assert.Equal((MemberEventKind.CeremonyHeld, D(heldOn), DecisionNumber), (e.Kind, e.EffectiveOn, e.DecisionNumber));
        Assert.Equal(recordedReason, e.OverrideReason);
    }

    [Fact]
    public void The_ceremony_deadline_skips_the_Tet_2026_break()
    {
        Assert.Equal(30, ReferenceData.Calendar.WorkingDaysBetween(DecidedOn, D("2026-04-02")));
        Assert.Equal(5, ReferenceData.Calendar.HolidaysBetween(DecidedOn, D("2026-04-02")).Count);

        var m = At(Point.AdmissionDecided);
        var error = m.HoldCeremony(D("2026-04-03"), null, Context).Error!;

        Assert.Contains("hạn 02/04/2026", error.Message);
    }

    // ---- RejectCandidate.

    [Theory]
    [InlineData(Point.Registered)]
    [InlineData(Point.AwarenessClassCompleted)]
    [InlineData(Point.ProposedByCell)]
    [InlineData(Point.AdmissionDecided)]
    public void RejectCandidate_ends_the_candidacy_at_any_stage(Point point)
    {
        var m = At(point);
        var events = m.Events.Count;

        Ok(m.RejectCandidate(Later, " Không đủ tiêu chuẩn ", Context));

        Assert.Equal(MemberStatus.NotAdmitted, m.Status);
        Assert.Null(m.CandidateStage);
        Assert.Equal(Later, m.EndedOn);
        Assert.False(m.IsCounted);
        Assert.Equal(events + 1, m.Events.Count);
        var e = m.Events[^1];
        Assert.Equal((MemberEventKind.NotAdmitted, Later, "Không đủ tiêu chuẩn"), (e.Kind, e.EffectiveOn, e.Detail));
    }

    [Fact]
    public void RejectCandidate_needs_a_reason()
    {
        var m = At(Point.ProposedByCell);
        var before = MemberState.Of(m);

        Refused("member.reason.required", m.RejectCandidate(Later, " ", Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    // ---- Steps out of order: refused with the stable code, nothing changes.

    [Theory]
    [InlineData(Point.Registered, Step.ProposeByCell, "member.stage")]
    [InlineData(Point.Registered, Step.DecideAdmission, "member.stage")]
    [InlineData(Point.Registered, Step.HoldCeremony, "member.stage")]
    [InlineData(Point.Registered, Step.RecognizeOfficial, "member.status")]
    [InlineData(Point.Registered, Step.RefuseRecognition, "member.status")]
    [InlineData(Point.Registered, Step.Exempt, "member.status")]
    [InlineData(Point.Registered, Step.EndExemption, "member.exempt.not")]
    [InlineData(Point.Registered, Step.Discipline, "member.status")]
    [InlineData(Point.Registered, Step.Remove, "member.status")]
    [InlineData(Point.Registered, Step.Leave, "member.status")]
    [InlineData(Point.Registered, Step.Readmit, "member.status")]
    [InlineData(Point.Registered, Step.IssueTransfer, "member.status")]
    [InlineData(Point.Registered, Step.SetPartyCardNumber, "member.card.status")]
    [InlineData(Point.AwarenessClassCompleted, Step.CompleteAwarenessClass, "member.stage")]
    [InlineData(Point.AwarenessClassCompleted, Step.DecideAdmission, "member.stage")]
    [InlineData(Point.AwarenessClassCompleted, Step.HoldCeremony, "member.stage")]
    [InlineData(Point.ProposedByCell, Step.CompleteAwarenessClass, "member.stage")]
    [InlineData(Point.ProposedByCell, Step.ProposeByCell, "member.stage")]
    [InlineData(Point.ProposedByCell, Step.HoldCeremony, "member.stage")]
    [InlineData(Point.AdmissionDecided, Step.CompleteAwarenessClass, "member.stage")]
    [InlineData(Point.AdmissionDecided, Step.ProposeByCell, "member.stage")]
    [InlineData(Point.AdmissionDecided, Step.DecideAdmission, "member.stage")]
    [InlineData(Point.AdmissionDecided, Step.RecognizeOfficial, "member.status")]
    [InlineData(Point.AdmissionDecided, Step.IssueTransfer, "member.status")]
    [InlineData(Point.Probationary, Step.CompleteAwarenessClass, "member.status")]
    [InlineData(Point.Probationary, Step.ProposeByCell, "member.status")]
    [InlineData(Point.Probationary, Step.DecideAdmission, "member.status")]
    [InlineData(Point.Probationary, Step.HoldCeremony, "member.status")]
    [InlineData(Point.Probationary, Step.RejectCandidate, "member.status")]
    [InlineData(Point.Probationary, Step.Readmit, "member.status")]
    [InlineData(Point.Official, Step.CompleteAwarenessClass, "member.status")]
    [InlineData(Point.Official, Step.ProposeByCell, "member.status")]
    [InlineData(Point.Official, Step.DecideAdmission, "member.status")]
    [InlineData(Point.Official, Step.HoldCeremony, "member.status")]
    [InlineData(Point.Official, Step.RejectCandidate, "member.status")]
    [InlineData(Point.Official, Step.RecognizeOfficial, "member.status")]
    [InlineData(Point.Official, Step.RefuseRecognition, "member.status")]
    [InlineData(Point.Official, Step.Readmit, "member.status")]
    [InlineData(Point.NotAdmitted, Step.CompleteAwarenessClass, "member.status")]
    [InlineData(Point.NotAdmitted, Step.ProposeByCell, "member.status")]
    [InlineData(Point.NotAdmitted, Step.DecideAdmission, "member.status")]
    [InlineData(Point.NotAdmitted, Step.HoldCeremony, "member.status")]
    [InlineData(Point.NotAdmitted, Step.RejectCandidate, "member.status")]
    [InlineData(Point.NotAdmitted, Step.Die, "member.status")]
    [InlineData(Point.NotAdmitted, Step.Exempt, "member.status")]
    [InlineData(Point.NotAdmitted, Step.IssueTransfer, "member.status")]
    [InlineData(Point.NotAdmitted, Step.Readmit, "member.status")]
    [InlineData(Point.Left, Step.CompleteAwarenessClass, "member.status")]
    [InlineData(Point.Left, Step.RecognizeOfficial, "member.status")]
    [InlineData(Point.Left, Step.Leave, "member.status")]
    [InlineData(Point.Left, Step.Remove, "member.status")]
    [InlineData(Point.Left, Step.Die, "member.status")]
    [InlineData(Point.Left, Step.Discipline, "member.status")]
    [InlineData(Point.Left, Step.Exempt, "member.status")]
    [InlineData(Point.Left, Step.IssueTransfer, "member.status")]
    [InlineData(Point.Left, Step.SetPartyCardNumber, "member.card.status")]
    [InlineData(Point.Removed, Step.Leave, "member.status")]
    [InlineData(Point.Removed, Step.Remove, "member.status")]
    [InlineData(Point.Removed, Step.Die, "member.status")]
    [InlineData(Point.Removed, Step.RefuseRecognition, "member.status")]
    [InlineData(Point.Expelled, Step.Readmit, "member.status")]
    [InlineData(Point.Expelled, Step.Die, "member.status")]
    [InlineData(Point.Expelled, Step.Leave, "member.status")]
    [InlineData(Point.Expelled, Step.Discipline, "member.status")]
    [InlineData(Point.Expelled, Step.IssueTransfer, "member.status")]
    public void A_step_out_of_order_is_refused_and_changes_nothing(Point point, Step step, string code)
    {
        var m = At(point);
        var before = MemberState.Of(m);

        var error = Attempt(m, step);

        Assert.Equal(code, error?.Code);
        Assert.Equal(before, MemberState.Of(m));
    }
}
