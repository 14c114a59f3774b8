using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Members;

/// <summary>A person's dossier (lý lịch) in the sections of the paper form. Personal data: every opening is written
/// to the audit log as a view.</summary>
public sealed class DetailsModel(DossierQueries dossiers, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public DossierView Dossier { get; private set; } = null!;

    /// <summary>Whether the user may edit the dossier: write permission at the member's organization.</summary>
    public bool CanWrite { get; private set; }

    /// <summary>Tuổi Đảng today: from the admission decision, net of the periods outside the party.</summary>
    public string? PartyAgeText { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var dossier = await dossiers.OpenAsync(id, ct);
        if (dossier is null)
            return NotFound();
        Dossier = dossier;
        CanWrite = currentUser.Can(Permission.Write, dossier.OrganizationPath);
        var member = dossier.Member;
        if (member.AdmittedOn is { } admitted && member.Status != OrgCom.Core.Members.MemberStatus.Candidate)
        {
            var until = member.EndedOn ?? OrgCom.Web.Infrastructure.VietnamTime.Today(clock);
            var gaps = member.ActivityGaps().Select(g => new OrgCom.Core.Members.Rules.InactivityGap(g.From, g.To ?? until));
            PartyAgeText = OrgCom.Core.Members.Rules.PartyAge.At(admitted, gaps, until).ToString();
        }
        return Page();
    }

    public string EditUrl(string section) => $"/Members/Edit/{Dossier.Member.Id}/{section}";
}
