using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

public enum PlanningStatus
{
    /// <summary>Đang đề xuất: proposals are added and withdrawn.</summary>
    Draft,
    /// <summary>Đã thẩm định: waiting for the decision.</summary>
    Appraised,
    /// <summary>Đã phê duyệt: changed only by the yearly review, each change with its reason.</summary>
    Approved,
}

public enum PlanningEntryStatus
{
    Proposed,
    Approved,
    /// <summary>Withdrawn from the proposal, or taken out of the plan by a review.</summary>
    Removed,
}

/// <summary>A cadre's planned position in another batch of the same term, or a cadre planned for the position.</summary>
/// <param name="InScope">The batch it belongs to is within the user's read scope: only then do refusals name it (the
/// others are counted).</param>
public sealed record PlannedPost(long MemberId, string MemberName, long PositionId, string PositionName, PositionLevel Level, bool InScope = true);

/// <summary>How a cadre holds an active post, for the rule "planning only for a higher position": which of them count is
/// rule data (<see cref="RuleKey.PlanningHigherThanHeld"/>).</summary>
public enum HeldPostKind
{
    /// <summary>Chức vụ chính.</summary>
    Principal,
    /// <summary>Chức vụ kiêm nhiệm (held beside the principal post).</summary>
    Concurrent,
    /// <summary>Chức vụ giữ quyền (quyền Giám đốc …), principal or concurrent.</summary>
    Acting,
}

/// <summary>An active post of the cadre, anywhere, with the standing of its position (level and rank).</summary>
public sealed record HeldStanding(string PositionName, PositionLevel Level, PositionRank Rank, bool IsConcurrent, bool IsActing)
{
    public HeldPostKind Kind => IsActing ? HeldPostKind.Acting : IsConcurrent ? HeldPostKind.Concurrent : HeldPostKind.Principal;
}

/// <summary>
/// What the planning limits need from outside the batch: the active entries of the other batches of the same term for
/// the position and for the cadre, whether the cadre holds the position now, and the cadre's active posts with their
/// standing (<paramref name="Held"/>: planning only for a higher position).
/// </summary>
public sealed record PlanningContext(
    IReadOnlyList<PlannedPost> OthersForPosition, IReadOnlyList<PlannedPost> OthersForCadre, bool HoldsPosition,
    IReadOnlyList<HeldStanding>? Held = null);

/// <summary>
/// One cadre planned for one position (một lượt cán bộ). Entries are never deleted: a withdrawal or a removal in the
/// yearly review keeps the entry with its date and reason.
/// </summary>
public sealed class PlanningEntry
{
    private PlanningEntry()
    {
        MemberName = PositionName = "";
    }

    public long Id { get; private set; }
    public long BatchId { get; private set; }
    public long OrganizationId { get; private set; }
    public long PositionId { get; private set; }
    public string PositionName { get; private set; }
    public PositionLevel Level { get; private set; }
    public long MemberId { get; private set; }
    public string MemberName { get; private set; }
    public PlanningEntryStatus Status { get; private set; }
    public DateOnly AddedOn { get; private set; }

    /// <summary>Added by a yearly review after approval, with its reason.</summary>
    public string? AddedReason { get; private set; }
    public DateOnly? RemovedOn { get; private set; }
    public string? RemovedReason { get; private set; }

    public bool IsActive => Status != PlanningEntryStatus.Removed;

    internal static PlanningEntry Create(PlanningBatch batch, long memberId, string memberName, Position position,
        PlanningEntryStatus status, DateOnly addedOn, string? reason) => new()
    {
        OrganizationId = batch.OrganizationId, PositionId = position.Id, PositionName = position.Title, Level = position.Level,
        MemberId = memberId, MemberName = memberName, Status = status, AddedOn = addedOn, AddedReason = reason,
    };

    internal void Approve() => Status = PlanningEntryStatus.Approved;

    internal void Remove(DateOnly on, string reason)
    {
        Status = PlanningEntryStatus.Removed;
        RemovedOn = on;
        RemovedReason = reason;
    }
}

