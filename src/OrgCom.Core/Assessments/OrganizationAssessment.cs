using OrgCom.Core.Common;
using OrgCom.Core.Text;

namespace OrgCom.Core.Assessments;

public enum AssessmentStatus
{
    /// <summary>Đang nhập: ratings may change.</summary>
    Draft,
    /// <summary>Đã trình: waiting for the competent level; nothing changes.</summary>
    Submitted,
    /// <summary>Đã phê duyệt: locked. Only a reopening with a reason makes it a draft again.</summary>
    Approved,
}

/// <summary>What is entered for one member: the member's own rating, the cell's proposal, points, the final level —
/// or the reason the member is not rated.</summary>
public sealed record RatingInput(
    QualityLevel? SelfLevel, QualityLevel? ProposedLevel, decimal? Points, QualityLevel? FinalLevel,
    NotAssessedReason? NotAssessedReason, string? Note)
{
    public static readonly RatingInput Empty = new(null, null, null, null, null, null);
}

/// <summary>One member on the roster of an organization's assessment.</summary>
public sealed class MemberRating
{
    public const int MaxNoteLength = 500;

    private MemberRating() { }

    internal MemberRating(long organizationId, long memberId)
    {
        OrganizationId = organizationId;
        MemberId = memberId;
    }

    public long Id { get; private set; }
    public long OrganizationAssessmentId { get; private set; }

    /// <summary>The organization assessed (also the owner of the row for scope and reports).</summary>
    public long OrganizationId { get; private set; }
    public long MemberId { get; private set; }
    public QualityLevel? SelfLevel { get; private set; }
    public QualityLevel? ProposedLevel { get; private set; }
    public decimal? Points { get; private set; }
    public QualityLevel? FinalLevel { get; private set; }
    public NotAssessedReason? NotAssessedReason { get; private set; }
    public string? Note { get; private set; }

    public bool IsDecided => FinalLevel is not null || NotAssessedReason is not null;

    public RatingInput Input => new(SelfLevel, ProposedLevel, Points, FinalLevel, NotAssessedReason, Note);

    internal void Apply(RatingInput input)
    {
        SelfLevel = input.SelfLevel;
        ProposedLevel = input.ProposedLevel;
        Points = input.Points;
        FinalLevel = input.FinalLevel;
        NotAssessedReason = input.NotAssessedReason;
        Note = string.IsNullOrWhiteSpace(input.Note) ? null : VietnameseText.Normalize(input.Note);
    }
}

/// <summary>The rating the level above gives one of its directly subordinate organizations.</summary>
public sealed class OrganizationRating
{
    private OrganizationRating() { }

    internal OrganizationRating(long organizationId, long subjectOrganizationId)
    {
        OrganizationId = organizationId;
        SubjectOrganizationId = subjectOrganizationId;
    }

    public long Id { get; private set; }
    public long OrganizationAssessmentId { get; private set; }

    /// <summary>The rating organization (the level above the subject).</summary>
    public long OrganizationId { get; private set; }
    public long SubjectOrganizationId { get; private set; }
    public QualityLevel? FinalLevel { get; private set; }

    /// <summary>Why the organization is not rated this round (proposed when the roster is built, editable).</summary>
    public OrganizationNotRatedReason? NotRatedReason { get; private set; }
    public string? Note { get; private set; }

    public bool IsDecided => FinalLevel is not null || NotRatedReason is not null;

    internal void Propose(OrganizationNotRatedReason? reason) => NotRatedReason = reason;

    internal void Apply(QualityLevel? level, OrganizationNotRatedReason? reason, string? note)
    {
        FinalLevel = level;
        NotRatedReason = reason;
        Note = string.IsNullOrWhiteSpace(note) ? null : VietnameseText.Normalize(note);
    }
}

