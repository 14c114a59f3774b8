using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Reports;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features;

/// <summary>The dashboard of the user's scope: one card per grant, and the figures and monthly trend of the chosen one
/// (the first by default), read from the statistics pre-aggregates.</summary>
public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser, DashboardQueries dashboards, TimeProvider clock) : PageModel
{
    public string FullName { get; private set; } = "";
    public List<(ScopeGrant Grant, string Name)> Scopes { get; } = [];
    public ScopeGrant? Selected { get; private set; }
    public string SelectedName { get; private set; } = "";
    public Dashboard? Figures { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync([FromQuery] long? scope, CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        FullName = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.FullName).SingleAsync(ct);
        var ids = currentUser.Grants.Select(g => g.OrganizationId).Distinct().ToArray();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Scopes.AddRange(currentUser.Grants.Where(g => names.ContainsKey(g.OrganizationId)).Select(g => (g, names[g.OrganizationId])));
        Selected = Scopes.Select(s => s.Grant).FirstOrDefault(g => g.OrganizationId == scope) ?? Scopes.FirstOrDefault().Grant;
        if (Selected is null)
            return;
        SelectedName = names[Selected.OrganizationId];
        Figures = await dashboards.ForAsync(Selected.Path.ToString(), Today, ct);
    }

    public string TrendJson => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "bar",
        labels = Figures!.Trend.Select(p => p.Month.ToString("MM/yyyy")),
        datasets = new object[]
        {
            new { type = "bar", label = "Tăng", data = Figures.Trend.Select(p => p.Increases), backgroundColor = "#198754", yAxisID = "y" },
            new { type = "bar", label = "Giảm", data = Figures.Trend.Select(p => p.Decreases), backgroundColor = "#dc3545", yAxisID = "y" },
        },
    });

    public string MembersJson => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "line",
        labels = Figures!.Trend.Select(p => p.Month.ToString("MM/yyyy")),
        datasets = new object[] { new { label = "Đảng viên cuối tháng", data = Figures.Trend.Select(p => p.MembersAtEnd), borderColor = "#b02a37" } },
    });
}
