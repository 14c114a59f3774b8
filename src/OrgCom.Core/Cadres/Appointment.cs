using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

public enum AppointmentKind
{
    /// <summary>Bổ nhiệm (lần đầu vào chức vụ này).</summary>
    Appointment,
    /// <summary>Bổ nhiệm lại.</summary>
    Reappointment,
    /// <summary>Kéo dài thời gian giữ chức vụ đến khi nghỉ hưu.</summary>
    Extension,
    /// <summary>Bầu (cấp ủy, HĐND, đoàn thể) hoặc chỉ định.</summary>
    Election,
}

/// <summary>An active post of the cadre, as the rules about a new appointment need to see it.</summary>
public sealed record HeldPost(long AppointmentId, long PositionId, string PositionName, bool IsConcurrent);

/// <summary>
/// A cadre's post: the decision that gave it, from when, until when (5 years for an appointed term, by the rules), whether
/// it is held concurrently with the principal post (kiêm nhiệm) or in an acting capacity (quyền), and when and why it ended.
/// </summary>
public sealed class Appointment
{
    public const int MaxReasonLength = 500;

    private Appointment()
    {
        DecisionNumber = PositionName = "";
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public long PositionId { get; private set; }

    /// <summary>The organization of the position: the appointment belongs to its scope.</summary>
    public long OrganizationId { get; private set; }

    /// <summary>The position's name when appointed, so the history reads as it was.</summary>
    public string PositionName { get; private set; }
    public PositionLevel Level { get; private set; }
    public AppointmentKind Kind { get; private set; }
    public string DecisionNumber { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public DateOnly StartOn { get; private set; }

    /// <summary>The last day of the term (or of the extension).</summary>
    public DateOnly TermEndsOn { get; private set; }
    public bool IsConcurrent { get; private set; }
    public bool IsActing { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsActive => EndedOn is null;

    public static Result<Appointment> Create(CadrePerson member, Position position, AppointmentKind kind, string? decisionNumber,
        DateOnly decisionDate, DateOnly startOn, DateOnly termEndsOn, bool isConcurrent, bool isActing,
        IReadOnlyList<HeldPost> activePosts, DateOnly today, RetirementSchedule? retirement = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(position);
        if (member.IsUnavailable)
            return CadreErrors.NotAvailable(member.FullName, member.StatusText);
        if (!position.IsActive)
            return CadreErrors.PositionInactive(position.Name);
        if (!Enum.IsDefined(kind))
            return CadreErrors.AppointmentKindRequired;
        var number = DocumentNumber.Parse(decisionNumber);
        if (!number.IsSuccess)
            return number.Error!;
        if (decisionDate > today)
            return CadreErrors.DecisionInFuture;
        if (startOn < decisionDate)
            return CadreErrors.StartBeforeDecision;
        if (termEndsOn <= startOn)
            return CadreErrors.TermEndBeforeStart;
        // An appointed term (or an extension) runs at most to the retirement moment; elected terms follow the congress.
        if (retirement is not null && kind != AppointmentKind.Election && termEndsOn > retirement.RetiresOn)
            return CadreErrors.TermAfterRetirement(termEndsOn, retirement);
        if (activePosts.FirstOrDefault(p => p.PositionId == position.Id) is { } same)
            return CadreErrors.AlreadyHolds(member.FullName, same.PositionName);
        if (!isConcurrent && activePosts.FirstOrDefault(p => !p.IsConcurrent) is { } principal)
            return CadreErrors.PrincipalPostHeld(member.FullName, principal.PositionName);
        return new Appointment
        {
            MemberId = member.Id, PositionId = position.Id, OrganizationId = position.OrganizationId,
            PositionName = position.Title, Level = position.Level, Kind = kind, DecisionNumber = number.Value!.ToString(),
            DecisionDate = decisionDate, StartOn = startOn, TermEndsOn = termEndsOn, IsConcurrent = isConcurrent, IsActing = isActing,
        };
    }

    /// <summary>The term end a decision gives when none is entered: the rule's term from the start, but not beyond the
    /// retirement moment (reappointment or extension "đến thời điểm nghỉ hưu"); an extension always runs to retirement.</summary>
    public static DateOnly DefaultTermEnd(AppointmentKind kind, DateOnly startOn, RetirementSchedule? retirement, RuleBook rules)
    {
        if (retirement is null)
            return Reappointment.TermEnd(startOn, rules);
        if (kind == AppointmentKind.Extension)
            return retirement.RetiresOn;
        var term = Reappointment.TermEnd(startOn, rules);
        return kind != AppointmentKind.Election && term > retirement.RetiresOn && retirement.RetiresOn > startOn ? retirement.RetiresOn : term;
    }

    /// <summary>Ends the post (retirement, transfer, reappointment by a new decision, dismissal …).</summary>
    public Result End(DateOnly endedOn, string? reason)
    {
        if (!IsActive)
            return CadreErrors.AlreadyEnded(PositionName, EndedOn!.Value);
        if (endedOn < StartOn)
            return CadreErrors.EndBeforeStart(StartOn);
        var clean = VietnameseText.Normalize(reason);
        if (clean.Length == 0)
            return CadreErrors.EndReasonRequired;
        if (clean.Length > MaxReasonLength)
            return CadreErrors.TooLong("Lý do", MaxReasonLength, clean.Length);
        EndedOn = endedOn;
        EndReason = clean;
        return Result.Ok();
    }

    public static string DisplayName(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Appointment => "Bổ nhiệm",
        AppointmentKind.Reappointment => "Bổ nhiệm lại",
        AppointmentKind.Extension => "Kéo dài thời gian giữ chức vụ",
        AppointmentKind.Election => "Bầu, chỉ định",
        _ => kind.ToString(),
    };
}
