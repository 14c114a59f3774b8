using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrgCom.Web.Features.Organizations;

/// <summary>One level of the tree, fetched by htmx when a node is expanded.</summary>
public sealed class ChildrenModel(OrganizationQueries queries) : PageModel
{
    public List<TreeNode> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is null)
            return NotFound();
        Children = await queries.ChildrenAsync(id, includeDissolved: false, ct);
        return Page();
    }
}
