using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrgCom.Web.Features.Organizations;

/// <summary>One level of the tree as of a date (today by default), fetched by htmx when a node is expanded.</summary>
public sealed class ChildrenModel(OrganizationQueries queries, OrganizationHistoryQueries history, TimeProvider clock) : PageModel
{
    public List<TreeNode> Children { get; private set; } = [];
    public string AsOfQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery] string? date, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is null)
            return NotFound();
        var (asOf, isToday, _) = AsOfDate.Read(date, clock);
        AsOfQuery = AsOfDate.Query(asOf, isToday);
        Children = await history.ChildrenAsync(id, asOf, ct);
        return Page();
    }
}
