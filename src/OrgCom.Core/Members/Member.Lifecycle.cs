using OrgCom.Core.Common;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Members;

/// <summary>
/// The membership lifecycle as guarded transitions. Each refuses, with a Vietnamese message, what the rules forbid —
/// an illegal sequence (transferring a deceased member, recognising a candidate) is impossible — and records a dated
/// <see cref="MemberEvent"/> citing its decision. Thresholds come from the <see cref="RuleBook"/> in force on the date.
/// </summary>
public sealed partial class Member
{
    // ---- Admission pipeline: candidate → awareness class → cell proposal → decision → ceremony (probationary).

    public static Result<Member> RegisterCandidate(long organizationId, Identity identity, DateOnly registeredOn, DateOnly today, LifecycleContext context)
    {
        var valid = ValidateIdentity(identity, today);
        if (!valid.IsSuccess)
            return valid.Error!;
        var member = new Member { OrganizationId = organizationId, Status = MemberStatus.Candidate, CandidateStage = Members.CandidateStage.Registered };
        member._placements.Add(new MemberPlacement(organizationId, null, null));
        member.ApplyIdentity(identity);
        member.Record(MemberEventKind.CandidateRegistered, registeredOn, null, context);
        return member;
    }

    public Result CompleteAwarenessClass(DateOnly completedOn, string? certificateNumber, LifecycleContext context)
    {
        if (!IsAtStage(Members.CandidateStage.Registered))
            return WrongStepFor("ghi nhận học lớp nhận thức về Đảng");
        if (LastEventDate() is { } previous && completedOn < previous)
            return MemberErrors.BeforePrevious(completedOn, previous, "bước trước");
        CandidateStage = Members.CandidateStage.AwarenessClassCompleted;
        Record(MemberEventKind.AwarenessClassCompleted, completedOn, NullIfBlank(certificateNumber), context,
            detail: certificateNumber is null ? null : $"Giấy chứng nhận số {certificateNumber.Trim()}");
        return Result.Ok();
    }

    /// <summary>The cell considers the candidate. Age is checked in full months on <paramref name="consideredOn"/>;
    /// over the maximum the committee directly under the Centre decides, which is recorded as an override reason.</summary>
    public Result<RuleNote> ProposeByCell(DateOnly consideredOn, string resolutionNumber, IReadOnlyList<Introducer> introducers,
        string? overrideReason, LifecycleContext context)
    {
        if (!IsAtStage(Members.CandidateStage.AwarenessClassCompleted))
            return WrongStepFor("xét đề nghị kết nạp");
        if (string.IsNullOrWhiteSpace(resolutionNumber))
            return MemberErrors.DecisionRequired;
        if (LastEventDate() is { } previous && consideredOn < previous)
            return MemberErrors.BeforePrevious(consideredOn, previous, "học lớp nhận thức về Đảng");
        var people = introducers.Where(i => !string.IsNullOrWhiteSpace(i.FullName)).ToList();
        if (people.Count != 2 || people.Count(i => i.IsYouthUnionResolution) > 1)
            return LifecycleErrors.Introducers;

        var age = Rules.AdmissionAgeCheck.Check(BirthDate, BirthYearOnly, consideredOn, context.Rules);
        if (age.Outcome == Rules.AdmissionAgeOutcome.TooYoung)
            return new Error("member.admission.age.young", age.Message);
        var cleanOverride = NullIfBlank(overrideReason);
        if (age.Outcome == Rules.AdmissionAgeOutcome.RequiresOverride && cleanOverride is null)
            return new Error("member.admission.age.override", $"{age.Message} Hãy ghi lý do (ý kiến của cấp ủy trực thuộc Trung ương) để tiếp tục.");

        Introducers = people;
        CandidateStage = Members.CandidateStage.ProposedByCell;
        Record(MemberEventKind.ProposedByCell, consideredOn, resolutionNumber.Trim(), context,
            detail: $"Tuổi khi chi bộ xét: {Rules.Age.Describe(age.AgeInFullMonths)}",
            overrideReason: age.Outcome == Rules.AdmissionAgeOutcome.RequiresOverride ? cleanOverride : null);
        return new RuleNote(age.Message, age.Citations);
    }

