using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Cadres.Nominations;

/// <summary>A nomination (giới thiệu ứng cử) an approved submission recorded, and its election result, which staff of the
/// position's organization (Write there) record once: load within scope → permission → Core rule → save → redirect.</summary>
public sealed class DetailsModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, AuditRecorder audit, TimeProvider clock) : PageModel
{
    public Nomination Nomination { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public NominationOutcome? Outcome { get; set; }
    [BindProperty] public string? OutcomeOn { get; set; }
    [BindProperty, StoredIn<Nomination>(nameof(Nomination.OutcomeNote), "Ghi chú")] public string? OutcomeNote { get; set; }

    public async Task<IActionResult> OnGetAsync(long nominationId, CancellationToken ct) =>
        await LoadAsync(nominationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long nominationId, CancellationToken ct)
    {
        if (!await LoadAsync(nominationId, ct))
            return NotFound();
        if (!CanWrite)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (FormLengths.Check(this, ModelState, db.Model))
        {
            var on = DateText.Parse(OutcomeOn, "ngày bầu cử");
            var recorded = on.IsSuccess ? Nomination.RecordOutcome(Outcome, on.Value, OutcomeNote, Today) : on.Error!;
            if (recorded.IsSuccess)
            {
                audit.Reason = $"Kết quả bầu cử: {Nomination.DisplayName(Nomination.Outcome).ToLowerInvariant()}";
                await db.SaveChangesAsync(ct);
                TempData["Success"] = $"Đã ghi kết quả: {Nomination.MemberName} {Nomination.DisplayName(Nomination.Outcome).ToLowerInvariant()}.";
                return Redirect($"/Cadres/Nominations/{nominationId}");
            }
            ModelState.AddModelError("", recorded.Error!.Message);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(nominationId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long nominationId, CancellationToken ct)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId, ct);
        if (nomination is null)
            return false;
        Nomination = nomination;
        CanWrite = await queries.PathOfAsync(nomination.OrganizationId, ct) is { } path && currentUser.Can(Permission.Write, path);
        Today = VietnamTime.Today(clock);
        return true;
    }
}
