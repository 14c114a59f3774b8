using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Reports;

/// <summary>The report forms, for each organization the user is granted, and the reports frozen in scope.</summary>
public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser) : PageModel
{
    public List<(long Id, string Name)> Organizations { get; } = [];
    public List<(FrozenReportListItem Report, string OrganizationName)> Frozen { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = currentUser.Grants.Select(g => g.OrganizationId).Distinct().ToArray();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Organizations.AddRange(ids.Where(names.ContainsKey).Select(id => (id, names[id])));
        var frozen = await db.FrozenReports.AsNoTracking().OrderByDescending(f => f.FrozenAt).Take(50)
            .Select(f => new { Report = new FrozenReportListItem(f.Id, f.OrganizationId, f.Form, f.PeriodFrom, f.ReportDate, f.FrozenAt, f.FrozenBy), Name = db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).First() })
            .ToListAsync(ct);
        Frozen.AddRange(frozen.Select(f => (f.Report, f.Name)));
    }
}