    public Result DecideAdmission(DateOnly decidedOn, string decisionNumber, LifecycleContext context)
    {
        if (!IsAtStage(Members.CandidateStage.ProposedByCell))
            return WrongStepFor("ghi quyết định kết nạp");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        if (LastEventDate() is { } previous && decidedOn < previous)
            return MemberErrors.BeforePrevious(decidedOn, previous, "chi bộ xét");
        AdmittedOn = decidedOn;
        AdmissionDecisionNumber = decisionNumber.Trim();
        CandidateStage = Members.CandidateStage.AdmissionDecided;
        Record(MemberEventKind.AdmissionDecided, decidedOn, AdmissionDecisionNumber, context);
        return Result.Ok();
    }

    /// <summary>The ceremony makes the candidate a probationary member; it must be held within the rule's number of
    /// working days of the decision unless a reason for the delay is recorded.</summary>
    public Result<RuleNote> HoldCeremony(DateOnly heldOn, string? delayReason, LifecycleContext context)
    {
        if (!IsAtStage(Members.CandidateStage.AdmissionDecided))
            return WrongStepFor("ghi lễ kết nạp");
        var decided = AdmittedOn!.Value;
        if (heldOn < decided)
            return MemberErrors.BeforePrevious(heldOn, decided, "quyết định kết nạp");
        var rule = context.Rules.Get(RuleKey.AdmissionCeremonyWithinWorkingDays, decided);
        var deadline = context.Calendar.AddWorkingDays(decided, rule.AsInt());
        var late = heldOn > deadline;
        var cleanReason = NullIfBlank(delayReason);
        if (late && cleanReason is null)
            return new Error("member.ceremony.late",
                $"Lễ kết nạp phải tổ chức trong {rule.AsInt()} ngày làm việc kể từ ngày quyết định (hạn {DateText.Format(deadline)}). " +
                $"{rule.Citation}. Hãy ghi lý do chậm để tiếp tục.");

        Status = MemberStatus.Probationary;
        CandidateStage = null;
        CeremonyOn = heldOn;
        Record(MemberEventKind.CeremonyHeld, heldOn, AdmissionDecisionNumber, context, overrideReason: late ? cleanReason : null);
        return new RuleNote($"Hạn tổ chức lễ kết nạp: {DateText.Format(deadline)}.", rule.Citation);
    }

    public Result RejectCandidate(DateOnly decidedOn, string reason, LifecycleContext context)
    {
        if (Status != MemberStatus.Candidate)
            return MemberErrors.WrongStatus(this, "ghi không kết nạp");
        if (string.IsNullOrWhiteSpace(reason))
            return LifecycleErrors.ReasonRequired;
        Status = MemberStatus.NotAdmitted;
        CandidateStage = null;
        EndedOn = decidedOn;
        Record(MemberEventKind.NotAdmitted, decidedOn, null, context, detail: reason.Trim());
        return Result.Ok();
    }

    // ---- Probation.

    /// <summary>Recognises a probationary member as official. The member is official from the day the probation
    /// ends, even when the decision comes later; the decision cannot come before that day.</summary>
    public Result<RuleNote> RecognizeOfficial(DateOnly decidedOn, string decisionNumber, LifecycleContext context)
    {
        if (Status != MemberStatus.Probationary)
            return MemberErrors.WrongStatus(this, "công nhận đảng viên chính thức");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        var probation = Rules.Probation.For(CeremonyOn!.Value, context.Rules, context.Calendar);
        if (decidedOn < probation.EndsOn)
            return new Error("member.official.early",
                $"Chưa hết thời gian dự bị: thời gian dự bị kết thúc ngày {DateText.Format(probation.EndsOn)}. {probation.Citations[0]}.");
        Status = MemberStatus.Official;
        OfficialOn = probation.OfficialOn;
        Record(MemberEventKind.RecognizedOfficial, probation.OfficialOn, decisionNumber.Trim(), context,
            detail: $"Quyết định ngày {DateText.Format(decidedOn)}" + (decidedOn > probation.RecognitionDueBy
                ? $"; quá hạn đề nghị ({DateText.Format(probation.RecognitionDueBy)})" : ""));
        return new RuleNote($"Đảng viên chính thức từ ngày {DateText.Format(probation.OfficialOn)}.", probation.Citations);
    }

    public Result RefuseRecognition(DateOnly decidedOn, string decisionNumber, string reason, LifecycleContext context)
    {
        if (Status != MemberStatus.Probationary)
            return MemberErrors.WrongStatus(this, "ghi không công nhận chính thức");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        if (string.IsNullOrWhiteSpace(reason))
            return LifecycleErrors.ReasonRequired;
        End(MemberStatus.Removed, MemberEventKind.NotRecognized, decidedOn, decisionNumber, reason, context);
        return Result.Ok();
    }

