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

namespace OrgCom.Web.Features.Cadres.Planning;

/// <summary>One planning batch: propose cadres for positions, withdraw, appraise, approve by decision, and after approval
/// the yearly review (add or remove, each with its reason). The limits are enforced by the batch (Core).</summary>
public sealed class BatchModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, AuditRecorder audit,
    RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public PlanningBatch Batch { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";

    /// <summary>The batch's organization: it plans its own positions and those of the organizations under it.</summary>
    private LTree BatchPath { get; set; }
    /// <summary>Write at the batch's organization (staff): propose, withdraw and appraise while a draft.</summary>
    public bool CanWrite { get; private set; }

    /// <summary>Approve at the batch's organization (leaders): approve, and add or remove in the yearly review.</summary>
    public bool CanApprove { get; private set; }

    /// <summary>Whether the user may change the list of cadres in the batch's present status.</summary>
    public bool CanChangeList => Batch.Status == PlanningStatus.Approved ? CanApprove : CanWrite;
    public List<CadreOption> Cadres { get; private set; } = [];
    public List<PositionOption> Positions { get; private set; } = [];
    /// <summary>The planning limits in force: cadres per position, positions of one level per cadre.</summary>
    public RuleValue MaxCadresPerPosition { get; private set; } = null!;
    public RuleValue MaxPositionsPerCadre { get; private set; } = null!;
    /// <summary>Planning only for a higher position: the kinds of held post it counts, when the rule is in force.</summary>
    public RuleValue? HigherThanHeld { get; private set; }
    /// <summary>The level and rank of the positions of the entries, shown beside them.</summary>
    public Dictionary<long, (PositionLevel Level, PositionRank Rank)> Standings { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public long MemberId { get; set; }
    [BindProperty] public long PositionId { get; set; }
    [BindProperty, StoredIn<PlanningEntry>(nameof(PlanningEntry.AddedReason), "Lý do bổ sung")] public string? Reason { get; set; }
    [BindProperty] public long EntryId { get; set; }
    [BindProperty, StoredIn<PlanningEntry>(nameof(PlanningEntry.RemovedReason), "Lý do đưa ra")] public string? RemoveReason { get; set; }
    [BindProperty] public string? AppraisedOn { get; set; }
    [BindProperty, StoredIn<PlanningBatch>(nameof(PlanningBatch.AppraisalNote), "Ý kiến thẩm định")] public string? AppraisalNote { get; set; }
    [BindProperty, StoredIn<PlanningBatch>(nameof(PlanningBatch.DecisionNumber), "Số quyết định")] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }

    public async Task<IActionResult> OnGetAsync(long batchId, CancellationToken ct) =>
        await LoadAsync(batchId, ct) ? await ShownAsync(ct) : NotFound();

    /// <summary>The cadres and positions to choose from are read only when the page is shown, not for a change that
    /// succeeds and redirects.</summary>
    private async Task<IActionResult> ShownAsync(CancellationToken ct)
    {
        Cadres = await queries.CadresAsync(ct, partyMembersOnly: true);
        Positions = await queries.PositionsAsync(ct, BatchPath);
        var ids = Batch.Entries.Select(e => e.PositionId).Distinct().ToList();
        Standings = await db.Positions.Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Level, p.Rank), ct);
        return Page();
    }

    public Task<IActionResult> OnPostProposeAsync(long batchId, CancellationToken ct) => ChangeAsync(batchId, ListPermission, async () =>
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == MemberId).Select(m => new { m.Id, m.FullName, m.Status }).SingleOrDefaultAsync(ct);
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == PositionId, ct);
        if (member is null)
            return new Error("planning.member", "Hãy chọn cán bộ trong phạm vi của bạn.");
        if (position is null)
            return new Error("planning.position", "Hãy chọn chức vụ trong phạm vi của bạn.");
        var where = await db.Organizations.Where(o => o.Id == position.OrganizationId)
            .Select(o => new { o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleAsync(ct);
        if (!CurrentUser.IsWithin(where.Path, BatchPath))
            return PlanningErrors.PositionOutside(position.Title, where.Name, OrganizationName);
        // Two proposals at once must not both see room under a limit: lock, then count what is committed.
        await queries.LockPlanningAsync(position.Id, [member.Id], ct);
        await db.Entry(Batch).Collection(b => b.Entries).Query().LoadAsync(ct);
        var context = await queries.PlanningContextAsync(Batch, member.Id, position.Id, ct);
        var (book, _) = await rules.GetAsync(ct);
        var result = Batch.Propose(member.Id, member.FullName, member.Status, position, context, book, Today, Reason);
        if (!result.IsSuccess)
            return result.Error!;
        audit.Reason = Reason;
        return $"Đã đưa {member.FullName} vào quy hoạch chức vụ \"{position.Title}\".";
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(long batchId, CancellationToken ct) => ChangeAsync(batchId, ListPermission, () =>
    {
        var entry = Batch.Entries.FirstOrDefault(e => e.Id == EntryId);
        var result = Batch.Remove(EntryId, RemoveReason, Today);
        if (!result.IsSuccess)
            return Task.FromResult<Result<string>>(result.Error!);
        audit.Reason = entry!.RemovedReason;
        return Task.FromResult<Result<string>>($"Đã đưa {entry.MemberName} ra khỏi danh sách quy hoạch chức vụ \"{entry.PositionName}\".");
    }, ct);

    public Task<IActionResult> OnPostAppraiseAsync(long batchId, CancellationToken ct) => ChangeAsync(batchId, _ => Permission.Write, () =>
    {
        var on = DateText.Parse(AppraisedOn, "ngày thẩm định");
        if (!on.IsSuccess)
            return Task.FromResult<Result<string>>(on.Error!);
        var result = Batch.Appraise(on.Value, AppraisalNote, Today);
        return Task.FromResult<Result<string>>(result.IsSuccess ? "Đã ghi kết quả thẩm định." : result.Error!);
    }, ct);

    public Task<IActionResult> OnPostApproveAsync(long batchId, CancellationToken ct) => ChangeAsync(batchId, _ => Permission.Approve, () =>
    {
        var date = DateText.Parse(DecisionDate, "ngày quyết định phê duyệt");
        if (!date.IsSuccess)
            return Task.FromResult<Result<string>>(date.Error!);
        var result = Batch.Approve(DecisionNumber, date.Value, Today);
        if (!result.IsSuccess)
            return Task.FromResult<Result<string>>(result.Error!);
        audit.Reason = $"Phê duyệt quy hoạch theo quyết định {Batch.DecisionNumber}";
        return Task.FromResult<Result<string>>(
            $"Đã {PlanningSummary.Sentence(Batch.Entries.Count(e => e.Status == PlanningEntryStatus.Approved), 1)} theo quyết định {Batch.DecisionNumber}.");
    }, ct);

    /// <summary>The list of a draft is staff work (Write); once approved, adding or removing is the leaders' (Approve).</summary>
    private static Permission ListPermission(PlanningBatch batch) =>
        batch.Status == PlanningStatus.Approved ? Permission.Approve : Permission.Write;

    /// <summary>Load within scope → the permission the step needs at the batch's organization → the change (a Core
    /// transition) → save → redirect; a refusal shows the page again with its message and saves nothing.</summary>
    private async Task<IActionResult> ChangeAsync(long batchId, Func<PlanningBatch, Permission> needs,
        Func<Task<Result<string>>> change, CancellationToken ct)
    {
        if (!await LoadAsync(batchId, ct))
            return NotFound();
        if (!(needs(Batch) == Permission.Approve ? CanApprove : CanWrite))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!FormLengths.Check(this, ModelState, db.Model))
            return await ShownAsync(ct);
        var result = await change();
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return await ShownAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        if (db.Database.CurrentTransaction is { } transaction)
            await transaction.CommitAsync(ct);
        TempData["Success"] = result.Value;
        return Redirect($"/Cadres/Planning/{batchId}");
    }

    private async Task<bool> LoadAsync(long batchId, CancellationToken ct)
    {
        var batch = await db.PlanningBatches.Include(b => b.Entries).SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
            return false;
        Batch = batch;
        var organization = await db.Organizations.Where(o => o.Id == batch.OrganizationId)
            .Select(o => new { o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleAsync(ct);
        OrganizationName = organization.Name;
        BatchPath = organization.Path;
        CanWrite = currentUser.Can(Permission.Write, organization.Path);
        CanApprove = currentUser.Can(Permission.Approve, organization.Path);
        Today = VietnamTime.Today(clock);
        var (book, _) = await rules.GetAsync(ct);
        MaxCadresPerPosition = book.Get(RuleKey.PlanningMaxCadresPerPosition, Today);
        MaxPositionsPerCadre = book.Get(RuleKey.PlanningMaxPositionsPerCadreSameLevel, Today);
        HigherThanHeld = book.TryGet(RuleKey.PlanningHigherThanHeld, Today, out var higher) ? higher : null;
        return true;
    }
}
