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

namespace OrgCom.Web.Features.Cadres.Rotations;

/// <summary>One rotation, seen by the sending or the receiving side; either records its end (return).</summary>
public sealed class DetailsModel(OrgComDbContext db, RotationQueries queries, CadreQueries cadres, CurrentUser currentUser,
    AuditRecorder audit, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public RotationRow Row { get; private set; } = null!;
    public string? Warning { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public string? ActualEndOn { get; set; }
    [BindProperty, StoredIn<Rotation>(nameof(Rotation.ReturnPlacement), "Nơi công tác sau luân chuyển")] public string? ReturnPlacement { get; set; }

    public async Task<IActionResult> OnGetAsync(long rotationId, CancellationToken ct) =>
        await LoadAsync(rotationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReturnAsync(long rotationId, CancellationToken ct)
    {
        if (!await LoadAsync(rotationId, ct))
            return NotFound();
        if (!await CanWriteAsync(Row.Rotation.FromOrganizationId, ct) && !await CanWriteAsync(Row.Rotation.ToOrganizationId, ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        FormLengths.Check(this, ModelState, db.Model);
        var parsed = DateText.Parse(ActualEndOn, "ngày kết thúc luân chuyển");
        if (!parsed.IsSuccess)
            ModelState.AddModelError(nameof(ActualEndOn), parsed.Error!.Message);
        if (!ModelState.IsValid)
            return Page();
        // Two returns recorded at the same time: the row lock makes the second wait for the first, then read its end and
        // be refused ("đã kết thúc") instead of writing over it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"select 1 from rotations where id = {rotationId} for update", ct);
        var rotation = await db.Rotations.SingleAsync(r => r.Id == rotationId, ct);
        var result = rotation.Return(parsed.Value, ReturnPlacement, Today);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return Page();
        }
        audit.Reason = $"Kết thúc luân chuyển: {rotation.ReturnPlacement}";
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Success"] = $"Đã ghi {rotation.MemberName} kết thúc luân chuyển ngày {DateText.Format(parsed.Value)}.";
        return Redirect($"/Cadres/Rotations/Details/{rotationId}");
    }

    private async Task<bool> CanWriteAsync(long organizationId, CancellationToken ct) =>
        await cadres.PathOfAsync(organizationId, ct) is { } path && currentUser.Can(Permission.Write, path);

    private async Task<bool> LoadAsync(long rotationId, CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        if (await queries.FindAsync(rotationId, ct) is not { } row)
            return false;
        Row = row;
        var (book, _) = await rules.GetAsync(ct);
        Warning = row.Rotation.ShortPeriodWarning(book);
        return true;
    }
}
