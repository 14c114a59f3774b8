using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Organizations;

/// <summary>One merge or split as recorded: what it did, and its reversal (or why it can no longer be reversed).</summary>
public sealed class ReorganizationModel(OrgComDbContext db, ReorganizationService reorganizations, CurrentUser currentUser) : PageModel
{
    public Reorganization Record { get; private set; } = null!;
    public List<(OrganizationEvent Event, string OrganizationName)> Events { get; private set; } = [];
    public string? NotReversible { get; private set; }
    public bool CanWrite { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReverseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!CanWrite)
            return StatusCode(StatusCodes.Status403Forbidden);
        var reversed = await reorganizations.ReverseAsync(id, Reason ?? "", ct);
        if (!reversed.IsSuccess)
        {
            ModelState.AddModelError("", reversed.Error!.Message);
            return Page();
        }
        TempData["Success"] = $"Đã hủy quyết định {Record.DecisionNumber}; cây tổ chức và đảng viên trở lại như trước.";
        return Redirect($"/Organizations/Reorganization/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var record = await db.Reorganizations.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
            return false;
        Record = record;
        var events = await db.OrganizationEvents.Where(e => e.ReorganizationId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var ids = events.Select(e => e.OrganizationId).Distinct().ToArray();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Events = events.Select(e => (e, names.GetValueOrDefault(e.OrganizationId, "(ngoài phạm vi)"))).ToList();
        var anchor = await db.Organizations.SingleAsync(o => o.Id == record.OrganizationId, ct);
        CanWrite = currentUser.Can(Permission.Write, OrganizationQueries.PathOf(anchor, db));
        NotReversible = await reorganizations.WhyNotReversibleAsync(record, ct);
        return true;
    }
}
