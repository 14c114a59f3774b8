using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>What a personnel submission (tờ trình nhân sự) proposes to the competent level.</summary>
public enum SubmissionKind
{
    /// <summary>Bổ nhiệm: approval creates the appointment.</summary>
    Appointment,
    /// <summary>Giới thiệu ứng cử: approval records a <see cref="Cadres.Nomination"/> per cadre, its outcome pending.</summary>
    Nomination,
    /// <summary>Đề nghị phê duyệt quy hoạch: approval adds the cadres to the preparer's planning for the term, through
    /// <see cref="PlanningBatch.Propose"/> and all its rules.</summary>
    PlanningProposal,
}

public enum SubmissionStatus
{
    /// <summary>Đang chuẩn bị hồ sơ.</summary>
    Draft,
    /// <summary>Đã thẩm định, chờ trình.</summary>
    Appraised,
    /// <summary>Đã trình cấp có thẩm quyền.</summary>
    Submitted,
    /// <summary>Trả lại để hoàn thiện hồ sơ.</summary>
    Returned,
    /// <summary>Cấp có thẩm quyền đồng ý.</summary>
    Approved,
    /// <summary>Cấp có thẩm quyền không đồng ý.</summary>
    NotApproved,
}

/// <summary>The documents a dossier may require; which ones each kind requires is data (rules
/// <c>submission.documents.*</c>).</summary>
public enum SubmissionDocument
{
    CurriculumVitae,
    AssetDeclaration,
    ResidenceCellComment,
    ConfidenceVote,
    HealthCertificate,
    PoliticalStandardConclusion,
    Diplomas,
    WorkplaceComment,
}

/// <summary>A cadre proposed in a submission (một lượt cán bộ).</summary>
public sealed class SubmissionCadre
{
    private SubmissionCadre()
    {
        MemberName = "";
    }

    public long Id { get; private set; }
    public long SubmissionId { get; private set; }
    public long OrganizationId { get; private set; }
    public long MemberId { get; private set; }
    public string MemberName { get; private set; }

    internal static SubmissionCadre Create(PersonnelSubmission s, long memberId, string memberName) =>
        new() { OrganizationId = s.OrganizationId, MemberId = memberId, MemberName = memberName };
}

/// <summary>One document of one cadre's dossier, ticked as present by a named person at a moment.</summary>
public sealed class SubmissionDocumentTick
{
    private SubmissionDocumentTick()
    {
        TickedBy = "";
    }

    public long Id { get; private set; }
    public long SubmissionId { get; private set; }
    public long OrganizationId { get; private set; }
    public long MemberId { get; private set; }
    public SubmissionDocument Document { get; private set; }
    public string TickedBy { get; private set; }
    public DateTimeOffset TickedAt { get; private set; }

    internal static SubmissionDocumentTick Create(PersonnelSubmission s, long memberId, SubmissionDocument document, string by, DateTimeOffset at) =>
        new() { OrganizationId = s.OrganizationId, MemberId = memberId, Document = document, TickedBy = by, TickedAt = at };
}

/// <summary>A cadre's eligibility rule that failed, as the decision shows it.</summary>
public sealed record FailedCheck(string MemberName, string Rule, string Source);

