using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Members;

/// <summary>A member's record. Personal data: every opening is written to the audit log as a view.</summary>
public sealed class DetailsModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit) : PageModel
{
    public Member Member { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
            return NotFound();
        Member = member;
        OrganizationName = await db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        db.AuditEntries.Add(audit.View(currentUser, "members", id.ToString(System.Globalization.CultureInfo.InvariantCulture), member.OrganizationId));
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
