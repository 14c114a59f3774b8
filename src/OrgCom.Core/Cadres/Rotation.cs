using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>The direction of a rotation (luân chuyển): to a higher, a lower or an equivalent post (Quy định 65-QĐ/TW).</summary>
public enum RotationDirection
{
    /// <summary>Từ dưới lên (lên cấp trên).</summary>
    Up,
    /// <summary>Từ trên xuống (về cấp dưới).</summary>
    Down,
    /// <summary>Ngang cấp (giữa các địa phương, cơ quan cùng cấp).</summary>
    Sideways,
}

/// <summary>Where the rotation stands on a given day.</summary>
public enum RotationState
{
    /// <summary>Quyết định đã ban hành, chưa đến ngày bắt đầu.</summary>
    Planned,
    /// <summary>Đang luân chuyển.</summary>
    Current,
    /// <summary>Đã kết thúc (đã ghi ngày kết thúc thực tế).</summary>
    Finished,
}

/// <summary>The cadre's post the rotation starts from: an active appointment in the sending organization.</summary>
public sealed record RotationOrigin(long AppointmentId, long OrganizationId, string PositionName, PositionLevel Level);

/// <summary>Another rotation of the same cadre, as the overlap rule needs to see it (whatever the user's scope).</summary>
public sealed record RotationPeriod(long Id, DateOnly StartOn, DateOnly EndsOn);

/// <summary>
/// A rotation (luân chuyển, Quy định 65-QĐ/TW 2022) of a cadre from a post in one organization to a post in another —
/// possibly in another province — for a period, by a decision; up, down or sideways; and its return (actual end, where to).
/// Both the sending and the receiving organization see it (docs/adr/0012-rotations.md).
/// </summary>
public sealed class Rotation
{
    public const int MaxPositionNameLength = 300;
    public const int MaxTextLength = 500;

    private Rotation()
    {
        MemberName = FromPositionName = ToPositionName = DecisionNumber = Purpose = "";
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }

    /// <summary>The name when rotated: the receiving side reads the rotation without reading the member's dossier.</summary>
    public string MemberName { get; private set; }

    /// <summary>The sending organization (of the post the cadre leaves); the rotation is recorded in its scope.</summary>
    public long FromOrganizationId { get; private set; }
    public long? FromAppointmentId { get; private set; }
    public string FromPositionName { get; private set; }
    public PositionLevel FromLevel { get; private set; }

    /// <summary>The receiving organization, anywhere in the tree.</summary>
    public long ToOrganizationId { get; private set; }
    public string ToPositionName { get; private set; }