/// <summary>
/// A personnel submission (hồ sơ nhân sự, tờ trình): prepared by a commission for one or several cadres, with its
/// checklist of documents per cadre; appraised (thẩm định) with an opinion; submitted (trình) to the competent level —
/// an organization above the preparer — which returns it for completion with a reason, or decides (đồng ý / không đồng
/// ý) by a decision. Every transition is guarded here (domain.md §4, ADR 0013).
/// </summary>
public sealed class PersonnelSubmission
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 1000;

    private readonly List<SubmissionCadre> _cadres = [];
    private readonly List<SubmissionDocumentTick> _ticks = [];

    private PersonnelSubmission()
    {
        Title = PositionName = PreparedBy = "";
    }

    public long Id { get; private set; }

    /// <summary>The preparing organization: the submission belongs to its scope.</summary>
    public long OrganizationId { get; private set; }

    /// <summary>The competent level, strictly above the preparer; its leaders decide.</summary>
    public long CompetentOrganizationId { get; private set; }
    public SubmissionKind Kind { get; private set; }
    public string Title { get; private set; }
    public long PositionId { get; private set; }
    public string PositionName { get; private set; }

    /// <summary>The post is held concurrently (kiêm nhiệm) with the cadre's principal post.</summary>
    public bool IsConcurrent { get; private set; }

    /// <summary>The planning term a planning proposal is for (2026–2031); none for the other kinds.</summary>
    public int? TermStartYear { get; private set; }
    public int? TermEndYear { get; private set; }
    public SubmissionStatus Status { get; private set; }
    public string PreparedBy { get; private set; }
    public DateOnly PreparedOn { get; private set; }
    public DateOnly? AppraisedOn { get; private set; }
    public string? AppraisalOpinion { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateOnly? ReturnedOn { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>Why the leader decided despite a failing eligibility rule (recorded with the decision).</summary>
    public string? OverrideReason { get; private set; }

    public IReadOnlyList<SubmissionCadre> Cadres => _cadres;
    public IReadOnlyList<SubmissionDocumentTick> Ticks => _ticks;

    public bool IsEditable => Status is SubmissionStatus.Draft or SubmissionStatus.Appraised or SubmissionStatus.Returned;
    public bool IsDecided => Status is SubmissionStatus.Approved or SubmissionStatus.NotApproved;

    /// <param name="competentIsAbove">The competent organization is an ancestor of the preparer (checked on the tree by the caller).</param>
    /// <param name="termStartYear">With <paramref name="termEndYear"/>: the planning term, required for a planning proposal
    /// (the rules of a batch's term), ignored for the other kinds.</param>
    public static Result<PersonnelSubmission> Create(long organizationId, long competentOrganizationId, bool competentIsAbove,
        SubmissionKind kind, Position position, bool isConcurrent, string? title, string preparedBy, DateOnly today,
        int? termStartYear = null, int? termEndYear = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!Enum.IsDefined(kind))
            return SubmissionErrors.KindRequired;
        if (kind == SubmissionKind.PlanningProposal)
        {
            if (termStartYear is null || termEndYear is null)
                return SubmissionErrors.TermRequired;
            if (PlanningBatch.Create(organizationId, termStartYear.Value, termEndYear.Value, "kiểm tra nhiệm kỳ") is { IsSuccess: false } invalid)
                return invalid.Error!;
        }
        if (competentOrganizationId == organizationId || !competentIsAbove)
            return SubmissionErrors.CompetentNotAbove;
        if (!position.IsActive)
            return CadreErrors.PositionInactive(position.Name);
        var clean = VietnameseText.Normalize(title);
        if (clean.Length == 0)
            return SubmissionErrors.TitleRequired;
        if (clean.Length > MaxTitleLength)
            return CadreErrors.TooLong("Trích yếu tờ trình", MaxTitleLength, clean.Length);
        return new PersonnelSubmission
        {
            OrganizationId = organizationId, CompetentOrganizationId = competentOrganizationId, Kind = kind, Title = clean,
            PositionId = position.Id, PositionName = position.Title, IsConcurrent = isConcurrent, Status = SubmissionStatus.Draft,
            PreparedBy = preparedBy, PreparedOn = today,
            TermStartYear = kind == SubmissionKind.PlanningProposal ? termStartYear : null,
            TermEndYear = kind == SubmissionKind.PlanningProposal ? termEndYear : null,
        };
    }

    /// <summary>Adds a cadre while the dossier is prepared (draft, or returned for completion).</summary>
    public Result<SubmissionCadre> AddCadre(long memberId, string memberName, MemberStatus status)
    {
        if (Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            return SubmissionErrors.WrongStatus(this, "thêm cán bộ");
        if (status.IsEnded())
            return CadreErrors.NotAvailable(memberName, status.DisplayName(), "trình nhân sự cho");
        if (_cadres.Any(c => c.MemberId == memberId))
            return SubmissionErrors.AlreadyIn(memberName);
        var cadre = SubmissionCadre.Create(this, memberId, memberName);
        _cadres.Add(cadre);
        return cadre;
    }

    /// <summary>Takes a cadre out of a draft, with the documents ticked for them.</summary>
    public Result RemoveCadre(long memberId)
    {
        if (Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            return SubmissionErrors.WrongStatus(this, "bớt cán bộ");
        var cadre = _cadres.FirstOrDefault(c => c.MemberId == memberId);
        if (cadre is null)
            return SubmissionErrors.CadreNotFound;
        _cadres.Remove(cadre);
        _ticks.RemoveAll(t => t.MemberId == memberId);
        return Result.Ok();
    }

    /// <summary>Ticks (present) or unticks a document of a cadre's dossier, until the submission is sent.</summary>
    public Result Tick(long memberId, SubmissionDocument document, bool present, string by, DateTimeOffset at)
    {
        if (!IsEditable)
            return SubmissionErrors.WrongStatus(this, "sửa danh mục hồ sơ");
        if (!Enum.IsDefined(document))
            return SubmissionErrors.DocumentUnknown;
        if (_cadres.All(c => c.MemberId != memberId))
            return SubmissionErrors.CadreNotFound;
        var existing = _ticks.FirstOrDefault(t => t.MemberId == memberId && t.Document == document);
        if (present && existing is null)
            _ticks.Add(SubmissionDocumentTick.Create(this, memberId, document, by, at));
        else if (!present && existing is not null)
            _ticks.Remove(existing);
        return Result.Ok();
    }

    /// <summary>The required documents not ticked yet, per cadre.</summary>
    public IReadOnlyList<(SubmissionCadre Cadre, IReadOnlyList<SubmissionDocument> Missing)> MissingDocuments(IReadOnlyList<SubmissionDocument> required) =>
        _cadres.Select(c => (c, (IReadOnlyList<SubmissionDocument>)required
                .Where(d => !_ticks.Any(t => t.MemberId == c.MemberId && t.Document == d)).ToList()))
            .Where(x => x.Item2.Count > 0).ToList();

    /// <summary>The appraisal (thẩm định) of a prepared dossier, with its opinion.</summary>
    public Result Appraise(DateOnly on, string? opinion, DateOnly today)
    {
        if (Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            return SubmissionErrors.WrongStatus(this, "thẩm định");
        if (_cadres.Count == 0)
            return SubmissionErrors.Empty;
        if (on > today)
            return SubmissionErrors.DateInFuture("thẩm định");
        if (on < PreparedOn)
            return SubmissionErrors.DateBefore("thẩm định", "lập hồ sơ", PreparedOn);
        var clean = VietnameseText.Normalize(opinion);
        if (clean.Length == 0)
            return SubmissionErrors.OpinionRequired;
        if (clean.Length > MaxTextLength)
            return CadreErrors.TooLong("Ý kiến thẩm định", MaxTextLength, clean.Length);
        Status = SubmissionStatus.Appraised;
        AppraisedOn = on;
        AppraisalOpinion = clean;
        return Result.Ok();
    }

    /// <summary>Submits (trình) the appraised dossier; refused while a required document of any cadre is missing.</summary>
    public Result Submit(DateOnly on, IReadOnlyList<SubmissionDocument> required, RuleCitation requiredBy, string by, DateOnly today)
    {
        if (Status != SubmissionStatus.Appraised)
            return SubmissionErrors.WrongStatus(this, "trình");
        if (on > today)
            return SubmissionErrors.DateInFuture("trình");
        if (on < AppraisedOn)
            return SubmissionErrors.DateBefore("trình", "thẩm định", AppraisedOn!.Value);
        var missing = MissingDocuments(required);
        if (missing.Count > 0)
            return SubmissionErrors.DocumentsMissing(missing, requiredBy);
        Status = SubmissionStatus.Submitted;
        SubmittedOn = on;
        SubmittedBy = by;
        return Result.Ok();
    }

    /// <summary>The competent level returns the dossier for completion, with the reason; it is appraised again.</summary>
    public Result Return(DateOnly on, string? reason, string by, DateOnly today)
    {
        if (Status != SubmissionStatus.Submitted)
            return SubmissionErrors.WrongStatus(this, "trả lại hồ sơ");
        if (IsPreparer(by))
            return SubmissionErrors.OwnSubmission;
        if (on > today)
            return SubmissionErrors.DateInFuture("trả lại");
        if (on < SubmittedOn)
            return SubmissionErrors.DateBefore("trả lại", "trình", SubmittedOn!.Value);
        var clean = VietnameseText.Normalize(reason);
        if (clean.Length == 0)
            return SubmissionErrors.ReturnReasonRequired;
        if (clean.Length > MaxTextLength)
            return CadreErrors.TooLong("Lý do trả lại", MaxTextLength, clean.Length);
        Status = SubmissionStatus.Returned;
        ReturnedOn = on;
        ReturnReason = clean;
        return Result.Ok();
    }

    /// <summary>
    /// The decision of the competent level: approved or not, by a decision numbered in the party format. Approving despite
    /// a failing eligibility rule needs the leader's reason; the person who prepared or submitted it cannot decide it.
    /// </summary>
    public Result Decide(bool approved, string? decisionNumber, DateOnly decisionDate, string? note,
        IReadOnlyList<FailedCheck> failedChecks, string? overrideReason, string by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(failedChecks);
        if (Status != SubmissionStatus.Submitted)
            return SubmissionErrors.WrongStatus(this, "quyết định");
        if (IsPreparer(by))
            return SubmissionErrors.OwnSubmission;
        var number = DocumentNumber.Parse(decisionNumber);
        if (!number.IsSuccess)
            return number.Error!;
        if (decisionDate > today)
            return SubmissionErrors.DateInFuture("quyết định");
        if (decisionDate < SubmittedOn)
            return SubmissionErrors.DateBefore("quyết định", "trình", SubmittedOn!.Value);
        var cleanNote = VietnameseText.Normalize(note);
        if (cleanNote.Length > MaxTextLength)
            return CadreErrors.TooLong("Ghi chú quyết định", MaxTextLength, cleanNote.Length);
        var cleanOverride = VietnameseText.Normalize(overrideReason);
        if (cleanOverride.Length > MaxTextLength)
            return CadreErrors.TooLong("Lý do vẫn đồng ý", MaxTextLength, cleanOverride.Length);
        if (approved && failedChecks.Count > 0 && cleanOverride.Length == 0)
            return SubmissionErrors.OverrideRequired(failedChecks);
        Status = approved ? SubmissionStatus.Approved : SubmissionStatus.NotApproved;
        DecisionNumber = number.Value!.ToString();
        DecisionDate = decisionDate;
        DecidedBy = by;
        DecisionNote = cleanNote.Length == 0 ? null : cleanNote;
        OverrideReason = approved && failedChecks.Count > 0 ? cleanOverride : null;
        return Result.Ok();
    }

    /// <summary>Why the approved plan holds the cadres of an approved planning proposal (a review's reason, or a new
    /// batch's title): "Phê duyệt theo quyết định 12-QĐ/TU ngày 01/12/2026 (tờ trình …)", within <paramref name="max"/> characters.</summary>
    public string PlanningText(int max)
    {
        var text = $"Phê duyệt theo quyết định {DecisionNumber} ngày {(DecisionDate is { } d ? DateText.Format(d) : "")} (tờ trình \"{Title}\")";
        return text.Length <= max ? text : text[..(max - 2)] + "…)";
    }

    private bool IsPreparer(string user) =>
        string.Equals(user, PreparedBy, StringComparison.OrdinalIgnoreCase) || string.Equals(user, SubmittedBy, StringComparison.OrdinalIgnoreCase);

    /// <summary>The rule that lists the documents required for a kind.</summary>
    public static string DocumentsRuleKey(SubmissionKind kind) => kind switch
    {
        SubmissionKind.Appointment => RuleKey.SubmissionDocumentsAppointment,
        SubmissionKind.Nomination => RuleKey.SubmissionDocumentsNomination,
        _ => RuleKey.SubmissionDocumentsPlanning,
    };

    /// <summary>The documents required for <paramref name="kind"/> by the rule in force on <paramref name="on"/>.</summary>
    public static (IReadOnlyList<SubmissionDocument> Documents, RuleValue Rule) RequiredDocuments(SubmissionKind kind, RuleBook rules, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var rule = rules.Get(DocumentsRuleKey(kind), on);
        return (rule.AsList().Select(Enum.Parse<SubmissionDocument>).ToList(), rule);
    }

    public static string DisplayName(SubmissionKind kind) => kind switch
    {
        SubmissionKind.Appointment => "Bổ nhiệm",
        SubmissionKind.Nomination => "Giới thiệu ứng cử",
        SubmissionKind.PlanningProposal => "Đề nghị phê duyệt quy hoạch",
        _ => kind.ToString(),
    };

    public static string DisplayName(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "Đang chuẩn bị hồ sơ",
        SubmissionStatus.Appraised => "Đã thẩm định, chờ trình",
        SubmissionStatus.Submitted => "Đã trình, chờ quyết định",
        SubmissionStatus.Returned => "Trả lại để hoàn thiện",
        SubmissionStatus.Approved => "Đồng ý",
        SubmissionStatus.NotApproved => "Không đồng ý",
        _ => status.ToString(),
    };

    public static string DisplayName(SubmissionDocument document) => document switch
    {
        SubmissionDocument.CurriculumVitae => "Sơ yếu lý lịch",
        SubmissionDocument.AssetDeclaration => "Bản kê khai tài sản, thu nhập",
        SubmissionDocument.ResidenceCellComment => "Nhận xét của chi ủy nơi cư trú",
        SubmissionDocument.ConfidenceVote => "Biên bản kiểm phiếu tín nhiệm",
        SubmissionDocument.HealthCertificate => "Giấy chứng nhận sức khỏe",
        SubmissionDocument.PoliticalStandardConclusion => "Kết luận về tiêu chuẩn chính trị",
        SubmissionDocument.Diplomas => "Bản sao văn bằng, chứng chỉ",
        SubmissionDocument.WorkplaceComment => "Nhận xét, đánh giá của cấp ủy nơi công tác",
        _ => document.ToString(),
    };
}

/// <summary>How the commission reports submissions: "Trình 45 lượt cán bộ; đã có quyết định 38 lượt".</summary>
public static class SubmissionSummary
{
    public static string Sentence(long submitted, long decided) =>
        $"Trình {CadreText.Number(submitted)} lượt cán bộ; đã có quyết định {CadreText.Number(decided)} lượt";
}

public static class SubmissionErrors
{
    public static readonly Error KindRequired = new("submission.kind", "Hãy chọn loại tờ trình (bổ nhiệm, giới thiệu ứng cử, quy hoạch).");
    public static readonly Error TitleRequired = new("submission.title", "Chưa nhập trích yếu tờ trình.");
    public static readonly Error TermRequired = new("submission.term",
        "Đề nghị phê duyệt quy hoạch phải ghi nhiệm kỳ quy hoạch (năm bắt đầu, năm kết thúc, ví dụ 2026–2031).");
    /// <summary>Approving a planning proposal is refused when a cadre fails a planning rule: every reason, nothing saved.</summary>
    public static Error PlanningRefused(IEnumerable<string> reasons) => new("submission.planning",
        "Chưa ghi được quyết định, quy hoạch không thực hiện được: " + string.Join(" ", reasons));
    public static Error PlanningPositionOutside(string position, string preparer) => new("submission.planning.position",
        $"Chức vụ \"{position}\" không thuộc {preparer} hoặc các tổ chức trực thuộc: đề nghị phê duyệt quy hoạch đưa cán bộ vào quy hoạch của tổ chức lập tờ trình.");
    public static readonly Error CompetentNotAbove = new("submission.competent",
        "Cấp có thẩm quyền quyết định phải là tổ chức cấp trên của tổ chức lập hồ sơ.");
    public static Error AlreadyIn(string name) => new("submission.duplicate", $"{name} đã có trong tờ trình.");
    public static readonly Error CadreNotFound = new("submission.cadre.none", "Không tìm thấy cán bộ này trong tờ trình.");
    public static readonly Error DocumentUnknown = new("submission.document", "Loại giấy tờ không hợp lệ.");
    public static readonly Error Empty = new("submission.empty", "Tờ trình chưa có cán bộ nào.");
    public static readonly Error OpinionRequired = new("submission.opinion", "Chưa nhập ý kiến thẩm định.");
    public static readonly Error ReturnReasonRequired = new("submission.return.reason", "Trả lại hồ sơ phải ghi lý do cần hoàn thiện.");
    public static readonly Error OwnSubmission = new("submission.own",
        "Người lập hoặc trình hồ sơ không được tự quyết định hay trả lại tờ trình của mình.");
    public static Error WrongStatus(PersonnelSubmission s, string action) => new("submission.status",
        $"Không thể {action}: tờ trình đang ở trạng thái \"{PersonnelSubmission.DisplayName(s.Status)}\".");
    public static Error DateInFuture(string what) => new("submission.date.future", $"Ngày {what} không thể sau ngày hôm nay.");
    public static Error DateBefore(string what, string earlier, DateOnly on) => new("submission.date.early",
        $"Ngày {what} không thể trước ngày {earlier} {DateText.Format(on)}.");
    public static Error DocumentsMissing(IEnumerable<(SubmissionCadre Cadre, IReadOnlyList<SubmissionDocument> Missing)> missing, RuleCitation source) =>
        new("submission.documents.missing", "Chưa thể trình, hồ sơ còn thiếu: "
            + string.Join("; ", missing.Select(m => $"{m.Cadre.MemberName}: {string.Join(", ", m.Missing.Select(d => PersonnelSubmission.DisplayName(d).ToLowerInvariant()))}"))
            + $". Danh mục hồ sơ: {source}.");
    public static Error OverrideRequired(IEnumerable<FailedCheck> failed) => new("submission.override",
        "Có điều kiện không đạt: " + string.Join("; ", failed.Select(f => $"{f.MemberName} — {f.Rule} ({f.Source})"))
        + ". Muốn vẫn đồng ý, lãnh đạo phải ghi lý do.");
}