    // ---- Other events of a member's life.

    public Result Exempt(DateOnly from, string decisionNumber, string? reason, LifecycleContext context)
    {
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "miễn công tác và sinh hoạt đảng");
        if (ExemptSince is not null)
            return LifecycleErrors.AlreadyExempt(ExemptSince.Value);
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        ExemptSince = from;
        Record(MemberEventKind.Exempted, from, decisionNumber.Trim(), context, detail: NullIfBlank(reason));
        return Result.Ok();
    }

    public Result EndExemption(DateOnly on, string decisionNumber, LifecycleContext context)
    {
        if (ExemptSince is not { } since)
            return LifecycleErrors.NotExempt;
        if (on < since)
            return MemberErrors.BeforePrevious(on, since, "miễn sinh hoạt");
        ExemptSince = null;
        Record(MemberEventKind.ExemptionEnded, on, NullIfBlank(decisionNumber), context);
        return Result.Ok();
    }

    /// <summary>Disciplines a member. A probationary member may only receive the measures the rule allows
    /// (reprimand, warning); expulsion ends the membership.</summary>
    public Result Discipline(DisciplineLevel level, DateOnly on, string decisionNumber, string? reason, LifecycleContext context)
    {
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "kỷ luật");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        if (Status == MemberStatus.Probationary)
        {
            var rule = context.Rules.Get(RuleKey.DisciplineProbationaryAllowed, on);
            if (!rule.AsList().Contains(level.ToString()))
                return new Error("member.discipline.probationary",
                    $"Đảng viên dự bị chỉ bị kỷ luật bằng hình thức {string.Join(", ", rule.AsList().Select(n => Enum.Parse<DisciplineLevel>(n).DisplayName().ToLowerInvariant()))}. {rule.Citation}.");
        }
        if (level == DisciplineLevel.Expulsion)
        {
            End(MemberStatus.Expelled, MemberEventKind.Disciplined, on, decisionNumber, reason, context, level);
            return Result.Ok();
        }
        Record(MemberEventKind.Disciplined, on, decisionNumber.Trim(), context, detail: NullIfBlank(reason), discipline: level);
        return Result.Ok();
    }

    public Result Remove(DateOnly on, string decisionNumber, string reason, LifecycleContext context)
    {
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "xóa tên");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        if (string.IsNullOrWhiteSpace(reason))
            return LifecycleErrors.ReasonRequired;
        End(MemberStatus.Removed, MemberEventKind.Removed, on, decisionNumber, reason, context);
        return Result.Ok();
    }

    public Result Leave(DateOnly on, string decisionNumber, string? reason, LifecycleContext context)
    {
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "ghi ra khỏi Đảng");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        End(MemberStatus.Left, MemberEventKind.Left, on, decisionNumber, reason, context);
        return Result.Ok();
    }

    public Result Die(DateOnly on, LifecycleContext context)
    {
        if (!IsCounted && Status != MemberStatus.Candidate)
            return MemberErrors.WrongStatus(this, "ghi từ trần");
        if (on < BirthDate)
            return MemberErrors.BeforePrevious(on, BirthDate, "sinh");
        CandidateStage = null;
        End(MemberStatus.Deceased, MemberEventKind.Deceased, on, null, null, context);
        return Result.Ok();
    }

    /// <summary>Readmission (kết nạp lại): at most the rule's number of times, no sooner than the rule's months
    /// after leaving. Party age keeps counting from the first admission, minus the time outside the party.</summary>
    public Result Readmit(DateOnly decidedOn, string decisionNumber, DateOnly ceremonyOn, LifecycleContext context)
    {
        if (Status is not (MemberStatus.Left or MemberStatus.Removed))
            return MemberErrors.WrongStatus(this, "kết nạp lại");
        if (string.IsNullOrWhiteSpace(decisionNumber))
            return MemberErrors.DecisionRequired;
        var maxTimes = context.Rules.Get(RuleKey.ReadmissionMaxTimes, decidedOn);
        if (Readmissions >= maxTimes.AsInt())
            return new Error("member.readmit.times", $"Chỉ được kết nạp lại tối đa {maxTimes.AsInt()} lần. {maxTimes.Citation}.");
        var wait = context.Rules.Get(RuleKey.ReadmissionMinMonthsAfterLeaving, decidedOn);
        var earliest = EndedOn!.Value.AddMonths(wait.AsInt());
        if (decidedOn < earliest)
            return new Error("member.readmit.early",
                $"Chỉ được xét kết nạp lại sau ít nhất {wait.AsInt()} tháng kể từ ngày ra khỏi Đảng ({DateText.Format(EndedOn.Value)}), tức từ ngày {DateText.Format(earliest)}. {wait.Citation}.");
        if (ceremonyOn < decidedOn)
            return MemberErrors.BeforePrevious(ceremonyOn, decidedOn, "quyết định kết nạp lại");
        Readmissions++;
        Status = MemberStatus.Probationary;
        CeremonyOn = ceremonyOn;
        OfficialOn = null;
        EndedOn = null;
        ExemptSince = null;
        Record(MemberEventKind.Readmitted, decidedOn, decisionNumber.Trim(), context, detail: $"Lễ kết nạp lại ngày {DateText.Format(ceremonyOn)}");
        return Result.Ok();
    }

    // ---- Serious illness: the basis for awarding the Party badge early.

    /// <summary>Records that the member is seriously ill (bị bệnh nặng), as a medical document confirmed on
    /// <paramref name="confirmedOn"/>: from then on the badge list may include them before they reach a milestone
    /// (<see cref="Rules.PartyBadges"/>). The note says the illness and who confirmed it.</summary>
    public Result RecordSeriousIllness(DateOnly confirmedOn, string? documentNumber, string note, LifecycleContext context)
    {
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "ghi nhận bị bệnh nặng");
        if (string.IsNullOrWhiteSpace(note))
            return LifecycleErrors.IllnessNoteRequired;
        if (AdmittedOn is { } admitted && confirmedOn < admitted)
            return MemberErrors.BeforePrevious(confirmedOn, admitted, "vào Đảng");
        Record(MemberEventKind.SeriousIllnessConfirmed, confirmedOn, NullIfBlank(documentNumber), context, detail: NullIfBlank(note));
        return Result.Ok();
    }

    /// <summary>The first day the member was confirmed seriously ill, or null.</summary>
    public DateOnly? SeriouslyIllSince => _events.Where(e => e.Kind == MemberEventKind.SeriousIllnessConfirmed)
        .Select(e => (DateOnly?)e.EffectiveOn).Min();

    // ---- Transfers: the member stays with the sender until the receiver confirms.

    /// <param name="changedOn">The day the member's work or residence changed, when known: a permanent transfer must
    /// be started within the rule's working days of it. Starting late is the member's breach, not a reason to refuse
    /// the transfer, so it is recorded on the event (and returned) as a warning.</param>
    public Result<Transfer> IssueTransfer(TransferKind kind, long toOrganizationId, DateOnly issuedOn, DateOnly? temporaryUntil,
        string? letterNumber, string? reason, LifecycleContext context, DateOnly? changedOn = null)
    {
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "chuyển sinh hoạt đảng");
        string? lateStart = null;
        if (kind == TransferKind.Permanent && changedOn is { } changed)
        {
            if (changed > issuedOn)
                return MemberErrors.BeforePrevious(issuedOn, changed, "thay đổi nơi làm việc, cư trú");
            var start = context.Rules.Get(RuleKey.TransferPermanentStartWithinWorkingDays, changed);
            var startBy = context.Calendar.AddWorkingDays(changed, start.AsInt());
            if (issuedOn > startBy)
                lateStart = $"Làm thủ tục chậm: hạn là {DateText.Format(startBy)} ({start.AsInt()} ngày làm việc kể từ ngày thay đổi {DateText.Format(changed)}). {start.Citation}.";
        }
        var present = context.Rules.Get(RuleKey.TransferPermanentPresentWithinWorkingDays, issuedOn);
        if (kind == TransferKind.Temporary && temporaryUntil is { } until)
        {
            var min = context.Rules.Get(RuleKey.TransferTemporaryMinMonths, issuedOn);
            var max = context.Rules.Get(RuleKey.TransferTemporaryMaxMonthsExclusive, issuedOn);
            if (until < issuedOn.AddMonths(min.AsInt()) || until >= issuedOn.AddMonths(max.AsInt()))
                return new Error("transfer.temporary.length",
                    $"Chuyển sinh hoạt tạm thời từ {min.AsInt()} tháng đến dưới {max.AsInt()} tháng. {max.Citation}.");
        }
        var transfer = Transfer.Issue(this, kind, toOrganizationId, issuedOn,
            context.Calendar.AddWorkingDays(issuedOn, present.AsInt()), temporaryUntil, letterNumber, reason, context.Actor);
        if (!transfer.IsSuccess)
            return transfer.Error!;
        Record(MemberEventKind.TransferIssued, issuedOn, NullIfBlank(letterNumber), context,
            detail: $"{Transfer.DisplayName(kind)}; hạn xuất trình giấy giới thiệu {DateText.Format(transfer.Value!.PresentBy)}"
                + (lateStart is null ? "" : $". {lateStart}"),
            otherOrganization: toOrganizationId, transferKind: kind);
        LastWarning = lateStart;
        return transfer;
    }

    /// <summary>The receiver confirms. A permanent transfer moves the member to the receiving organization; a
    /// temporary one leaves them counted by the sender.</summary>
    public Result ReceiveTransfer(Transfer transfer, DateOnly receivedOn, LifecycleContext context)
    {
        if (transfer.MemberId != Id)
            throw new ArgumentException("transfer of another member", nameof(transfer));
        if (!IsCounted)
            return MemberErrors.WrongStatus(this, "tiếp nhận sinh hoạt đảng");
        if (transfer.Kind == TransferKind.Permanent && CurrentPlacement()?.ValidFrom is { } placedOn && receivedOn < placedOn)
            return MemberErrors.BeforePlacement(receivedOn, placedOn);
        var received = transfer.Receive(receivedOn, context.Actor);
        if (!received.IsSuccess)
            return received;
        var from = OrganizationId;
        if (transfer.Kind == TransferKind.Permanent)
            Place(transfer.ToOrganizationId, receivedOn, null);
        _events.Add(new MemberEvent(MemberEventKind.TransferReceived, receivedOn, transfer.ToOrganizationId, transfer.LetterNumber, context.Actor)
        {
            OtherOrganizationId = from,
            Detail = Transfer.DisplayName(transfer.Kind),
            TransferKind = transfer.Kind,
        });
        return Result.Ok();
    }

    /// <summary>A warning the last transition produced without refusing (e.g. a transfer started late), for the page
    /// to show; not stored (the event's detail keeps it).</summary>
    public string? LastWarning { get; private set; }

    public Result EndTemporaryTransfer(Transfer transfer, DateOnly endedOn, LifecycleContext context)
    {
        if (transfer.MemberId != Id)
            throw new ArgumentException("transfer of another member", nameof(transfer));
        var ended = transfer.End(endedOn);
        if (!ended.IsSuccess)
            return ended;
        Record(MemberEventKind.TemporaryTransferEnded, endedOn, transfer.LetterNumber, context,
            detail: "Kết thúc sinh hoạt tạm thời, trở về chi bộ", otherOrganization: transfer.ToOrganizationId,
            transferKind: transfer.Kind);
        return Result.Ok();
    }

    public Result CancelTransfer(Transfer transfer, DateOnly cancelledOn, string reason, LifecycleContext context)
    {
        if (transfer.MemberId != Id)
            throw new ArgumentException("transfer of another member", nameof(transfer));
        if (string.IsNullOrWhiteSpace(reason))
            return LifecycleErrors.ReasonRequired;
        var cancelled = transfer.Cancel(cancelledOn);
        if (!cancelled.IsSuccess)
            return cancelled;
        Record(MemberEventKind.TransferCancelled, cancelledOn, transfer.LetterNumber, context, detail: reason.Trim(),
            otherOrganization: transfer.ToOrganizationId, transferKind: transfer.Kind);
        return Result.Ok();
    }

    // ---- Party age.

    /// <summary>Periods outside the party (from leaving, removal or expulsion until readmission, or open).</summary>
    public IReadOnlyList<(DateOnly From, DateOnly? To)> ActivityGaps()
    {
        var gaps = new List<(DateOnly, DateOnly?)>();
        DateOnly? openSince = null;
        foreach (var e in _events.OrderBy(e => e.EffectiveOn).ThenBy(e => e.Id))
        {
            if (e.Kind is MemberEventKind.Left or MemberEventKind.Removed or MemberEventKind.NotRecognized
                || e is { Kind: MemberEventKind.Disciplined, DisciplineLevel: DisciplineLevel.Expulsion })
                openSince ??= e.EffectiveOn;
            else if (e.Kind == MemberEventKind.Readmitted && openSince is { } since)
            {
                gaps.Add((since, e.EffectiveOn));
                openSince = null;
            }
        }
        if (openSince is { } open)
            gaps.Add((open, null));
        return gaps;
    }

    // ---- Placement: which organization registers the member, over time.

    /// <summary>
    /// Moves the member to <paramref name="organizationId"/> from <paramref name="on"/> because their chi bộ was merged
    /// or split by a reorganization. Only the organization changes: status, party age and the rest of the history stay.
    /// </summary>
    public Result Reassign(long organizationId, DateOnly on, string decisionNumber, long reorganizationId, string actor)
    {
        if (CurrentPlacement()?.ValidFrom is { } placedOn && on < placedOn)
            return MemberErrors.BeforePlacement(on, placedOn);
        if (organizationId == OrganizationId)
            return Result.Ok();
        var from = OrganizationId;
        Place(organizationId, on, reorganizationId);
        _events.Add(new MemberEvent(MemberEventKind.Reassigned, on, organizationId, decisionNumber, actor)
        {
            OtherOrganizationId = from,
            ReorganizationId = reorganizationId,
        });
        return Result.Ok();
    }

    /// <summary>Takes back what <see cref="Reassign"/> did for the reorganization: the member is where they were,
    /// as if it had not happened. Returns the rows to delete (the caller removes them from the store).</summary>
    public (MemberPlacement? Placement, MemberEvent? Event) UndoReassign(long reorganizationId)
    {
        var placement = _placements.FirstOrDefault(p => p.ReorganizationId == reorganizationId);
        var e = _events.FirstOrDefault(x => x.ReorganizationId == reorganizationId);
        if (placement is null)
            return (null, e);
        var previous = _placements.Where(p => p != placement && p.ValidTo == placement.ValidFrom)
            .OrderByDescending(p => p.ValidFrom ?? DateOnly.MinValue).FirstOrDefault();
        if (previous is not null)
        {
            previous.ValidTo = placement.ValidTo;
            OrganizationId = previous.OrganizationId;
        }
        return (placement, e);
    }

    private MemberPlacement? CurrentPlacement() => _placements.FirstOrDefault(p => p.ValidTo is null);

    private void Place(long organizationId, DateOnly on, long? reorganizationId)
    {
        if (CurrentPlacement() is { } current)
            current.ValidTo = on;
        _placements.Add(new MemberPlacement(organizationId, on, reorganizationId));
        OrganizationId = organizationId;
    }

    // ---- Helpers.

    private bool IsAtStage(CandidateStage stage) => Status == MemberStatus.Candidate && CandidateStage == stage;

    private Error WrongStepFor(string action) =>
        Status == MemberStatus.Candidate ? MemberErrors.WrongStage(this, action) : MemberErrors.WrongStatus(this, action);

    private DateOnly? LastEventDate() => _events.Count == 0 ? null : _events.Max(e => e.EffectiveOn);

    private void End(MemberStatus status, MemberEventKind kind, DateOnly on, string? decisionNumber, string? reason,
        LifecycleContext context, DisciplineLevel? discipline = null)
    {
        Status = status;
        EndedOn = on;
        ExemptSince = null;
        Record(kind, on, NullIfBlank(decisionNumber), context, detail: NullIfBlank(reason), discipline: discipline);
    }

    private void Record(MemberEventKind kind, DateOnly on, string? decisionNumber, LifecycleContext context,
        string? detail = null, string? overrideReason = null, DisciplineLevel? discipline = null, long? otherOrganization = null,
        TransferKind? transferKind = null) =>
        _events.Add(new MemberEvent(kind, on, OrganizationId, decisionNumber, context.Actor)
        {
            Detail = detail,
            OverrideReason = overrideReason,
            DisciplineLevel = discipline,
            OtherOrganizationId = otherOrganization,
            TransferKind = transferKind,
        });
}

public static class LifecycleErrors
{
    public static readonly Error Introducers = new("member.introducers",
        "Cần hai người giới thiệu (một trong hai có thể là nghị quyết giới thiệu của Đoàn).");
    public static readonly Error ReasonRequired = new("member.reason.required", "Chưa nhập lý do.");
    public static Error AlreadyExempt(DateOnly since) => new("member.exempt.already",
        $"Đảng viên đã được miễn công tác và sinh hoạt đảng từ ngày {DateText.Format(since)}.");
    public static readonly Error NotExempt = new("member.exempt.not", "Đảng viên không đang được miễn sinh hoạt.");
    public static readonly Error IllnessNoteRequired = new("member.illness.note",
        "Chưa nhập tình trạng bệnh và nơi xác nhận (cơ sở y tế, hồ sơ bệnh án).");
}
