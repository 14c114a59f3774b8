using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrgCom.Web.Features.Organizations;

/// <summary>Options for an organization picker (a datalist filled by htmx), from the user's scope only.</summary>
public sealed class PickerModel(OrganizationQueries queries) : PageModel
{
    public List<TreeNode> Options { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] string? q, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(q) && q.Trim().Length >= 2)
            Options = await queries.SearchAsync(q, 20, ct);
    }
}