/// <summary>
/// A planning batch (đợt quy hoạch) of one organization for a term (2026–2031): cadres are proposed for positions,
/// the batch is appraised (thẩm định) and approved by a decision; afterwards the yearly review adds and removes cadres,
/// each with its reason ("động và mở"). The limits of the rules are enforced on every addition (domain.md §4).
/// </summary>
public sealed class PlanningBatch
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 500;

    private readonly List<PlanningEntry> _entries = [];

    private PlanningBatch()
    {
        Title = "";
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public int TermStartYear { get; private set; }
    public int TermEndYear { get; private set; }
    public string Title { get; private set; }
    public PlanningStatus Status { get; private set; }
    public DateOnly? AppraisedOn { get; private set; }
    public string? AppraisalNote { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }

    public IReadOnlyList<PlanningEntry> Entries => _entries;

    public string Term => $"{TermStartYear}–{TermEndYear}";

    public static Result<PlanningBatch> Create(long organizationId, int termStartYear, int termEndYear, string? title)
    {
        if (termStartYear is < 2000 or > 2100 || termEndYear <= termStartYear || termEndYear - termStartYear > 10)
            return PlanningErrors.TermInvalid(termStartYear, termEndYear);
        var clean = VietnameseText.Normalize(title);
        if (clean.Length == 0)
            return PlanningErrors.TitleRequired;
        if (clean.Length > MaxTitleLength)
            return CadreErrors.TooLong("Tên đợt quy hoạch", MaxTitleLength, clean.Length);
        return new PlanningBatch { OrganizationId = organizationId, TermStartYear = termStartYear, TermEndYear = termEndYear, Title = clean };
    }

    /// <summary>
    /// Proposes a cadre for a position (in a draft), or adds one in the yearly review of an approved plan (then a reason
    /// is required and the entry is approved at once). Refused: an appraised batch; a position the cadre holds; a position
    /// not higher than a post the cadre holds (the kinds of post that count are rule data); the same
    /// cadre twice for a position; more cadres for the position than the rule allows; more positions of the same level
    /// for the cadre than the rule allows — counting the other batches of the term; a person no longer in the party
    /// (died, expelled, left …), as an appointment refuses them.
    /// </summary>
    public Result<PlanningEntry> Propose(long memberId, string memberName, MemberStatus memberStatus, Position position,
        PlanningContext context, RuleBook rules, DateOnly today, string? reason)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        if (Status == PlanningStatus.Appraised)
            return PlanningErrors.Frozen;
        if (memberStatus.IsEnded())
            return CadreErrors.NotAvailable(memberName, memberStatus.DisplayName(), "quy hoạch");
        var cleanReason = VietnameseText.Normalize(reason);
        if (Status == PlanningStatus.Approved && cleanReason.Length == 0)
            return PlanningErrors.ReviewReasonRequired;
        if (cleanReason.Length > MaxTextLength)
            return CadreErrors.TooLong("Lý do", MaxTextLength, cleanReason.Length);
        if (!position.IsActive)
            return CadreErrors.PositionInactive(position.Name);
        if (context.HoldsPosition)
            return PlanningErrors.HoldsPosition(memberName, position.Name);
        if (rules.TryGet(RuleKey.PlanningHigherThanHeld, today, out var higherOnly))
        {
            var counted = higherOnly.AsList();
            var notLower = (context.Held ?? [])
                .Where(h => counted.Contains(h.Kind.ToString()) && !PositionLevels.IsHigherThan(position.Level, position.Rank, h.Level, h.Rank))
                .OrderBy(h => h.Level).ThenBy(h => h.Rank).FirstOrDefault();
            if (notLower is not null)
                return PlanningErrors.NotHigher(memberName, position, notLower, higherOnly);
        }

        var own = _entries.Where(e => e.IsActive).ToList();
        var forPosition = own.Where(e => e.PositionId == position.Id)
            .Select(e => new PlannedPost(e.MemberId, e.MemberName, e.PositionId, e.PositionName, e.Level))
            .Concat(context.OthersForPosition.Where(p => p.PositionId == position.Id))
            .ToList();
        if (forPosition.Any(p => p.MemberId == memberId))
            return PlanningErrors.AlreadyPlanned(memberName, position.Name);
        var maxPerPosition = rules.Get(RuleKey.PlanningMaxCadresPerPosition, today);
        if (forPosition.Count >= maxPerPosition.AsInt())
            return PlanningErrors.PositionFull(position.Name, maxPerPosition, forPosition);

        var sameLevel = own.Where(e => e.MemberId == memberId && e.Level == position.Level)
            .Select(e => new PlannedPost(e.MemberId, e.MemberName, e.PositionId, e.PositionName, e.Level))
            .Concat(context.OthersForCadre.Where(p => p.MemberId == memberId && p.Level == position.Level))
            .ToList();
        var maxPerCadre = rules.Get(RuleKey.PlanningMaxPositionsPerCadreSameLevel, today);
        if (sameLevel.Count >= maxPerCadre.AsInt())
            return PlanningErrors.CadreFull(memberName, position.Level, maxPerCadre, sameLevel);

        var entry = PlanningEntry.Create(this, memberId, memberName, position,
            Status == PlanningStatus.Approved ? PlanningEntryStatus.Approved : PlanningEntryStatus.Proposed, today,
            cleanReason.Length == 0 ? null : cleanReason);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Withdraws a proposal (draft) or takes a cadre out of the approved plan in the yearly review (reason required).</summary>
    public Result Remove(long entryId, string? reason, DateOnly today)
    {
        if (Status == PlanningStatus.Appraised)
            return PlanningErrors.Frozen;
        var entry = _entries.FirstOrDefault(e => e.Id == entryId && e.IsActive);
        if (entry is null)
            return PlanningErrors.EntryNotFound;
        var clean = VietnameseText.Normalize(reason);
        if (clean.Length == 0)
        {
            if (Status == PlanningStatus.Approved)
                return PlanningErrors.ReviewReasonRequired;
            clean = "Rút khỏi danh sách đề xuất";
        }
        if (clean.Length > MaxTextLength)
            return CadreErrors.TooLong("Lý do", MaxTextLength, clean.Length);
        entry.Remove(today, clean);
        return Result.Ok();
    }

    public Result Appraise(DateOnly on, string? note, DateOnly today)
    {
        if (Status != PlanningStatus.Draft)
            return PlanningErrors.WrongStatus(this, "thẩm định");
        if (!_entries.Any(e => e.IsActive))
            return PlanningErrors.Empty;
        if (on > today)
            return PlanningErrors.DateInFuture("thẩm định");
        var clean = VietnameseText.Normalize(note);
        if (clean.Length > MaxTextLength)
            return CadreErrors.TooLong("Ý kiến thẩm định", MaxTextLength, clean.Length);
        Status = PlanningStatus.Appraised;
        AppraisedOn = on;
        AppraisalNote = clean.Length == 0 ? null : clean;
        return Result.Ok();
    }

    public Result Approve(string? decisionNumber, DateOnly decisionDate, DateOnly today)
    {
        if (Status != PlanningStatus.Appraised)
            return PlanningErrors.WrongStatus(this, "phê duyệt");
        var number = DocumentNumber.Parse(decisionNumber);
        if (!number.IsSuccess)
            return number.Error!;
        if (decisionDate > today)
            return PlanningErrors.DateInFuture("quyết định phê duyệt");
        if (AppraisedOn is { } appraised && decisionDate < appraised)
            return PlanningErrors.DecisionBeforeAppraisal(appraised);
        Status = PlanningStatus.Approved;
        DecisionNumber = number.Value!.ToString();
        DecisionDate = decisionDate;
        foreach (var e in _entries.Where(e => e.Status == PlanningEntryStatus.Proposed))
            e.Approve();
        return Result.Ok();
    }

    public static string DisplayName(PlanningStatus status) => status switch
    {
        PlanningStatus.Draft => "Đang đề xuất",
        PlanningStatus.Appraised => "Đã thẩm định, chờ phê duyệt",
        PlanningStatus.Approved => "Đã phê duyệt",
        _ => status.ToString(),
    };

    public static string DisplayName(HeldPostKind kind) => kind switch
    {
        HeldPostKind.Principal => "Chức vụ chính",
        HeldPostKind.Concurrent => "Chức vụ kiêm nhiệm",
        HeldPostKind.Acting => "Chức vụ giữ quyền",
        _ => kind.ToString(),
    };

    public static string DisplayName(PlanningEntryStatus status) => status switch
    {
        PlanningEntryStatus.Proposed => "Đề xuất",
        PlanningEntryStatus.Approved => "Đã phê duyệt",
        PlanningEntryStatus.Removed => "Đã đưa ra",
        _ => status.ToString(),
    };
}

