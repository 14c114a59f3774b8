using System.Globalization;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Members.Lifecycle;

/// <summary>Where a member built by <see cref="LifecycleScenario.At"/> stands.</summary>
public enum Point
{
    Registered,
    AwarenessClassCompleted,
    ProposedByCell,
    AdmissionDecided,
    Probationary,
    Official,
    NotAdmitted,
    Left,
    Removed,
    Expelled,
    Deceased,
    DeceasedCandidate,
}

/// <summary>A transition tried with valid arguments, so that only the member's status or stage can refuse it.</summary>
public enum Step
{
    CompleteAwarenessClass,
    ProposeByCell,
    DecideAdmission,
    HoldCeremony,
    RejectCandidate,
    RecognizeOfficial,
    RefuseRecognition,
    Exempt,
    EndExemption,
    Discipline,
    Remove,
    Leave,
    Die,
    Readmit,
    IssueTransfer,
    SetPartyCardNumber,
}

/// <summary>The fields a transition may change: a refused transition must leave all of them as they were.</summary>
public sealed record MemberState(
    MemberStatus Status,
    CandidateStage? Stage,
    int Events,
    long OrganizationId,
    DateOnly? AdmittedOn,
    string? AdmissionDecisionNumber,
    DateOnly? CeremonyOn,
    DateOnly? OfficialOn,
    DateOnly? EndedOn,
    DateOnly? ExemptSince,
    int Readmissions,
    int Introducers,
    string? PartyCardNumber)
{
    public static MemberState Of(Member m) => new(m.Status, m.CandidateStage, m.Events.Count, m.OrganizationId, m.AdmittedOn,
        m.AdmissionDecisionNumber, m.CeremonyOn, m.OfficialOn, m.EndedOn, m.ExemptSince, m.Readmissions, m.Introducers.Count,
        m.PartyCardNumber);
}

/// <summary>
/// Members at each point of the lifecycle, built through the real transitions with the shipped rule data
/// (rules.json) and holiday calendar (public-holidays.csv). Organization 10 is the member's cell, 20 another one.
/// </summary>
public static class LifecycleScenario
{
    public const long Cell = 10;
    public const long OtherCell = 20;
    public const string Actor = "tester";

    public static readonly LifecycleContext Context = new(ReferenceData.Rules, ReferenceData.Calendar, Actor);

    // The standard pipeline: the decision falls just before the 2026 Tết break (16–20/02/2026).
    public static readonly DateOnly RegisteredOn = D("2025-01-10");
    public static readonly DateOnly ClassOn = D("2025-06-01");
    public static readonly DateOnly ConsideredOn = D("2026-01-15");
    public static readonly DateOnly DecidedOn = D("2026-02-12");
    public static readonly DateOnly CeremonyOn = D("2026-03-02");
    public static readonly DateOnly OfficialOn = D("2027-03-02");
    public static readonly DateOnly EndedOn = D("2027-05-03");

    /// <summary>A date after every date of the standard pipeline, still inside the calendar's data.</summary>
    public static readonly DateOnly Later = D("2027-06-01");

    public const string ResolutionNumber = "05-NQ/CB";
    public const string DecisionNumber = "123-QĐ/ĐU";
    public const string RecognitionNumber = "45-QĐ/ĐU";

    public static readonly Introducer Introducer1 = new("Trần Thị Bình", "Bí thư chi bộ", "Chi bộ 1", false);
    public static readonly Introducer Introducer2 = new("Lê Văn Cường", "Đảng viên", "Chi bộ 1", false);
    public static readonly Introducer YouthUnion = new("Nghị quyết Chi đoàn số 12-NQ/CĐ", null, "Chi đoàn", true);
    public static readonly IReadOnlyList<Introducer> TwoIntroducers = [Introducer1, Introducer2];

    public static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    public static Identity Person(string birth = "1995-05-10", bool yearOnly = false, string? citizenId = "001095012345",
        string fullName = "Nguyễn Văn An") =>
        new(fullName, null, Gender.Male, D(birth), yearOnly, citizenId, "Hà Nội", "Hà Nội", "Hà Nội", "Kinh", "Không",
            "Kỹ sư");

