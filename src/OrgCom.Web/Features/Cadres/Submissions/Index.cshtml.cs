using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Cadres.Submissions;

/// <summary>Personnel submissions (hồ sơ nhân sự, tờ trình) of the user's scope — prepared there, or prepared below for
/// it to decide — and a new one prepared by an organization the user writes in, for a level above it.</summary>
public sealed class IndexModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string Title, SubmissionKind Kind, string PositionName, string Preparer, long CompetentId,
        SubmissionStatus Status, int Cadres, DateOnly? SubmittedOn, string? DecisionNumber)
    {
        public string Competent { get; init; } = "";
    }

    public List<Row> Rows { get; private set; } = [];
    public List<PositionOption> Positions { get; private set; } = [];

    [BindProperty] public string? OrganizationCode { get; set; }
    [BindProperty] public string? CompetentOrganizationCode { get; set; }
    [BindProperty] public SubmissionKind Kind { get; set; }
    [BindProperty] public long PositionId { get; set; }
    [BindProperty] public bool IsConcurrent { get; set; }
    [BindProperty] public int? TermStartYear { get; set; }
    [BindProperty] public int? TermEndYear { get; set; }
    [BindProperty, StoredIn<PersonnelSubmission>(nameof(PersonnelSubmission.Title), "Trích yếu tờ trình")] public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ListAsync(ct);
        Positions = await queries.PositionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = (OrganizationCode ?? "").Trim();
        var preparer = await db.Organizations.Where(o => o.Code == code)
            .Select(o => new { o.Id, o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleOrDefaultAsync(ct);
        if (preparer is null)
            ModelState.AddModelError(nameof(OrganizationCode), $"Không có tổ chức đảng mang mã \"{code}\" trong phạm vi của bạn.");
        else if (!currentUser.Can(Permission.Write, preparer.Path))
            return StatusCode(StatusCodes.Status403Forbidden);
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == PositionId, ct);
        if (position is null)
            ModelState.AddModelError(nameof(PositionId), "Hãy chọn chức vụ trong phạm vi của bạn.");
        FormLengths.Check(this, ModelState, db.Model);
        if (preparer is null || position is null || !ModelState.IsValid)
            return await RedisplayAsync(ct);

        // The competent level is looked up among the preparer's ancestors only, which the user may not otherwise read.
        var competentCode = (CompetentOrganizationCode ?? "").Trim();
        var competent = await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.Code == competentCode && EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsAncestorOf(preparer.Path))
            .Select(o => new { o.Id, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleOrDefaultAsync(ct);
        var positionPath = await queries.PathOfAsync(position.OrganizationId, ct);
        if (competent is not null && positionPath is { } pp && !CurrentUser.IsWithin(pp, competent.Path))
        {
            ModelState.AddModelError(nameof(PositionId), $"Chức vụ \"{position.Title}\" không thuộc phạm vi quyết định của cấp có thẩm quyền đã chọn.");
            return await RedisplayAsync(ct);
        }
        // A planning proposal plans the preparer's positions and those under it, as the preparer's batches do.
        if (Kind == SubmissionKind.PlanningProposal && positionPath is { } at && !CurrentUser.IsWithin(at, preparer.Path))
        {
            ModelState.AddModelError(nameof(PositionId), SubmissionErrors.PlanningPositionOutside(position.Title, preparer.Name).Message);
            return await RedisplayAsync(ct);
        }
        var created = PersonnelSubmission.Create(preparer.Id, competent?.Id ?? 0, competent is not null && competent.Id != preparer.Id,
            Kind, position, IsConcurrent, Title, currentUser.UserName, VietnamTime.Today(clock), TermStartYear, TermEndYear);
        if (!created.IsSuccess)
        {
            ModelState.AddModelError("", created.Error!.Message);
            return await RedisplayAsync(ct);
        }
        db.PersonnelSubmissions.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã lập hồ sơ \"{created.Value!.Title}\". Hãy thêm cán bộ và đánh dấu các giấy tờ đã có.";
        return Redirect($"/Cadres/Submissions/{created.Value.Id}");
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return Page();
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var rows = await db.PersonnelSubmissions
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { s, Preparer = o.Name })
            .OrderByDescending(x => x.s.Id)
            .Select(x => new Row(x.s.Id, x.s.Title, x.s.Kind, x.s.PositionName, x.Preparer, x.s.CompetentOrganizationId, x.s.Status,
                x.s.Cadres.Count, x.s.SubmittedOn, x.s.DecisionNumber))
            .Take(500)
            .ToListAsync(ct);
        // The competent bodies are above the user's scope: their names are read apart, because IgnoreQueryFilters in
        // the query above would lift the scope filter from all of it.
        var ids = rows.Select(r => r.CompetentId).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Rows = rows.Select(r => r with { Competent = names[r.CompetentId] }).ToList();
    }
}
