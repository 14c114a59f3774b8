using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres.Submissions;

/// <summary>
/// One personnel submission: the preparing commission's staff (Write at the preparer) add cadres, tick each cadre's
/// documents, record the appraisal and submit; the competent level's leaders (Approve at the organization above) return
/// it for completion or decide. Approving an appointment creates the appointments through <see cref="Appointment.Create"/>
/// after the eligibility check, whose failures need the leader's reason (ADR 0013).
/// </summary>
public sealed class DetailsModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, AuditRecorder audit,
    RuleBookProvider rules, TimeProvider clock) : PageModel
{
    /// <summary>A cadre's eligibility for the position at the reference date, or why it could not be checked.</summary>
    public sealed record CadreCheck(SubmissionCadre Cadre, EligibilityReport? Report, string? Problem);

    /// <summary>An appointment the decision created.</summary>
    public sealed record Created(long MemberId, string MemberName, string PositionName, DateOnly StartOn, DateOnly TermEndsOn);

    public PersonnelSubmission Submission { get; private set; } = null!;
    public string PreparerName { get; private set; } = "";
    public string CompetentName { get; private set; } = "";

    /// <summary>Write at the preparing organization: the dossier is staff work until it is submitted.</summary>
    public bool CanPrepare { get; private set; }

    /// <summary>Approve at the competent organization, and not the person who prepared or submitted it.</summary>
    public bool CanDecide { get; private set; }
    public IReadOnlyList<SubmissionDocument> Required { get; private set; } = [];
    public RuleValue? RequiredRule { get; private set; }
    public string? RulesProblem { get; private set; }
    public List<CadreCheck> Checks { get; private set; } = [];
    public List<CadreOption> Cadres { get; private set; } = [];
    public List<Created> Appointments { get; private set; } = [];

    /// <summary>The planning batch an approved planning proposal added its cadres to.</summary>
    public (long Id, string Title)? PlanningBatchCreated { get; private set; }

    /// <summary>The nominations an approved nomination recorded, with their election results.</summary>
    public List<Nomination> Nominations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public long MemberId { get; set; }
    [BindProperty] public SubmissionDocument Document { get; set; }
    [BindProperty] public bool Present { get; set; }
    [BindProperty] public string? AppraisedOn { get; set; }
    [BindProperty, StoredIn<PersonnelSubmission>(nameof(PersonnelSubmission.AppraisalOpinion), "Ý kiến thẩm định")] public string? AppraisalOpinion { get; set; }
    [BindProperty] public string? SubmittedOn { get; set; }
    [BindProperty] public string? ReturnedOn { get; set; }
    [BindProperty, StoredIn<PersonnelSubmission>(nameof(PersonnelSubmission.ReturnReason), "Lý do trả lại")] public string? ReturnReason { get; set; }
    /// <summary>No default: the leader chooses the result explicitly.</summary>
    [BindProperty] public bool? Approved { get; set; }
    [BindProperty, StoredIn<PersonnelSubmission>(nameof(PersonnelSubmission.DecisionNumber), "Số quyết định")] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty, StoredIn<PersonnelSubmission>(nameof(PersonnelSubmission.DecisionNote), "Ghi chú quyết định")] public string? DecisionNote { get; set; }
    [BindProperty, StoredIn<PersonnelSubmission>(nameof(PersonnelSubmission.OverrideReason), "Lý do vẫn đồng ý")] public string? OverrideReason { get; set; }

    public async Task<IActionResult> OnGetAsync(long submissionId, CancellationToken ct)
    {
        if (!await LoadAsync(submissionId, ct))
            return NotFound();
        await ShowAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddCadreAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Write, async () =>
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == MemberId)
            .Select(m => new { m.Id, m.FullName, m.Status }).SingleOrDefaultAsync(ct);
        if (member is null)
            return new Error("submission.member", "Hãy chọn cán bộ trong phạm vi của bạn.");
        var added = Submission.AddCadre(member.Id, member.FullName, member.Status);
        return added.IsSuccess ? $"Đã thêm {member.FullName} vào tờ trình." : added.Error!;
    }, ct);

    public Task<IActionResult> OnPostRemoveCadreAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Write, () =>
    {
        var name = Submission.Cadres.FirstOrDefault(c => c.MemberId == MemberId)?.MemberName;
        var removed = Submission.RemoveCadre(MemberId);
        return Task.FromResult<Result<string>>(removed.IsSuccess ? $"Đã bớt {name} khỏi tờ trình." : removed.Error!);
    }, ct);

    public Task<IActionResult> OnPostTickAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Write, () =>
    {
        var ticked = Submission.Tick(MemberId, Document, Present, currentUser.UserName, clock.GetUtcNow());
        var name = Submission.Cadres.FirstOrDefault(c => c.MemberId == MemberId)?.MemberName;
        return Task.FromResult<Result<string>>(ticked.IsSuccess
            ? $"{(Present ? "Đã có" : "Bỏ đánh dấu")}: {PersonnelSubmission.DisplayName(Document).ToLowerInvariant()} của {name}."
            : ticked.Error!);
    }, ct);

    public Task<IActionResult> OnPostAppraiseAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Write, () =>
    {
        var on = DateText.Parse(AppraisedOn, "ngày thẩm định");
        if (!on.IsSuccess)
            return Task.FromResult<Result<string>>(on.Error!);
        var result = Submission.Appraise(on.Value, AppraisalOpinion, Today);
        audit.Reason = Submission.AppraisalOpinion;
        return Task.FromResult<Result<string>>(result.IsSuccess ? "Đã ghi kết quả thẩm định." : result.Error!);
    }, ct);

    public Task<IActionResult> OnPostSubmitAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Write, () =>
    {
        var on = DateText.Parse(SubmittedOn, "ngày trình");
        if (!on.IsSuccess)
            return Task.FromResult<Result<string>>(on.Error!);
        if (RulesProblem is not null || RequiredRule is null)
            return Task.FromResult<Result<string>>(new Error("submission.rules", RulesProblem ?? "Chưa có danh mục hồ sơ."));
        var result = Submission.Submit(on.Value, Required, RequiredRule.Citation, currentUser.UserName, Today);
        audit.Reason = $"Trình {CompetentName}";
        return Task.FromResult<Result<string>>(result.IsSuccess ? $"Đã trình {CompetentName}." : result.Error!);
    }, ct);

    public Task<IActionResult> OnPostReturnAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Approve, () =>
    {
        var on = DateText.Parse(ReturnedOn, "ngày trả lại");
        if (!on.IsSuccess)
            return Task.FromResult<Result<string>>(on.Error!);
        var result = Submission.Return(on.Value, ReturnReason, currentUser.UserName, Today);
        audit.Reason = Submission.ReturnReason;
        return Task.FromResult<Result<string>>(result.IsSuccess ? "Đã trả lại hồ sơ để hoàn thiện." : result.Error!);
    }, ct);

    public Task<IActionResult> OnPostDecideAsync(long submissionId, CancellationToken ct) => ChangeAsync(submissionId, Permission.Approve, async () =>
    {
        if (Approved is not { } approved)
            return new Error("submission.decision.result", "Hãy chọn kết quả: đồng ý hoặc không đồng ý.");
        var date = DateText.Parse(DecisionDate, "ngày quyết định");
        if (!date.IsSuccess)
            return date.Error!;
        var (book, _) = await rules.GetAsync(ct);
        var checks = Submission.Kind == SubmissionKind.PlanningProposal ? [] : await EligibilityAsync(book, ct);
        var failed = checks.SelectMany(c => c.Report is null
                ? new[] { new FailedCheck(c.Cadre.MemberName, c.Problem ?? "Không kiểm tra được điều kiện", "") }
                : c.Report.Checks.Where(x => x.Status == CheckStatus.Failed).Select(x => new FailedCheck(c.Cadre.MemberName, x.Rule, x.Source)))
            .ToList();
        var decided = Submission.Decide(approved, DecisionNumber, date.Value, DecisionNote, failed, OverrideReason, currentUser.UserName, Today);
        if (!decided.IsSuccess)
            return decided.Error!;
        var created = !approved ? Result.Ok() : Submission.Kind switch
        {
            SubmissionKind.Appointment => await AppointAsync(book, ct),
            SubmissionKind.PlanningProposal => await PlanAsync(book, ct),
            _ => await NominateAsync(ct),
        };
        if (!created.IsSuccess)
            return created.Error!;
        audit.Reason = $"{(approved ? "Đồng ý" : "Không đồng ý")} theo quyết định {Submission.DecisionNumber}"
            + (Submission.OverrideReason is { } why ? $"; vẫn đồng ý dù có điều kiện không đạt ({string.Join("; ", failed.Select(f => $"{f.MemberName}: {f.Rule}"))}): {why}" : "");
        return $"Đã ghi quyết định {Submission.DecisionNumber}: {PersonnelSubmission.DisplayName(Submission.Status).ToLowerInvariant()}"
            + (!approved ? "." : Submission.Kind switch
            {
                SubmissionKind.Appointment => $", bổ nhiệm {Submission.Cadres.Count} lượt cán bộ.",
                SubmissionKind.PlanningProposal => $", {PlanningSummary.Sentence(Submission.Cadres.Count, 1)}.",
                _ => $", giới thiệu ứng cử {Submission.Cadres.Count} lượt cán bộ (chờ kết quả bầu cử).",
            });
    }, ct);

    /// <summary>
    /// An approved planning proposal adds its cadres to the preparer's planning for the term: into the approved batch of
    /// that organization and term (a review's addition, the decision as its reason), or into a new batch appraised and
    /// approved by this submission's appraisal and decision. Every cadre goes through <see cref="PlanningBatch.Propose"/>
    /// with the limits counted across the term; if any fails, the decision is refused with every reason and nothing is saved.
    /// </summary>
    private async Task<Result> PlanAsync(RuleBook book, CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == Submission.PositionId, ct);
        if (position is null)
            return new Error("submission.position", "Chức vụ của tờ trình không còn trong phạm vi của bạn.");
        var preparerPath = await queries.PathOfAsync(Submission.OrganizationId, ct);
        var positionPath = await queries.PathOfAsync(position.OrganizationId, ct);
        if (preparerPath is not { } root || positionPath is not { } at || !CurrentUser.IsWithin(at, root))
            return SubmissionErrors.PlanningPositionOutside(position.Title, PreparerName);
        if (Submission.TermStartYear is not { } from || Submission.TermEndYear is not { } to)
            return SubmissionErrors.TermRequired;
        // As a proposal on the batch page: lock the limits' position and cadres, then read what is committed.
        await queries.LockPlanningAsync(position.Id, Submission.Cadres.Select(c => c.MemberId), ct);
        var batch = await db.PlanningBatches.Include(b => b.Entries)
            .Where(b => b.OrganizationId == Submission.OrganizationId && b.TermStartYear == from && b.TermEndYear == to && b.Status == PlanningStatus.Approved)
            .OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        var reason = Submission.PlanningText(PlanningBatch.MaxTextLength);
        if (batch is null)
        {
            var created = PlanningBatch.Create(Submission.OrganizationId, from, to, Submission.PlanningText(PlanningBatch.MaxTitleLength));
            if (!created.IsSuccess)
                return created.Error!;
            batch = created.Value!;
            db.PlanningBatches.Add(batch);
        }
        var members = await MembersAsync(ct);
        var reasons = new List<string>();
        foreach (var cadre in Submission.Cadres.OrderBy(c => c.Id))
        {
            if (members.GetValueOrDefault(cadre.MemberId) is not { } member)
            {
                reasons.Add($"Không tìm thấy đảng viên {cadre.MemberName} trong phạm vi của bạn.");
                continue;
            }
            var context = await queries.PlanningContextAsync(batch, member.Id, position.Id, ct);
            var proposed = batch.Propose(member.Id, member.FullName, member.Status, position, context, book, Today,
                batch.Status == PlanningStatus.Approved ? reason : null);
            if (!proposed.IsSuccess)
                reasons.Add(proposed.Error!.Message);
        }
        if (reasons.Count > 0)
            return SubmissionErrors.PlanningRefused(reasons);
        if (batch.Status == PlanningStatus.Draft)
        {
            var opinion = Submission.AppraisalOpinion ?? "";
            var appraised = batch.Appraise(Submission.AppraisedOn ?? Submission.DecisionDate!.Value,
                opinion.Length <= PlanningBatch.MaxTextLength ? opinion : opinion[..(PlanningBatch.MaxTextLength - 1)] + "…", Today);
            var approvedBatch = appraised.IsSuccess ? batch.Approve(Submission.DecisionNumber, Submission.DecisionDate!.Value, Today) : appraised;
            if (!approvedBatch.IsSuccess)
                return approvedBatch.Error!;
        }
        return Result.Ok();
    }

    /// <summary>An approved nomination records, per cadre, the nomination for the position, its election result pending.</summary>
    private async Task<Result> NominateAsync(CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == Submission.PositionId, ct);
        if (position is null)
            return new Error("submission.position", "Chức vụ của tờ trình không còn trong phạm vi của bạn.");
        var nominations = Nomination.ForApproved(Submission, position);
        if (!nominations.IsSuccess)
            return nominations.Error!;
        db.Nominations.AddRange(nominations.Value!);
        return Result.Ok();
    }

    /// <summary>The appointments an approved appointment submission decides, one per cadre, through the Core rules of
    /// an appointment (principal post, retirement, term) — any refusal refuses the whole decision.</summary>
    private async Task<Result> AppointAsync(RuleBook book, CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == Submission.PositionId, ct);
        if (position is null)
            return new Error("submission.position", "Chức vụ của tờ trình không còn trong phạm vi của bạn.");
        var decided = Submission.DecisionDate!.Value;
        var members = await MembersAsync(ct);
        foreach (var cadre in Submission.Cadres)
        {
            if (members.GetValueOrDefault(cadre.MemberId) is not { } member)
                return new Error("submission.member", $"Không tìm thấy đảng viên {cadre.MemberName} trong phạm vi của bạn.");
            var retirement = OrgCom.Core.Cadres.Retirement.For(member.Gender, member.BirthDate, member.BirthYearOnly, book);
            DateOnly termEnd;
            try
            {
                termEnd = Appointment.DefaultTermEnd(AppointmentKind.Appointment, decided, retirement.Value, book);
            }
            catch (RuleConfigurationException e)
            {
                return new Error("submission.term", $"Không tính được thời hạn bổ nhiệm của {member.FullName}: {e.Message}");
            }
            var appointment = Appointment.Create(member, position, AppointmentKind.Appointment, Submission.DecisionNumber, decided, decided,
                termEnd, Submission.IsConcurrent, false, await queries.ActivePostsOfAsync(member.Id, ct), Today, retirement.Value);
            if (!appointment.IsSuccess)
                return new Error(appointment.Error!.Code, $"Chưa ghi được quyết định: {appointment.Error.Message}");
            db.Appointments.Add(appointment.Value!);
        }
        return Result.Ok();
    }

    /// <summary>The submission's cadres within the user's scope, read in one query.</summary>
    private Task<Dictionary<long, OrgCom.Core.Members.Member>> MembersAsync(CancellationToken ct)
    {
        var ids = Submission.Cadres.Select(c => c.MemberId).ToList();
        return db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
    }

    private async Task<List<CadreCheck>> EligibilityAsync(RuleBook book, CancellationToken ct)
    {
        var position = await db.Positions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Submission.PositionId, ct);
        var on = Submission.SubmittedOn ?? Today;
        var checks = new List<CadreCheck>();
        var members = await MembersAsync(ct);
        // The cadres' decided retirements, wherever recorded (about the person): used when in force on the date.
        var ids = members.Keys.ToList();
        var decisions = await db.RetirementDecisions.IgnoreQueryFilters().AsNoTracking().Where(d => ids.Contains(d.MemberId))
            .ToDictionaryAsync(d => d.MemberId, ct);
        foreach (var cadre in Submission.Cadres.OrderBy(c => c.Id))
        {
            if (members.GetValueOrDefault(cadre.MemberId) is not { } member || position is null)
            {
                checks.Add(new(cadre, null, "Không đọc được đảng viên hoặc chức vụ trong phạm vi của bạn."));
                continue;
            }
            try
            {
                var history = await queries.EligibilityHistoryAsync(member.Id, position, on, ct);
                checks.Add(new(cadre, Eligibility.Check(
                    new EligibilityCandidate(member.FullName, member.Gender, member.BirthDate, member.BirthYearOnly, member.PoliticalTheory),
                    position, history, on, book, decisions.GetValueOrDefault(member.Id)), null));
            }
            catch (RuleConfigurationException e)
            {
                checks.Add(new(cadre, null, $"Không kiểm tra được điều kiện tại ngày {DateText.Format(on)}: {e.Message}"));
            }
        }
        return checks;
    }

    /// <summary>Load within scope → the permission the step needs, at the preparer (Write) or the competent level
    /// (Approve) → the Core transition → save → redirect; a refusal shows the page again and saves nothing.</summary>
    private async Task<IActionResult> ChangeAsync(long submissionId, Permission needs, Func<Task<Result<string>>> change, CancellationToken ct)
    {
        if (!await LoadAsync(submissionId, ct))
            return NotFound();
        if (!(needs == Permission.Approve ? CanDecide : CanPrepare))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (FormLengths.Check(this, ModelState, db.Model))
        {
            var result = await change();
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(ct);
                if (db.Database.CurrentTransaction is { } transaction)
                    await transaction.CommitAsync(ct);
                TempData["Success"] = result.Value;
                return Redirect($"/Cadres/Submissions/{submissionId}");
            }
            ModelState.AddModelError("", result.Error!.Message);
        }
        // Nothing of a refused change is saved: the page is shown again from the database.
        db.ChangeTracker.Clear();
        await LoadAsync(submissionId, ct);
        await ShowAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long submissionId, CancellationToken ct)
    {
        var submission = await db.PersonnelSubmissions.Include(s => s.Cadres).Include(s => s.Ticks)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
            return false;
        Submission = submission;
        var preparer = await db.Organizations.Where(o => o.Id == submission.OrganizationId)
            .Select(o => new { o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleAsync(ct);
        // The competent level is above the preparer: read past the scope filter, its name and path only.
        var competent = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == submission.CompetentOrganizationId)
            .Select(o => new { o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleAsync(ct);
        PreparerName = preparer.Name;
        CompetentName = competent.Name;
        CanPrepare = currentUser.Can(Permission.Write, preparer.Path);
        CanDecide = currentUser.Can(Permission.Approve, competent.Path)
            && !string.Equals(currentUser.UserName, submission.PreparedBy, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(currentUser.UserName, submission.SubmittedBy, StringComparison.OrdinalIgnoreCase);
        Today = VietnamTime.Today(clock);
        var (book, _) = await rules.GetAsync(ct);
        try
        {
            (Required, RequiredRule) = PersonnelSubmission.RequiredDocuments(submission.Kind, book, submission.SubmittedOn ?? Today);
        }
        catch (RuleConfigurationException e)
        {
            RulesProblem = $"Chưa xác định được danh mục hồ sơ: {e.Message}";
        }
        return true;
    }

    /// <summary>What only the shown page needs: the cadres to add, the eligibility checks, the appointments made.</summary>
    private async Task ShowAsync(CancellationToken ct)
    {
        if (CanPrepare && Submission.Status is SubmissionStatus.Draft or SubmissionStatus.Returned)
            Cadres = await queries.CadresAsync(ct, partyMembersOnly: true);
        if (Submission.Kind != SubmissionKind.PlanningProposal && Submission.Cadres.Count > 0)
        {
            var (book, _) = await rules.GetAsync(ct);
            Checks = await EligibilityAsync(book, ct);
        }
        if (Submission.Status == SubmissionStatus.Approved && Submission.Kind == SubmissionKind.Nomination)
            Nominations = await db.Nominations.AsNoTracking().Where(n => n.SubmissionId == Submission.Id).OrderBy(n => n.MemberName).ToListAsync(ct);
        if (Submission.Status == SubmissionStatus.Approved && Submission.Kind == SubmissionKind.PlanningProposal)
        {
            var members = Submission.Cadres.Select(c => c.MemberId).ToList();
            var batch = await db.PlanningEntries
                .Where(e => e.PositionId == Submission.PositionId && members.Contains(e.MemberId) && e.Status == PlanningEntryStatus.Approved)
                .Join(db.PlanningBatches.Where(b => b.OrganizationId == Submission.OrganizationId && b.TermStartYear == Submission.TermStartYear),
                    e => e.BatchId, b => b.Id, (e, b) => new { b.Id, b.Title })
                .OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
            PlanningBatchCreated = batch is null ? null : (batch.Id, batch.Title);
        }
        if (Submission.Status == SubmissionStatus.Approved && Submission.Kind == SubmissionKind.Appointment)
        {
            var members = Submission.Cadres.Select(c => c.MemberId).ToList();
            Appointments = await db.Appointments
                .Where(a => a.PositionId == Submission.PositionId && a.DecisionNumber == Submission.DecisionNumber && members.Contains(a.MemberId))
                .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new Created(a.MemberId, m.FullName, a.PositionName, a.StartOn, a.TermEndsOn))
                .ToListAsync(ct);
        }
    }
}
