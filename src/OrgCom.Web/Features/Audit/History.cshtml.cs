using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Audit;

/// <summary>Every audit line of one record, oldest first; 404 when none of them is within the user's administration.</summary>
[RequirePermission(Permission.Administer)]
public sealed class HistoryModel(OrgComDbContext db, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 200;

    public string EntityType { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    public List<AuditLine> Lines { get; private set; } = [];
    public int PageIndex { get; private set; }
    public bool HasMore { get; private set; }

    /// <summary>The record's own page, when the feature that owns it has one.</summary>
    public (string Url, string Name)? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entityType, string key, [FromQuery] int pageIndex, CancellationToken ct)
    {
        var queries = new AuditQueries(db, currentUser);
        EntityType = entityType;
        EntityKey = key;
        PageIndex = Math.Max(0, pageIndex);
        Lines = await queries.HistoryAsync(entityType, key, PageIndex * PageSize, PageSize + 1, ct);
        if (Lines.Count == 0)
            return NotFound();
        HasMore = Lines.Count > PageSize;
        if (HasMore)
            Lines.RemoveAt(PageSize);

        if (entityType == "organizations" && long.TryParse(key, out var organizationId))
        {
            var name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (name is not null)
                Record = ($"/Organizations/Details/{organizationId}", name);
        }
        return Page();
    }

    public string PageUrl(int pageIndex) =>
        AuditLine.HistoryUrlOf(EntityType, EntityKey) + (pageIndex > 0 ? $"?pageIndex={pageIndex}" : "");
}
