using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Cadres.Planning;

/// <summary>Planning batches (đợt quy hoạch) of the user's scope, the approval summary of each term as the commission
/// reports it, and a new batch for an organization the user writes in.</summary>
public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record BatchRow(long Id, string Title, string OrganizationName, int TermStartYear, int TermEndYear, PlanningStatus Status,
        string? DecisionNumber, DateOnly? DecisionDate, int Entries);

    public sealed record TermSummary(int TermStartYear, int TermEndYear, long Entries, long Organizations)
    {
        public string Sentence => PlanningSummary.Sentence(Entries, Organizations);
    }

    public List<BatchRow> Batches { get; private set; } = [];
    public List<TermSummary> Summaries { get; private set; } = [];

    [BindProperty] public string? OrganizationCode { get; set; }
    [BindProperty] public int TermStartYear { get; set; } = 2026;
    [BindProperty] public int TermEndYear { get; set; } = 2031;
    [BindProperty, StoredIn<PlanningBatch>(nameof(PlanningBatch.Title), "Tên đợt quy hoạch")] public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = (OrganizationCode ?? "").Trim();
        var organization = await db.Organizations.Where(o => o.Code == code)
            .Select(o => new { o.Id, o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleOrDefaultAsync(ct);
        if (organization is null)
            ModelState.AddModelError(nameof(OrganizationCode), $"Không có tổ chức đảng mang mã \"{code}\" trong phạm vi của bạn.");
        else if (!currentUser.Can(Permission.Write, organization.Path))
            return StatusCode(StatusCodes.Status403Forbidden);
        FormLengths.Check(this, ModelState, db.Model);
        if (organization is not null && ModelState.IsValid)
        {
            var created = PlanningBatch.Create(organization.Id, TermStartYear, TermEndYear, Title);
            if (created.IsSuccess)
            {
                db.PlanningBatches.Add(created.Value!);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = $"Đã lập đợt quy hoạch \"{created.Value!.Title}\".";
                return Redirect($"/Cadres/Planning/{created.Value.Id}");
            }
            ModelState.AddModelError("", created.Error!.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Batches = await db.PlanningBatches
            .Join(db.Organizations, b => b.OrganizationId, o => o.Id, (b, o) => new { b, o.Name })
            .OrderByDescending(x => x.b.TermStartYear).ThenBy(x => x.Name).ThenBy(x => x.b.Id)
            .Select(x => new BatchRow(x.b.Id, x.b.Title, x.Name, x.b.TermStartYear, x.b.TermEndYear, x.b.Status, x.b.DecisionNumber,
                x.b.DecisionDate, x.b.Entries.Count(e => e.Status != PlanningEntryStatus.Removed)))
            .Take(500)
            .ToListAsync(ct);
        // "lượt cán bộ": approved entries (one cadre for one position) still in the plan; "cơ quan, đơn vị": the
        // organizations whose batches were approved.
        var perOrganization = await db.PlanningEntries
            .Where(e => e.Status == PlanningEntryStatus.Approved)
            .Join(db.PlanningBatches.Where(b => b.Status == PlanningStatus.Approved), e => e.BatchId, b => b.Id,
                (e, b) => new { b.TermStartYear, b.TermEndYear, b.OrganizationId })
            .GroupBy(x => new { x.TermStartYear, x.TermEndYear, x.OrganizationId })
            .Select(g => new { g.Key.TermStartYear, g.Key.TermEndYear, Entries = g.LongCount() })
            .ToListAsync(ct);
        Summaries = perOrganization.GroupBy(x => (x.TermStartYear, x.TermEndYear))
            .Select(g => new TermSummary(g.Key.TermStartYear, g.Key.TermEndYear, g.Sum(x => x.Entries), g.LongCount()))
            .OrderByDescending(s => s.TermStartYear)
            .ToList();
    }
}
