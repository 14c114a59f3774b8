using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure;

namespace OrgCom.Web.Features.Cadres.Rotations;

/// <summary>A cadre's rotations: for a member of the user's scope, or for a cadre rotated into it while the rotation runs
/// (the receiving side sees who works there, not the dossier). Another scope gets 404.</summary>
public sealed class CadreModel(RotationQueries queries, TimeProvider clock) : PageModel
{
    public CadrePerson Member { get; private set; } = null!;
    public List<RotationRow> Rotations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long memberId, CancellationToken ct)
    {
        if (await queries.CadreAsync(memberId, ct) is not { } member)
            return NotFound();
        Member = member;
        Today = VietnamTime.Today(clock);
        Rotations = await queries.OfMemberAsync(memberId, ct);
        return Page();
    }
}
