using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Cadres.People;

/// <summary>The small dossier of a cadre outside the party: the registered details and the appointment history. Opening
/// it is logged like opening a member's dossier (it shows the CCCD).</summary>
public sealed class DetailsModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, ViewLog viewLog) : PageModel
{
    public NonMemberCadre Cadre { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public List<Appointment> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var cadre = await db.NonMemberCadres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cadre is null)
            return NotFound();
        Cadre = cadre;
        OrganizationName = await db.Organizations.Where(o => o.Id == cadre.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        History = await queries.HistoryAsync(id, ct);
        await viewLog.RecordAsync(currentUser, "non_member_cadres", id.ToString(CultureInfo.InvariantCulture), cadre.OrganizationId, ct);
        return Page();
    }
}