public static class PlanningSummary
{
    /// <summary>How the commission reports approvals: "phê duyệt quy hoạch cho 2.362 lượt cán bộ của 120 cơ quan, đơn vị".</summary>
    public static string Sentence(long entries, long organizations) =>
        $"phê duyệt quy hoạch cho {CadreText.Number(entries)} lượt cán bộ của {CadreText.Number(organizations)} cơ quan, đơn vị";
}

public static class PlanningErrors
{
    public static Error TermInvalid(int start, int end) => new("planning.term",
        $"Nhiệm kỳ {start}–{end} không hợp lệ: năm kết thúc phải sau năm bắt đầu, không quá 10 năm, ví dụ 2026–2031.");
    public static readonly Error TitleRequired = new("planning.title.required", "Chưa nhập tên đợt quy hoạch.");
    public static readonly Error Frozen = new("planning.frozen",
        "Đợt quy hoạch đã thẩm định, đang chờ phê duyệt: không thể thay đổi danh sách.");
    public static readonly Error ReviewReasonRequired = new("planning.review.reason",
        "Quy hoạch đã phê duyệt: bổ sung hoặc đưa ra khỏi quy hoạch khi rà soát hằng năm phải ghi lý do.");
    public static Error HoldsPosition(string name, string position) => new("planning.holds",
        $"{name} đang giữ chức vụ \"{position}\": không quy hoạch vào chức vụ đang đảm nhiệm.");
    /// <summary>Names the held post (a rule about the person: only its name and standing reach the user) and the rule.</summary>
    public static Error NotHigher(string name, Position position, HeldStanding held, RuleValue rule) => new("planning.not_higher",
        $"{name} đang giữ chức vụ \"{held.PositionName}\" ({PositionLevels.Standing(held.Level, held.Rank)}"
        + (held.Kind == HeldPostKind.Principal ? "" : $", {PlanningBatch.DisplayName(held.Kind).ToLowerInvariant()}") + "): "
        + $"chỉ quy hoạch vào chức vụ cao hơn chức vụ đang đảm nhiệm, chức vụ \"{position.Title}\" ({PositionLevels.Standing(position.Level, position.Rank)}) không cao hơn. "
        + $"{rule.Citation}.");
    public static Error AlreadyPlanned(string name, string position) => new("planning.duplicate",
        $"{name} đã có trong quy hoạch chức vụ \"{position}\" của nhiệm kỳ này.");
    /// <summary>Names the cadres planned in batches the user can read; those of other batches are only counted.</summary>
    public static Error PositionFull(string position, RuleValue rule, IReadOnlyList<PlannedPost> planned) => new("planning.position.full",
        $"Chức vụ \"{position}\" đã có đủ {rule.AsInt()} cán bộ trong quy hoạch ({List(planned.Where(p => p.InScope).Select(p => p.MemberName), ", ", planned.Count(p => !p.InScope), "cán bộ")}); "
        + $"mỗi chức vụ quy hoạch không quá {rule.AsInt()} cán bộ. {rule.Citation}.");
    /// <summary>Names the positions of batches the user can read; those of other batches are only counted.</summary>
    public static Error CadreFull(string name, PositionLevel level, RuleValue rule, IReadOnlyList<PlannedPost> planned) => new("planning.cadre.full",
        $"{name} đã được quy hoạch {rule.AsInt()} chức vụ cùng cấp \"{level.DisplayName()}\" ({List(planned.Where(p => p.InScope).Select(p => p.PositionName), "; ", planned.Count(p => !p.InScope), "chức vụ")}); "
        + $"một cán bộ quy hoạch không quá {rule.AsInt()} chức vụ cùng cấp. {rule.Citation}.");
    public static Error PositionOutside(string position, string positionOrganization, string batchOrganization) => new("planning.position.outside",
        $"Chức vụ \"{position}\" thuộc {positionOrganization}, không thuộc {batchOrganization} hoặc các tổ chức trực thuộc: "
        + "đợt quy hoạch chỉ gồm chức vụ của tổ chức lập quy hoạch và các tổ chức trực thuộc.");

