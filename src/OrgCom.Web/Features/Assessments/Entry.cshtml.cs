using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using OrgCom.Core.Assessments;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Assessments;

/// <summary>
/// One organization's assessment in a round: the keyboard grid of its members (saved row by row as they are typed),
/// the ratings of the organizations directly under it, the rule check with each rule's citation, and the steps
/// submit (staff) → approve (the competent level's leader) → reopen with a reason. Overrides of a rule need a leader
/// of the competent level and a written reason.
/// </summary>
public sealed class EntryModel(OrgComDbContext db, AssessmentQueries queries, RuleBookProvider rules, CurrentUser user,
    AuditRecorder audit, TimeProvider clock, IMemoryCache cache) : PageModel
{
    public AssessedOrganization Organization { get; private set; } = null!;
    public AssessmentRound Round { get; private set; } = null!;
    public OrganizationAssessment? Assessment { get; private set; }
    public List<AssessmentQueries.RosterRow> Roster { get; private set; } = [];
    public List<SubordinateRow> Subordinates { get; private set; } = [];

    /// <summary>From which day of establishment an organization counts as "mới thành lập" for this round, with the rule
    /// it comes from (null when no rule value is in force on the period's last day).</summary>
    public (DateOnly Since, RuleValue Rule)? NewOrganizationSince { get; private set; }

    /// <summary>One organization directly under this one on the page: its rating or the reason it is not rated.</summary>
    public sealed record SubordinateRow(long Id, string Name, DateOnly EstablishedOn, bool FormedByReorganization, QualityLevel? Level,
        OrganizationNotRatedReason? NotRatedReason, string? Note, AssessmentStatus? Status, DateOnly? DissolvedOn = null);
    public AssessmentCheck? Check { get; private set; }
    public AssessmentStatus? ParentStatus { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanDecide { get; private set; }
    public List<ImportError> ImportErrors { get; private set; } = [];
    public string? ImportErrorsKey { get; private set; }

    [BindProperty]
    public string? RuleKey { get; set; }

    [BindProperty, StoredIn<OrganizationAssessment>(nameof(OrganizationAssessment.ReopenReason), "Lý do")]
    public string? Reason { get; set; }

    [BindProperty]
    public QualityLevel? SelfLevel { get; set; }

    public string SelfUrl => $"/Assessments/Entry/{Round.Id}/{Organization.Id}";

    public async Task<IActionResult> OnGetAsync(long roundId, long organizationId, CancellationToken ct) =>
        await LoadAsync(roundId, organizationId, ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(long roundId, long organizationId, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (!CanWrite)
            return Forbid403();
        if (Assessment is not null)
            return Redirect(SelfUrl);
        var children = await queries.SubordinateFactsAsync(Organization.Id, Round, ct);
        var (book, _) = await rules.GetAsync(ct);
        db.OrganizationAssessments.Add(OrganizationAssessment.Start(Round.Id, Organization.Id,
            await queries.RosterAsync(Organization.Id, Round, ct), children.Select(c => c.Id), AssessmentQueries.Proposals(children, Round, book)));
        try
        {
            await SaveAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone else's "Lập danh sách" for the same organization committed first (there was no row to lock).
            TempData["Success"] = "Tổ chức đã có danh sách đánh giá (vừa được lập).";
            return Redirect(SelfUrl);
        }
        TempData["Success"] = "Đã lập danh sách đánh giá.";
        return Redirect(SelfUrl);
    }

    /// <summary>Autosave of one member's row from the grid: JSON in, JSON out.</summary>
    public async Task<IActionResult> OnPostRowAsync(long roundId, long organizationId, long memberId, string? selfLevel, string? proposedLevel,
        string? points, string? finalLevel, string? notAssessedReason, string? note, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (!CanWrite)
            return Forbid403();
        if (Assessment is null)
            return RowResult(false, "Chưa lập danh sách đánh giá.");
        var input = ReadInput(selfLevel, proposedLevel, points, finalLevel, notAssessedReason, note);
        if (!input.IsSuccess)
            return RowResult(false, input.Error!.Message);
        var result = Assessment.Rate(memberId, input.Value!);
        if (!result.IsSuccess)
            return RowResult(false, result.Error!.Message);
        await SaveAsync(ct);
        return RowResult(true, null);
    }

    public async Task<IActionResult> OnPostOrganizationRowAsync(long roundId, long organizationId, long subjectId, string? finalLevel,
        string? notRatedReason, string? note, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (!CanWrite)
            return Forbid403();
        if (Assessment is null)
            return RowResult(false, "Chưa lập danh sách đánh giá.");
        var level = ParseLevel(finalLevel, "Xếp loại");
        if (!level.IsSuccess)
            return RowResult(false, level.Error!.Message);
        OrganizationNotRatedReason? why = null;
        if (!string.IsNullOrWhiteSpace(notRatedReason))
        {
            if (!Enum.TryParse<OrganizationNotRatedReason>(notRatedReason, out var parsed) || !Enum.IsDefined(parsed))
                return RowResult(false, $"Lý do không xếp loại \"{notRatedReason}\" không hợp lệ.");
            why = parsed;
        }
        var result = Assessment.RateOrganization(subjectId, level.Value, why, note);
        if (!result.IsSuccess)
            return RowResult(false, result.Error!.Message);
        await SaveAsync(ct);
        return RowResult(true, null);
    }

    public async Task<IActionResult> OnPostSelfAsync(long roundId, long organizationId, CancellationToken ct) =>
        await StepAsync(roundId, organizationId, needsDecision: false, a => Task.FromResult(a.SetSelfLevel(SelfLevel)),
            "Đã lưu mức tự xếp loại của tổ chức.", null, ct);

    public async Task<IActionResult> OnPostSubmitAsync(long roundId, long organizationId, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (!CanWrite)
            return Forbid403();
        if (Assessment is null)
            return Redirect(SelfUrl);
        // The roster is brought up to date first: the submission is the record of who was in the organization.
        var children = await queries.SubordinateFactsAsync(Organization.Id, Round, ct);
        var (book, _) = await rules.GetAsync(ct);
        Assessment.SyncRoster(await queries.RosterAsync(Organization.Id, Round, ct), children.Select(c => c.Id),
            AssessmentQueries.Proposals(children, Round, book));
        if (await CheckRulesAsync(ct) is not { } check)
            return await ShowAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"select 1 from organization_assessments a join organizations o on o.id = a.organization_id where a.round_id = {Round.Id} and o.parent_id = {Organization.Id} for share of a", ct);
        var pending = await queries.SubordinatesNotApprovedAsync(Organization.Id, Round, ct);
        var result = Assessment.Submit(check, pending, user.UserName, clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return await ShowAsync(ct);
        }
        if (check.Overridden.Count > 0)
            audit.Reason = "Trình kết quả có vượt quy định: " + string.Join("; ", check.Overridden.Select(f => f.Override!.Reason));
        await SaveAsync(ct);
        TempData["Success"] = "Đã trình kết quả đánh giá lên cấp có thẩm quyền.";
        return Redirect(SelfUrl);
    }

    public async Task<IActionResult> OnPostOverrideAsync(long roundId, long organizationId, CancellationToken ct) =>
        await StepAsync(roundId, organizationId, needsDecision: true,
            async a =>
            {
                if (string.IsNullOrEmpty(RuleKey) || Core.Rules.RuleKey.KindOf(RuleKey) is null)
                    return new Error("assessment.override.rule", "Hãy chọn quy định cần cho phép vượt.");
                // The permission covers the members the finding names now: the check is computed in this request.
                if (await CheckRulesAsync(ct) is not { } check)
                    return new Error("assessment.override.rules", "Không kiểm tra được quy định cho kỳ này nên không cho phép vượt được.");
                return a.Override(RuleKey, Reason, user.UserName, clock.GetUtcNow(), check);
            },
            "Đã ghi nhận cho phép vượt quy định, kèm lý do.", Reason, ct);

    public async Task<IActionResult> OnPostApproveAsync(long roundId, long organizationId, CancellationToken ct) =>
        await StepAsync(roundId, organizationId, needsDecision: true, a => Task.FromResult(a.Approve(user.UserName, clock.GetUtcNow())),
            "Đã phê duyệt và khóa kết quả đánh giá.", null, ct);

    public async Task<IActionResult> OnPostReopenAsync(long roundId, long organizationId, CancellationToken ct) =>
        await StepAsync(roundId, organizationId, needsDecision: true, a => Task.FromResult(a.Reopen(Reason, ParentStatus)),
            "Đã mở lại kết quả đánh giá để sửa.", Reason, ct);

    /// <summary>The ratings of the whole organization from a sheet: every row checked, all applied or none.</summary>
    public async Task<IActionResult> OnPostImportAsync(long roundId, long organizationId, IFormFile? upload, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (!CanWrite)
            return Forbid403();
        if (Assessment is null)
            return Redirect(SelfUrl);
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("", "Hãy chọn tệp Excel (.xlsx) cần nhập.");
            return await ShowAsync(ct);
        }
        if (Assessment.IsLocked)
        {
            ModelState.AddModelError("", AssessmentErrors.Locked(Assessment.Status).Message + " Không nhập được tệp nào.");
            return await ShowAsync(ct);
        }
        Roster = await queries.RosterRowsAsync(Assessment, Round, ct);
        var outcome = await RatingImport.ReadAsync(upload, Roster, Assessment.Members, ct);
        if (outcome.Errors.Count == 0)
        {
            var result = Assessment.RateAll(outcome.Ratings);
            if (result.IsSuccess)
            {
                audit.Reason = $"Nhập từ tệp {Path.GetFileName(upload.FileName)}";
                await SaveAsync(ct);
                TempData["Success"] = $"Đã nhập kết quả của {outcome.Ratings.Count} đảng viên từ tệp.";
                return Redirect(SelfUrl);
            }
            outcome.Errors.Add(new ImportError(0, "", result.Error!.Message));
        }
        ImportErrors = outcome.Errors;
        ImportErrorsKey = Guid.NewGuid().ToString("N");
        cache.Set(ErrorsCacheKey(ImportErrorsKey), (user.UserId, outcome.Errors), TimeSpan.FromMinutes(30));
        ModelState.AddModelError("", $"Tệp có {outcome.Errors.Count} lỗi nên không nhập dòng nào. Sửa các dòng lỗi rồi nhập lại cả tệp.");
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnGetImportErrorsAsync(long roundId, long organizationId, string key, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (!cache.TryGetValue(ErrorsCacheKey(key), out (Guid? Owner, List<ImportError> Errors) stored) || stored.Owner != user.UserId)
            return NotFound();
        return XlsxResult.Create(RatingImport.ErrorReport(Organization.Name), stored.Errors.ToAsyncEnumerable(),
            $"Lỗi nhập xếp loại {Organization.Name}.xlsx");
    }

    /// <summary>The sheet to fill in on paper or in Excel: the roster with its identifiers, levels left blank.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(long roundId, long organizationId, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (Assessment is null)
            return Redirect(SelfUrl);
        Roster = await queries.RosterRowsAsync(Assessment, Round, ct);
        return XlsxResult.Create(RatingImport.Template(Organization.Name, Round.Title), Roster.ToAsyncEnumerable(),
            $"Mẫu nhập xếp loại {Organization.Name}.xlsx");
    }

    /// <summary>Saves, and ends the transaction that holds the assessment's lock (see <see cref="LoadAsync"/>).</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (_transaction is not null)
            await _transaction.CommitAsync(ct);
    }

    private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _transaction;

    private static string ErrorsCacheKey(string key) => "assessment-import-errors:" + key;

    private async Task<IActionResult> StepAsync(long roundId, long organizationId, bool needsDecision,
        Func<OrganizationAssessment, Task<Result>> step, string success, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(roundId, organizationId, ct) is { } stop)
            return stop;
        if (needsDecision ? !CanDecide : !CanWrite)
            return Forbid403();
        if (Assessment is null)
            return Redirect(SelfUrl);
        if (!FormLengths.Check(this, ModelState, db.Model))
            return await ShowAsync(ct);
        var result = await step(Assessment);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return await ShowAsync(ct);
        }
        audit.Reason = reason;
        await SaveAsync(ct);
        TempData["Success"] = success;
        return Redirect(SelfUrl);
    }

    private async Task<IActionResult?> LoadAsync(long roundId, long organizationId, CancellationToken ct)
    {
        var organization = await queries.OrganizationAsync(organizationId, ct);
        if (organization is null)
            return NotFound();
        var round = await queries.RoundCoveringAsync(roundId, organization, ct);
        if (round is null)
            return NotFound();
        Organization = organization;
        Round = round;
        CanWrite = queries.CanWrite(organization);
        CanDecide = queries.CanDecide(round, organization);
        if (HttpMethods.IsPost(Request.Method))
        {
            // Changes to one assessment are serialized: the grid saves several rows at once, and each save recounts
            // the levels from the rows it loaded, so two saves must not interleave. Locks are taken top-down — the
            // parent's assessment for share, this one for update, and on submission its children's for share — so a
            // child reopened (which reads the parent's status) and the parent submitted (which reads the children's)
            // wait for each other instead of both passing on stale reads, and never deadlock. Not covered by a test:
            // the interleaving cannot be forced through HTTP requests reliably.
            _transaction = await db.Database.BeginTransactionAsync(ct);
            if (organization.ParentId is { } parentId && round.OrganizationId != organization.Id)
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"select 1 from organization_assessments where round_id = {roundId} and organization_id = {parentId} for share", ct);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"select 1 from organization_assessments where round_id = {roundId} and organization_id = {organizationId} for update", ct);
        }
        Assessment = await queries.AssessmentAsync(roundId, organizationId, ct);
        if (organization.ParentId is { } parent && round.OrganizationId != organization.Id)
            ParentStatus = (await queries.AssessmentStatusAsync(roundId, parent, ct));
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var children = await queries.SubordinateFactsAsync(Organization.Id, Round, ct);
        var statuses = await queries.StatusesAsync(Round.Id, children.Select(c => c.Id).ToList(), ct);
        Subordinates = children.Select(c =>
        {
            var rating = Assessment?.Organizations.FirstOrDefault(r => r.SubjectOrganizationId == c.Id);
            return new SubordinateRow(c.Id, c.Name, c.EstablishedOn, c.FormedByReorganization, rating?.FinalLevel, rating?.NotRatedReason,
                rating?.Note, statuses.TryGetValue(c.Id, out var s) ? s : null, c.DissolvedOn);
        }).ToList();
        var (book, _) = await rules.GetAsync(ct);
        NewOrganizationSince = AssessmentRules.NewOrganizationSince(Round.PeriodTo, book);
        if (Assessment is not null)
        {
            if (Roster.Count == 0)
                Roster = await queries.RosterRowsAsync(Assessment, Round, ct);
            Check = await CheckRulesAsync(ct);
        }
        return Page();
    }

    /// <summary>The rule check, or null with a message on the page when the rule data does not cover the period
    /// (rounds opened before the data was narrowed, or data edited since).</summary>
    private async Task<AssessmentCheck?> CheckRulesAsync(CancellationToken ct)
    {
        var (book, _) = await rules.GetAsync(ct);
        var covered = AssessmentRules.Covers(book, Round.PeriodTo);
        if (covered.IsSuccess)
        {
            try
            {
                return await queries.CheckAsync(Assessment!, Round, Organization, book, ct);
            }
            catch (RuleConfigurationException e)
            {
                covered = new Error("assessment.rules.missing", e.Message);
            }
        }
        var message = covered.Error!.Message;
        if (!ModelState.TryGetValue("", out var shown) || shown.Errors.All(x => x.ErrorMessage != message))
            ModelState.AddModelError("", message);
        return null;
    }

    private IActionResult Forbid403() => StatusCode(StatusCodes.Status403Forbidden);

    private JsonResult RowResult(bool ok, string? message) => new(new
    {
        ok,
        message,
        counts = Assessment is { } a
            ? new { required = a.RequiredCount, excellent = a.ExcellentCount, good = a.GoodCount, completed = a.CompletedCount, notCompleted = a.NotCompletedCount, notAssessed = a.NotAssessedCount }
            : null,
    });

    public static Result<QualityLevel?> ParseLevel(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Result<QualityLevel?>.Ok(null);
        return Enum.TryParse<QualityLevel>(text, out var level) && Enum.IsDefined(level)
            ? Result<QualityLevel?>.Ok(level)
            : Result<QualityLevel?>.Fail(new Error("assessment.level", $"{field}: \"{text}\" không phải là một mức xếp loại."));
    }

    private static Result<RatingInput> ReadInput(string? self, string? proposed, string? points, string? final, string? reason, string? note)
    {
        var s = ParseLevel(self, "Tự xếp loại");
        var p = ParseLevel(proposed, "Chi bộ đề xuất");
        var f = ParseLevel(final, "Xếp loại");
        foreach (var r in new[] { s, p, f })
            if (!r.IsSuccess)
                return Result<RatingInput>.Fail(r.Error!);
        decimal? score = null;
        if (!string.IsNullOrWhiteSpace(points))
        {
            if (!decimal.TryParse(points.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                return Result<RatingInput>.Fail(new Error("assessment.points", $"Điểm \"{points}\" không phải là một số (ví dụ 85 hoặc 85,5)."));
            score = value;
        }
        NotAssessedReason? why = null;
        if (!string.IsNullOrWhiteSpace(reason))
        {
            if (!Enum.TryParse<NotAssessedReason>(reason, out var parsed) || !Enum.IsDefined(parsed))
                return Result<RatingInput>.Fail(new Error("assessment.reason.kind", $"Lý do không đánh giá \"{reason}\" không hợp lệ."));
            why = parsed;
        }
        return new RatingInput(s.Value, p.Value, score, f.Value, why, note);
    }
}