    public static void Ok(Result result) => Assert.True(result.IsSuccess, result.Error?.ToString());

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value!;
    }

    public static void Refused(string code, Result result)
    {
        Assert.False(result.IsSuccess, "expected the error " + code);
        Assert.Equal(code, result.Error!.Code);
    }

    public static void Refused<T>(string code, Result<T> result)
    {
        Assert.False(result.IsSuccess, "expected the error " + code);
        Assert.Equal(code, result.Error!.Code);
    }

    public static Member Candidate(Identity? identity = null, DateOnly? registeredOn = null)
    {
        var on = registeredOn ?? RegisteredOn;
        return Ok(Member.RegisterCandidate(Cell, identity ?? Person(), on, on, Context));
    }

    /// <summary>A member at <paramref name="point"/> of the standard pipeline; ended members ended on <see cref="EndedOn"/>.</summary>
    public static Member At(Point point)
    {
        var m = Candidate();
        if (point == Point.Registered)
            return m;
        if (point == Point.NotAdmitted)
        {
            Ok(m.RejectCandidate(ClassOn, "Không đủ tiêu chuẩn", Context));
            return m;
        }
        if (point == Point.DeceasedCandidate)
        {
            Ok(m.Die(ClassOn, Context));
            return m;
        }
        Ok(m.CompleteAwarenessClass(ClassOn, "12/GCN", Context));
        if (point == Point.AwarenessClassCompleted)
            return m;
        Ok(m.ProposeByCell(ConsideredOn, ResolutionNumber, TwoIntroducers, null, Context));
        if (point == Point.ProposedByCell)
            return m;
        Ok(m.DecideAdmission(DecidedOn, DecisionNumber, Context));
        if (point == Point.AdmissionDecided)
            return m;
        Ok(m.HoldCeremony(CeremonyOn, null, Context));
        if (point == Point.Probationary)
            return m;
        Ok(m.RecognizeOfficial(OfficialOn, RecognitionNumber, Context));
        switch (point)
        {
            case Point.Left:
                Ok(m.Leave(EndedOn, "9-QĐ/ĐU", "Xin ra khỏi Đảng", Context));
                break;
            case Point.Removed:
                Ok(m.Remove(EndedOn, "9-QĐ/ĐU", "Bỏ sinh hoạt 3 tháng", Context));
                break;
            case Point.Expelled:
                Ok(m.Discipline(DisciplineLevel.Expulsion, EndedOn, "9-QĐ/ĐU", "Vi phạm nghiêm trọng", Context));
                break;
            case Point.Deceased:
                Ok(m.Die(EndedOn, Context));
                break;
        }
        return m;
    }

    /// <summary>A candidate taken through the pipeline to a ceremony on <paramref name="ceremonyOn"/>.</summary>
    public static Member Admitted(DateOnly decidedOn, DateOnly ceremonyOn, Identity? identity = null)
    {
        var m = Candidate(identity, decidedOn.AddMonths(-12));
        Ok(m.CompleteAwarenessClass(decidedOn.AddMonths(-6), "12/GCN", Context));
        Ok(m.ProposeByCell(decidedOn.AddDays(-20), ResolutionNumber, TwoIntroducers, null, Context));
        Ok(m.DecideAdmission(decidedOn, DecisionNumber, Context));
        Ok(m.HoldCeremony(ceremonyOn, null, Context));
        return m;
    }

    /// <summary>Who records the imports of <see cref="Imported"/>.</summary>
    public const string ImportActor = "(nhập dữ liệu)";

    /// <summary>The member's events after the import (without the ceremony and recognition the import records).</summary>
    public static List<MemberEvent> Recorded(Member m) => m.Events.Where(e => e.RecordedBy != ImportActor).ToList();

    /// <summary>A member admitted on 19/05/2000 as the registry holds them (only the import's admission events).</summary>
    public static Member Imported(MemberStatus status = MemberStatus.Official, string admittedOn = "2000-05-19",
        string ceremonyOn = "2000-06-01", string? officialOn = "2001-06-01", string? partyCard = "123456789") =>
        Member.Import(Cell, Person("1970-01-15"), status, D(admittedOn), D(ceremonyOn),
            officialOn is null ? null : D(officialOn), partyCard, ImportActor);

    /// <summary>Tries <paramref name="step"/> on <see cref="Later"/> (readmission: years later) with valid arguments.</summary>
    public static Error? Attempt(Member m, Step step) => step switch
    {
        Step.CompleteAwarenessClass => m.CompleteAwarenessClass(Later, "12/GCN", Context).Error,
        Step.ProposeByCell => m.ProposeByCell(Later, ResolutionNumber, TwoIntroducers, null, Context).Error,
        Step.DecideAdmission => m.DecideAdmission(Later, DecisionNumber, Context).Error,
        Step.HoldCeremony => m.HoldCeremony(Later, "Chờ bố trí", Context).Error,
        Step.RejectCandidate => m.RejectCandidate(Later, "Không đủ tiêu chuẩn", Context).Error,
        Step.RecognizeOfficial => m.RecognizeOfficial(Later, RecognitionNumber, Context).Error,
        Step.RefuseRecognition => m.RefuseRecognition(Later, RecognitionNumber, "Không đủ tư cách", Context).Error,
        Step.Exempt => m.Exempt(Later, "7-QĐ/CB", "Tuổi cao", Context).Error,
        Step.EndExemption => m.EndExemption(Later, "8-QĐ/CB", Context).Error,
        Step.Discipline => m.Discipline(DisciplineLevel.Reprimand, Later, "3-QĐ/CB", "Vi phạm", Context).Error,
        Step.Remove => m.Remove(Later, "9-QĐ/ĐU", "Bỏ sinh hoạt", Context).Error,
        Step.Leave => m.Leave(Later, "9-QĐ/ĐU", null, Context).Error,
        Step.Die => m.Die(Later, Context).Error,
        Step.Readmit => m.Readmit(D("2031-06-01"), "1-QĐ/ĐU", D("2031-06-15"), Context).Error,
        Step.IssueTransfer => m.IssueTransfer(TransferKind.Permanent, OtherCell, Later, null, "15-GGT", null, Context).Error,
        Step.SetPartyCardNumber => m.SetPartyCardNumber("123456").Error,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The member's gaps for <see cref="PartyAge"/>, an open gap running to <paramref name="at"/>.</summary>
    public static IEnumerable<InactivityGap> Inactivity(Member m, DateOnly at) =>
        m.ActivityGaps().Select(g => new InactivityGap(g.From, g.To ?? at));
}