    /// <summary>Null when the post at the destination has no level of the list (the direction is then chosen).</summary>
    public PositionLevel? ToLevel { get; private set; }
    public RotationDirection Direction { get; private set; }
    public string DecisionNumber { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly PlannedEndOn { get; private set; }
    public string Purpose { get; private set; }
    public DateOnly? ActualEndOn { get; private set; }

    /// <summary>Where the cadre went after the rotation ("Trở về, giữ chức vụ …", "Bổ nhiệm tại nơi đến …").</summary>
    public string? ReturnPlacement { get; private set; }

    public bool IsFinished => ActualEndOn is not null;

    /// <summary>The last day the rotation occupies: the actual end, or the planned one while it runs.</summary>
    public DateOnly EndsOn => ActualEndOn ?? PlannedEndOn;

    public RotationState StateOn(DateOnly today) =>
        ActualEndOn is not null ? RotationState.Finished : StartOn > today ? RotationState.Planned : RotationState.Current;

    /// <summary>The rotation's period in months (whole months from the start to the planned end).</summary>
    public int PlannedMonths => MonthsBetween(StartOn, PlannedEndOn);

    /// <summary>Up when the destination's level is higher (a lower value), down when lower, sideways when equal; null when
    /// the destination has no level, and the user chooses.</summary>
    public static RotationDirection? DirectionOf(PositionLevel from, PositionLevel? to) => to switch
    {
        null => null,
        { } t when t < from => RotationDirection.Up,
        { } t when t > from => RotationDirection.Down,
        _ => RotationDirection.Sideways,
    };

    public static Result<Rotation> Create(CadrePerson member, RotationOrigin? origin, long toOrganizationId, string? toPositionName,
        PositionLevel? toLevel, RotationDirection? chosenDirection, string? decisionNumber, DateOnly decisionDate, DateOnly startOn,
        DateOnly plannedEndOn, string? purpose, IReadOnlyList<RotationPeriod> otherRotations, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.IsUnavailable)
            return CadreErrors.NotAvailable(member.FullName, member.StatusText, "luân chuyển");
        if (origin is null)
            return CadreErrors.RotationNotCadre(member.FullName);
        if (toOrganizationId == origin.OrganizationId)
            return CadreErrors.RotationSameOrganization;
        var position = VietnameseText.Normalize(toPositionName);
        if (position.Length == 0)
            return CadreErrors.RotationToPositionRequired;
        if (position.Length > MaxPositionNameLength)
            return CadreErrors.TooLong("Chức vụ nơi đến", MaxPositionNameLength, position.Length);
        if (toLevel is { } l && !Enum.IsDefined(l))
            return CadreErrors.PositionLevelRequired;
        var direction = DirectionOf(origin.Level, toLevel) ?? chosenDirection;
        if (direction is not { } d || !Enum.IsDefined(d))
            return CadreErrors.RotationDirectionRequired;
        var number = DocumentNumber.Parse(decisionNumber);
        if (!number.IsSuccess)
            return number.Error!;
        if (decisionDate > today)
            return CadreErrors.DecisionInFuture;
        if (startOn < decisionDate)
            return CadreErrors.RotationStartBeforeDecision;
        if (plannedEndOn <= startOn)
            return CadreErrors.RotationEndBeforeStart;
        var cleanPurpose = VietnameseText.Normalize(purpose);
        if (cleanPurpose.Length == 0)
            return CadreErrors.RotationPurposeRequired;
        if (cleanPurpose.Length > MaxTextLength)
            return CadreErrors.TooLong("Mục đích luân chuyển", MaxTextLength, cleanPurpose.Length);
        if (otherRotations.FirstOrDefault(o => o.StartOn <= plannedEndOn && startOn <= o.EndsOn) is { } overlap)
            return CadreErrors.RotationOverlaps(member.FullName, overlap.StartOn, overlap.EndsOn);
        return new Rotation
        {
            MemberId = member.Id, MemberName = member.FullName, FromOrganizationId = origin.OrganizationId,
            FromAppointmentId = origin.AppointmentId, FromPositionName = origin.PositionName, FromLevel = origin.Level,
            ToOrganizationId = toOrganizationId, ToPositionName = position, ToLevel = toLevel, Direction = d,
            DecisionNumber = number.Value!.ToString(), DecisionDate = decisionDate, StartOn = startOn, PlannedEndOn = plannedEndOn,
            Purpose = cleanPurpose,
        };
    }

    /// <summary>Records the end of the rotation: the day it actually ended and where the cadre went.</summary>
    public Result Return(DateOnly actualEndOn, string? placement, DateOnly today)
    {
        if (ActualEndOn is { } ended)
            return CadreErrors.RotationAlreadyReturned(ended);
        if (actualEndOn < StartOn)
            return CadreErrors.RotationReturnBeforeStart(StartOn);
        if (actualEndOn > today)
            return CadreErrors.RotationReturnInFuture;
        var clean = VietnameseText.Normalize(placement);
        if (clean.Length == 0)
            return CadreErrors.RotationPlacementRequired;
        if (clean.Length > MaxTextLength)
            return CadreErrors.TooLong("Nơi công tác sau luân chuyển", MaxTextLength, clean.Length);
        ActualEndOn = actualEndOn;
        ReturnPlacement = clean;
        return Result.Ok();
    }

    /// <summary>A warning (not a refusal: the competent level may decide otherwise) when the planned period is shorter than
    /// the usual minimum of the rule in force on the start; null when it is not, or when the rule is missing.</summary>
    public string? ShortPeriodWarning(RuleBook rules)
    {
        if (!rules.TryGet(RuleKey.RotationMinMonths, StartOn, out var rule) || PlannedMonths >= rule.AsInt())
            return null;
        return $"Thời gian luân chuyển dự kiến {CadreText.Duration(PlannedMonths)}, ngắn hơn thời gian luân chuyển thông thường "
            + $"({CadreText.Duration(rule.AsInt())}). {rule.Citation}.";
    }

    /// <summary>Whole months from the first day to the last day inclusive: 01/01/2026–31/12/2028 is 36 months.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var after = to.AddDays(1);
        var months = (after.Year - from.Year) * 12 + after.Month - from.Month;
        if (after.Day < from.Day)
            months--;
        return Math.Max(months, 0);
    }

    public static string DisplayName(RotationDirection direction) => direction switch
    {
        RotationDirection.Up => "Từ dưới lên",
        RotationDirection.Down => "Từ trên xuống",
        RotationDirection.Sideways => "Ngang cấp",
        _ => direction.ToString(),
    };

    public static string DisplayName(RotationState state) => state switch
    {
        RotationState.Planned => "Chưa đến ngày bắt đầu",
        RotationState.Current => "Đang luân chuyển",
        RotationState.Finished => "Đã kết thúc",
        _ => state.ToString(),
    };
}
