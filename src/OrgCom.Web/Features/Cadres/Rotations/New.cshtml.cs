using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres.Rotations;

/// <summary>Records a rotation of a cadre of the user's scope: from one of their current posts to a post of another
/// organization (anywhere in the tree, by its code), by a decision, for a period. Load within scope → check the rules →
/// add → save (audited) → redirect.</summary>
public sealed class NewModel(OrgComDbContext db, CadreQueries cadres, RotationQueries rotations, CurrentUser currentUser,
    AuditRecorder audit, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public CadrePerson Member { get; private set; } = null!;
    public List<RotationOrigin> Origins { get; private set; } = [];
    public RuleCitation? MinimumRule { get; private set; }
    public string MinimumText { get; private set; } = "";

    [BindProperty] public long FromAppointmentId { get; set; }
    [BindProperty] public string? ToOrganizationCode { get; set; }
    [BindProperty, StoredIn<Rotation>(nameof(Rotation.ToPositionName), "Chức vụ nơi đến")] public string? ToPositionName { get; set; }
    [BindProperty] public PositionLevel? ToLevel { get; set; }
    [BindProperty] public RotationDirection? Direction { get; set; }
    [BindProperty, StoredIn<Rotation>(nameof(Rotation.DecisionNumber), "Số quyết định")] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty] public string? StartOn { get; set; }
    [BindProperty] public string? PlannedEndOn { get; set; }
    [BindProperty, StoredIn<Rotation>(nameof(Rotation.Purpose), "Mục đích luân chuyển")] public string? Purpose { get; set; }

    public async Task<IActionResult> OnGetAsync(long memberId, CancellationToken ct) =>
        await LoadAsync(memberId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
            return NotFound();
        FormLengths.Check(this, ModelState, db.Model);
        var origin = Origins.FirstOrDefault(o => o.AppointmentId == FromAppointmentId);
        if (origin is null && Origins.Count > 0)
            ModelState.AddModelError(nameof(FromAppointmentId), "Hãy chọn chức vụ cán bộ đang giữ (nơi đi).");
        if (origin is not null && (await cadres.PathOfAsync(origin.OrganizationId, ct) is not { } path || !currentUser.Can(Permission.Write, path)))
            return StatusCode(StatusCodes.Status403Forbidden);
        var code = Organization.NormalizeCode(ToOrganizationCode);
        var to = code.Length == 0 ? null : await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Code == code && o.DissolvedOn == null).Select(o => new { o.Id }).SingleOrDefaultAsync(ct);
        if (to is null)
            ModelState.AddModelError(nameof(ToOrganizationCode), code.Length == 0
                ? "Chưa nhập mã tổ chức nơi đến." : $"Không tìm thấy tổ chức đảng đang hoạt động có mã \"{code}\".");
        var decided = ModelState.ReadDate(DecisionDate, nameof(DecisionDate), "ngày quyết định");
        var start = ModelState.ReadDate(StartOn, nameof(StartOn), "ngày bắt đầu luân chuyển");
        var end = ModelState.ReadDate(PlannedEndOn, nameof(PlannedEndOn), "ngày kết thúc dự kiến");
        if (!ModelState.IsValid || decided is null || start is null || end is null || to is null)
            return Page();
        var created = Rotation.Create(Member, origin, to.Id, ToPositionName, ToLevel, Direction, DecisionNumber, decided.Value,
            start.Value, end.Value, Purpose, await rotations.PeriodsOfAsync(Member.Id, null, ct), VietnamTime.Today(clock));
        if (!created.IsSuccess)
        {
            ModelState.AddModelError("", created.Error!.Message);
            return Page();
        }
        db.Rotations.Add(created.Value!);
        audit.Reason = $"Luân chuyển theo quyết định {created.Value!.DecisionNumber}";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: "rotations_no_overlap" })
        {
            // Another rotation of the same cadre was saved between the check and this save (docs/adr/0012-rotations.md):
            // the same refusal as the check's, naming the rotation that won.
            db.ChangeTracker.Clear();
            var other = (await rotations.PeriodsOfAsync(Member.Id, null, ct))
                .FirstOrDefault(o => o.StartOn <= end.Value && start.Value <= o.EndsOn);
            ModelState.AddModelError("", other is null
                ? $"{Member.FullName} vừa được ghi một đợt luân chuyển khác trùng thời gian này: một cán bộ chỉ luân chuyển một nơi tại một thời điểm."
                : CadreErrors.RotationOverlaps(Member.FullName, other.StartOn, other.EndsOn).Message);
            return Page();
        }
        var (book, _) = await rules.GetAsync(ct);
        TempData["Success"] = $"Đã ghi luân chuyển {Member.FullName} đến \"{created.Value.ToPositionName}\" từ ngày "
            + $"{DateText.Format(start.Value)} đến ngày {DateText.Format(end.Value)} ({Rotation.DisplayName(created.Value.Direction).ToLowerInvariant()})."
            + (created.Value.ShortPeriodWarning(book) is { } warning ? " Lưu ý: " + warning : "");
        return Redirect($"/Cadres/Rotations/Details/{created.Value.Id}");
    }

    private async Task<bool> LoadAsync(long memberId, CancellationToken ct)
    {
        var member = await db.CadrePeople.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
            return false;
        Member = member;
        Origins = await db.Appointments.AsNoTracking().Where(a => a.MemberId == memberId && a.EndedOn == null)
            .OrderBy(a => a.IsConcurrent).ThenBy(a => a.Id)
            .Select(a => new RotationOrigin(a.Id, a.OrganizationId, a.PositionName, a.Level)).ToListAsync(ct);
        var (book, _) = await rules.GetAsync(ct);
        if (book.TryGet(RuleKey.RotationMinMonths, VietnamTime.Today(clock), out var rule))
        {
            MinimumRule = rule.Citation;
            MinimumText = $"Thời gian luân chuyển thông thường ít nhất {CadreText.Duration(rule.AsInt())}.";
        }
        return true;
    }
}
