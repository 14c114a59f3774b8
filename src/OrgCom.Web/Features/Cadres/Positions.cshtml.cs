using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Cadres;

/// <summary>Positions (chức vụ) of the organizations in scope, a new one for an organization the user writes in, and the
/// standing (rank within the level) of a position, which orders positions for planning (Quy định 377-QĐ/TW).</summary>
public sealed class PositionsModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser) : PageModel
{
    public List<PositionOption> Positions { get; private set; } = [];

    [BindProperty]
    public string? OrganizationCode { get; set; }

    [BindProperty, StoredIn<Position>(nameof(Position.Name), "Tên chức vụ")]
    public string? Name { get; set; }

    [BindProperty]
    public PositionLevel Level { get; set; } = PositionLevel.Provincial;

    [BindProperty]
    public BodyKind BodyKind { get; set; }

    [BindProperty]
    public PositionRank Rank { get; set; } = PositionRank.Other;

    [BindProperty]
    public long PositionId { get; set; }

    [BindProperty, StoredIn<Position>(nameof(Position.BodyName), "Tên cơ quan, đơn vị")]
    public string? BodyName { get; set; }

    [BindProperty]
    public bool IsCommitteeSeat { get; set; }

    [BindProperty]
    public PoliticalTheoryLevel? RequiredPoliticalTheory { get; set; }

    [BindProperty, StoredIn<Position>(nameof(Position.StandardSource), "Văn bản quy định tiêu chuẩn")]
    public string? StandardSource { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Positions = await queries.PositionsAsync(ct);

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
            var created = Position.Create(organization.Id, Name ?? "", Level, BodyKind, BodyName, IsCommitteeSeat, RequiredPoliticalTheory, StandardSource, Rank);
            if (created.IsSuccess)
            {
                db.Positions.Add(created.Value!);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = $"Đã thêm chức vụ \"{created.Value!.Title}\" của {organization.Name}.";
                return RedirectToPage();
            }
            ModelState.AddModelError("", created.Error!.Message);
        }
        Positions = await queries.PositionsAsync(ct);
        return Page();
    }

    /// <summary>Load within scope (404) → Write at the position's organization (403) → change the rank → save (audited).</summary>
    public async Task<IActionResult> OnPostRankAsync(CancellationToken ct)
    {
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == PositionId, ct);
        if (position is null)
            return NotFound();
        if (await queries.PathOfAsync(position.OrganizationId, ct) is not { } path || !currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        var changed = position.ChangeRank(Rank);
        if (!changed.IsSuccess)
        {
            ModelState.AddModelError("", changed.Error!.Message);
            Positions = await queries.PositionsAsync(ct);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Chức vụ \"{position.Title}\": thứ bậc trong cấp là \"{Rank.DisplayName().ToLowerInvariant()}\".";
        return RedirectToPage();
    }
}
