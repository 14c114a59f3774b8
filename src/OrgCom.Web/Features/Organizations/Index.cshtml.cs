using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Organizations;

public sealed class IndexModel(OrganizationQueries queries, CurrentUser currentUser) : PageModel
{
    public List<TreeNode> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The user's own subtrees are the roots; a grant inside another granted subtree is shown there, not twice.
        var paths = currentUser.ReadPaths;
        var roots = currentUser.Grants
            .Where(g => !paths.Any(p => p != g.Path && CurrentUser.IsWithin(g.Path, p)))
            .Select(g => g.OrganizationId);
        Roots = await queries.NodesAsync(roots, ct);
    }
}