    /// <summary>"Trần An, Lê Bình và 1 cán bộ của đợt quy hoạch ngoài phạm vi của bạn".</summary>
    private static string List(IEnumerable<string> named, string separator, int hidden, string what)
    {
        var names = string.Join(separator, named);
        var others = $"{hidden} {what} của đợt quy hoạch ngoài phạm vi của bạn";
        return hidden == 0 ? names : names.Length == 0 ? others : $"{names} và {others}";
    }
    public static readonly Error EntryNotFound = new("planning.entry.none", "Không tìm thấy cán bộ này trong danh sách quy hoạch.");
    public static readonly Error Empty = new("planning.empty", "Đợt quy hoạch chưa có cán bộ nào được đề xuất.");
    public static Error WrongStatus(PlanningBatch batch, string action) => new("planning.status",
        $"Không thể {action}: đợt quy hoạch đang ở trạng thái \"{PlanningBatch.DisplayName(batch.Status)}\".");
    public static Error DateInFuture(string what) => new("planning.date.future", $"Ngày {what} không thể sau ngày hôm nay.");
    public static Error DecisionBeforeAppraisal(DateOnly appraised) => new("planning.decision.early",
        $"Ngày quyết định phê duyệt không thể trước ngày thẩm định {DateText.Format(appraised)}.");
}