/// <summary>A leader's written decision to let a rule's finding stand (shown in reports with its reason).</summary>
/// <summary>A leader's permission to let a rule's finding stand. It covers the members the finding named when it was
/// given (<see cref="SubjectIds"/>, for the cap the members rated "xuất sắc" then): a later finding that names anyone
/// else — one more "xuất sắc", another probationary member rated too high — needs a new override.</summary>
public sealed record RuleOverride(string RuleKey, string Reason, string By, DateTimeOffset At, IReadOnlyList<long>? SubjectIds)
{
    /// <summary>Whether this permission covers <paramref name="finding"/> (same rule, no member it did not name).</summary>
    public bool Covers(RuleFinding finding) =>
        finding.RuleKey == RuleKey && SubjectIds is { } ids && finding.SubjectIds.All(ids.Contains);
}

/// <summary>
/// One organization's part of a round: the roster of its own members with their ratings, the ratings it gives its
/// subordinate organizations, its own self-rating, and the way it moves draft → submitted → approved (locked).
/// Rule findings are computed by <see cref="AssessmentRules"/> from facts the caller loads; the transitions here
/// enforce the order and the lock.
/// </summary>
public sealed class OrganizationAssessment
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    private readonly List<MemberRating> _members = [];
    private readonly List<OrganizationRating> _organizations = [];

    private OrganizationAssessment() { }

    public long Id { get; private set; }
    public long RoundId { get; private set; }
    public long OrganizationId { get; private set; }
    public AssessmentStatus Status { get; private set; }

    /// <summary>The organization's own self-assessment (its final level is set by the level above, in its assessment).</summary>
    public QualityLevel? SelfLevel { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }

    /// <summary>Why it was last reopened (the audit log keeps every reopening).</summary>
    public string? ReopenReason { get; private set; }

    public IReadOnlyList<RuleOverride> Overrides { get; private set; } = [];

    // Counts of the roster, kept with every change so reports add up organizations instead of reading every rating.
    public int RequiredCount { get; private set; }
    public int ExcellentCount { get; private set; }
    public int GoodCount { get; private set; }
    public int CompletedCount { get; private set; }
    public int NotCompletedCount { get; private set; }
    public int NotAssessedCount { get; private set; }

    public IReadOnlyList<MemberRating> Members => _members;
    public IReadOnlyList<OrganizationRating> Organizations => _organizations;

    public bool IsLocked => Status != AssessmentStatus.Draft;

    /// <summary>Starts an organization's assessment with its roster (counted members) and its subordinate organizations;
    /// <paramref name="proposals"/> are the reasons proposed for not rating some of them (see <see cref="SyncRoster"/>).</summary>
    public static OrganizationAssessment Start(long roundId, long organizationId, IEnumerable<long> memberIds, IEnumerable<long> childOrganizationIds,
        IReadOnlyDictionary<long, OrganizationNotRatedReason>? proposals = null)
    {
        var assessment = new OrganizationAssessment { RoundId = roundId, OrganizationId = organizationId, Status = AssessmentStatus.Draft };
        assessment.SyncRoster(memberIds, childOrganizationIds, proposals);
        return assessment;
    }

    /// <summary>
    /// Brings a draft's roster up to date with the organization as it is now: members and subordinate organizations
    /// that arrived are added, those no longer there are dropped with what was entered for them. A submitted or
    /// approved roster is the record and does not move. An organization that arrives with a proposed reason for not
    /// rating it (<paramref name="proposals"/>, e.g. newly formed — <see cref="AssessmentRules.ProposeNotRated"/>) gets
    /// that reason; the rows already there keep what the user entered.
    /// </summary>
    public void SyncRoster(IEnumerable<long> memberIds, IEnumerable<long> childOrganizationIds,
        IReadOnlyDictionary<long, OrganizationNotRatedReason>? proposals = null)
    {
        if (IsLocked)
            return;
        var members = memberIds.ToHashSet();
        _members.RemoveAll(r => !members.Contains(r.MemberId));
        foreach (var id in members.Except(_members.Select(r => r.MemberId)).Order())
            _members.Add(new MemberRating(OrganizationId, id));
        var children = childOrganizationIds.ToHashSet();
        _organizations.RemoveAll(r => !children.Contains(r.SubjectOrganizationId));
        foreach (var id in children.Except(_organizations.Select(r => r.SubjectOrganizationId)).Order())
        {
            var row = new OrganizationRating(OrganizationId, id);
            if (proposals is not null && proposals.TryGetValue(id, out var proposed))
                row.Propose(proposed);
            _organizations.Add(row);
        }
        Recount();
    }

    public Result Rate(long memberId, RatingInput input)
    {
        if (IsLocked)
            return AssessmentErrors.Locked(Status);
        var row = _members.FirstOrDefault(r => r.MemberId == memberId);
        if (row is null)
            return AssessmentErrors.NotOnRoster;
        var check = Validate(input);
        if (!check.IsSuccess)
            return check;
        row.Apply(input);
        Recount();
        return Result.Ok();
    }

    /// <summary>
    /// Applies the final levels of a whole sheet at once, merged into what is stored: the self-rating, the cell's
    /// proposal, the points and a not-assessed reason stay as typed in the grid, and a blank note keeps the stored note.
    /// Every row is checked first and nothing changes if one is refused.
    /// </summary>
    public Result RateAll(IReadOnlyList<(long MemberId, QualityLevel FinalLevel, string? Note)> ratings)
    {
        if (IsLocked)
            return AssessmentErrors.Locked(Status);
        var rows = _members.ToDictionary(r => r.MemberId);
        var merged = new List<(MemberRating Row, RatingInput Input)>(ratings.Count);
        foreach (var (memberId, level, note) in ratings)
        {
            if (!rows.TryGetValue(memberId, out var row))
                return AssessmentErrors.NotOnRoster;
            var input = row.Input with { FinalLevel = level, Note = string.IsNullOrWhiteSpace(note) ? row.Note : note };
            var check = Validate(input);
            if (!check.IsSuccess)
                return check;
            merged.Add((row, input));
        }
        foreach (var (row, input) in merged)
            row.Apply(input);
        Recount();
        return Result.Ok();
    }

    public Result RateOrganization(long subjectOrganizationId, QualityLevel? level, string? note) =>
        RateOrganization(subjectOrganizationId, level, null, note);

    /// <summary>Rates an organization directly under this one, or records why it is not rated (not both; "Lý do khác"
    /// and "Đang giải thể, sáp nhập, chia tách" need the note to say which).</summary>
    public Result RateOrganization(long subjectOrganizationId, QualityLevel? level, OrganizationNotRatedReason? reason, string? note)
    {
        if (IsLocked)
            return AssessmentErrors.Locked(Status);
        var row = _organizations.FirstOrDefault(r => r.SubjectOrganizationId == subjectOrganizationId);
        if (row is null)
            return AssessmentErrors.NotSubordinate;
        if (level is not null && reason is not null)
            return AssessmentErrors.OrganizationRatedAndExcused;
        if (reason is OrganizationNotRatedReason.Other or OrganizationNotRatedReason.Reorganizing && string.IsNullOrWhiteSpace(note))
            return AssessmentErrors.OrganizationOtherReasonNeedsNote;
        if (note is { Length: > MemberRating.MaxNoteLength })
            return AssessmentErrors.NoteTooLong;
        row.Apply(level, reason, note);
        return Result.Ok();
    }

    public Result SetSelfLevel(QualityLevel? level)
    {
        if (IsLocked)
            return AssessmentErrors.Locked(Status);
        SelfLevel = level;
        return Result.Ok();
    }

    /// <summary>A leader lets a rule's finding stand, with a written reason; only while the assessment is a draft, and
    /// only for a finding the current check <paramref name="check"/> shows. The permission covers the members the finding
    /// names now.</summary>
    public Result Override(string ruleKey, string? reason, string by, DateTimeOffset at, AssessmentCheck check)
    {
        if (IsLocked)
            return AssessmentErrors.Locked(Status);
        if (!AssessmentRules.OverridableKeys.Contains(ruleKey))
            return AssessmentErrors.NotOverridable(ruleKey);
        if (check.Findings.FirstOrDefault(f => f.RuleKey == ruleKey && f.Overridable) is not { } finding)
            return AssessmentErrors.NothingToOverride;
        var clean = VietnameseText.Normalize(reason);
        if (clean.Length < MinReasonLength)
            return AssessmentErrors.ReasonRequired("vượt quy định");
        if (clean.Length > MaxReasonLength)
            return AssessmentErrors.ReasonTooLong;
        Overrides = [.. Overrides.Where(o => o.RuleKey != ruleKey), new RuleOverride(ruleKey, clean, by, at, [.. finding.SubjectIds])];
        return Result.Ok();
    }

    /// <summary>
    /// Submits to the competent level. Refused, with every reason, while a subordinate organization's assessment is not
    /// approved (lower levels first), while a member or a subordinate organization is neither rated nor excused, or while a rule is broken without a
    /// leader's override.
    /// </summary>
    public Result Submit(AssessmentCheck check, IReadOnlyList<string> subordinatesNotApproved, string by, DateTimeOffset at)
    {
        if (IsLocked)
            return AssessmentErrors.Locked(Status);
        if (subordinatesNotApproved.Count > 0)
            return AssessmentErrors.SubordinatesFirst(subordinatesNotApproved);
        if (_organizations.Count(r => !r.IsDecided) is > 0 and var undecided)
            return AssessmentErrors.OrganizationsUnrated(undecided);
        if (check.Blocking.Count > 0)
            return AssessmentErrors.RulesBroken(check.Blocking);
        Status = AssessmentStatus.Submitted;
        SubmittedAt = at;
        SubmittedBy = by;
        return Result.Ok();
    }

    /// <summary>The competent level approves a submitted assessment; it is locked from then on.</summary>
    public Result Approve(string by, DateTimeOffset at)
    {
        if (Status != AssessmentStatus.Submitted)
            return AssessmentErrors.NotSubmitted(Status);
        Status = AssessmentStatus.Approved;
        ApprovedAt = at;
        ApprovedBy = by;
        return Result.Ok();
    }

    /// <summary>
    /// Makes a submitted or approved assessment a draft again, with a written reason. Refused while the level above
    /// has submitted or approved its own assessment: its results rest on this one, so it must be reopened first.
    /// </summary>
    public Result Reopen(string? reason, AssessmentStatus? parentStatus)
    {
        if (Status == AssessmentStatus.Draft)
            return AssessmentErrors.AlreadyDraft;
        if (parentStatus is AssessmentStatus.Submitted or AssessmentStatus.Approved)
            return AssessmentErrors.ParentLocked;
        var clean = VietnameseText.Normalize(reason);
        if (clean.Length < MinReasonLength)
            return AssessmentErrors.ReasonRequired("mở lại");
        if (clean.Length > MaxReasonLength)
            return AssessmentErrors.ReasonTooLong;
        Status = AssessmentStatus.Draft;
        ReopenReason = clean;
        SubmittedAt = null;
        SubmittedBy = null;
        ApprovedAt = null;
        ApprovedBy = null;
        return Result.Ok();
    }

    private static Result Validate(RatingInput input)
    {
        if (input.Points is { } p && (p < 0 || p > 100))
            return AssessmentErrors.PointsRange(p);
        if (input.NotAssessedReason is not null && input.FinalLevel is not null)
            return AssessmentErrors.RatedAndExcused;
        if (input.NotAssessedReason == Assessments.NotAssessedReason.Other && string.IsNullOrWhiteSpace(input.Note))
            return AssessmentErrors.OtherReasonNeedsNote;
        if (input.Note is { Length: > MemberRating.MaxNoteLength })
            return AssessmentErrors.NoteTooLong;
        return Result.Ok();
    }

    private void Recount()
    {
        RequiredCount = _members.Count;
        ExcellentCount = _members.Count(r => r.FinalLevel == QualityLevel.Excellent);
        GoodCount = _members.Count(r => r.FinalLevel == QualityLevel.Good);
        CompletedCount = _members.Count(r => r.FinalLevel == QualityLevel.Completed);
        NotCompletedCount = _members.Count(r => r.FinalLevel == QualityLevel.NotCompleted);
        NotAssessedCount = _members.Count(r => r.NotAssessedReason is not null);
    }

    public static string StatusName(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Đang nhập",
        AssessmentStatus.Submitted => "Đã trình, chờ phê duyệt",
        AssessmentStatus.Approved => "Đã phê duyệt (khóa)",
        _ => status.ToString(),
    };
}
