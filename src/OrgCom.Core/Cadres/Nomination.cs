using OrgCom.Core.Common;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>The result of the election a nomination introduced the cadre for.</summary>
public enum NominationOutcome
{
    /// <summary>Chờ kết quả bầu cử.</summary>
    Pending,
    /// <summary>Trúng cử.</summary>
    Elected,
    /// <summary>Không trúng cử.</summary>
    NotElected,
}

/// <summary>
/// A cadre introduced to stand for election to a position (giới thiệu ứng cử), by the decision that approved a personnel
/// submission of kind <see cref="SubmissionKind.Nomination"/>: one per cadre of the submission (một lượt), in the scope of
/// the position's organization as an appointment is. The outcome is pending until someone records it (elected or not,
/// on a date, with a note); an election's result is recorded once.
/// </summary>
public sealed class Nomination
{
    public const int MaxNoteLength = 500;

    private Nomination()
    {
        MemberName = PositionName = DecisionNumber = "";
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public string MemberName { get; private set; }

    /// <summary>The organization of the position: the nomination belongs to its scope.</summary>
    public long OrganizationId { get; private set; }
    public long PositionId { get; private set; }
    public string PositionName { get; private set; }
    public PositionLevel Level { get; private set; }
    public long SubmissionId { get; private set; }
    public string DecisionNumber { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public NominationOutcome Outcome { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }
    public string? OutcomeNote { get; private set; }

    /// <summary>The nominations an approved nomination submission decides, one per cadre.</summary>
    public static Result<IReadOnlyList<Nomination>> ForApproved(PersonnelSubmission submission, Position position)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(position);
        if (submission.Kind != SubmissionKind.Nomination || submission.Status != SubmissionStatus.Approved)
            return NominationErrors.NotApprovedNomination;
        if (position.Id != submission.PositionId)
            return NominationErrors.PositionMismatch;
        return submission.Cadres.Select(c => new Nomination
        {
            MemberId = c.MemberId, MemberName = c.MemberName, OrganizationId = position.OrganizationId, PositionId = position.Id,
            PositionName = position.Title, Level = position.Level, SubmissionId = submission.Id,
            DecisionNumber = submission.DecisionNumber!, DecisionDate = submission.DecisionDate!.Value, Outcome = NominationOutcome.Pending,
        }).ToList();
    }

    /// <summary>Records the election's result: once, not before the decision to nominate, not in the future.</summary>
    public Result RecordOutcome(NominationOutcome? outcome, DateOnly on, string? note, DateOnly today)
    {
        if (Outcome != NominationOutcome.Pending)
            return NominationErrors.AlreadyRecorded(this);
        if (outcome is not { } o || o == NominationOutcome.Pending || !Enum.IsDefined(o))
            return NominationErrors.OutcomeRequired;
        if (on > today)
            return NominationErrors.DateInFuture;
        if (on < DecisionDate)
            return NominationErrors.BeforeDecision(DecisionDate);
        var clean = VietnameseText.Normalize(note);
        if (clean.Length > MaxNoteLength)
            return CadreErrors.TooLong("Ghi chú", MaxNoteLength, clean.Length);
        Outcome = o;
        OutcomeOn = on;
        OutcomeNote = clean.Length == 0 ? null : clean;
        return Result.Ok();
    }

    public static string DisplayName(NominationOutcome outcome) => outcome switch
    {
        NominationOutcome.Pending => "Chờ kết quả",
        NominationOutcome.Elected => "Trúng cử",
        NominationOutcome.NotElected => "Không trúng cử",
        _ => outcome.ToString(),
    };
}

/// <summary>How nominations are reported: "Giới thiệu ứng cử 12 lượt cán bộ: trúng cử 9, không trúng cử 1, chờ kết quả 2".</summary>
public static class NominationSummary
{
    public static string Sentence(long total, long elected, long notElected) =>
        $"Giới thiệu ứng cử {CadreText.Number(total)} lượt cán bộ: trúng cử {CadreText.Number(elected)}, không trúng cử {CadreText.Number(notElected)}, "
        + $"chờ kết quả {CadreText.Number(total - elected - notElected)}";
}

public static class NominationErrors
{
    public static readonly Error NotApprovedNomination = new("nomination.submission",
        "Chỉ ghi nhận giới thiệu ứng cử từ tờ trình giới thiệu ứng cử đã được đồng ý.");
    public static readonly Error PositionMismatch = new("nomination.position", "Chức vụ không phải chức vụ của tờ trình.");
    public static Error AlreadyRecorded(Nomination n) => new("nomination.recorded",
        $"Đã ghi kết quả \"{Nomination.DisplayName(n.Outcome).ToLowerInvariant()}\" ngày {DateText.Format(n.OutcomeOn!.Value)}.");
    public static readonly Error OutcomeRequired = new("nomination.outcome", "Hãy chọn kết quả: trúng cử hoặc không trúng cử.");
    public static readonly Error DateInFuture = new("nomination.date.future", "Ngày bầu cử không thể sau ngày hôm nay.");
    public static Error BeforeDecision(DateOnly decided) => new("nomination.date.early",
        $"Ngày bầu cử không thể trước ngày quyết định giới thiệu {DateText.Format(decided)}.");
}
