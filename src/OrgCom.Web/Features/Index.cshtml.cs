using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Organizations;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features;

public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser, OrganizationQueries organizations) : PageModel
{
    public string FullName { get; private set; } = "";
    public List<ScopeSummary> Scopes { get; } = [];

    public sealed record ScopeSummary(string RoleName, long OrganizationId, string OrganizationName, int Organizations, int Members);

    public async Task OnGetAsync(CancellationToken ct)
    {
        FullName = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.FullName).SingleAsync(ct);
        foreach (var grant in currentUser.Grants)
        {
            var name = await db.Organizations.Where(o => o.Id == grant.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            var counts = await organizations.SubtreeCountsAsync(grant.Path, ct);
            Scopes.Add(new ScopeSummary(grant.Role.DisplayName(), grant.OrganizationId, name, counts.Organizations, counts.Members));
        }
    }
}
