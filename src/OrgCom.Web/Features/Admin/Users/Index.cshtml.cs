using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Admin.Users;

[RequirePermission(Permission.Administer)]
public sealed class IndexModel(UserQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // "page" is a route value of Razor Pages itself, hence the short name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public UserPage Users { get; private set; } = new([], 0, 1, 1);
    public ILookup<Guid, GrantRow> Grants { get; private set; } = Array.Empty<GrantRow>().ToLookup(g => g.UserId);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Users = await queries.ListAsync(Search, PageNumber, ct);
        var grants = await queries.GrantsAsync(Users.Rows.Select(u => u.Id).ToList(), ct);
        Grants = grants.ToLookup(g => g.UserId);
    }

    /// <summary>The first, the last and the pages around the current one, so the pager stays short at any size.</summary>
    public IEnumerable<int> PageLinks() =>
        new[] { 1, Users.PageCount }.Concat(Enumerable.Range(Users.PageNumber - 2, 5))
            .Where(p => p >= 1 && p <= Users.PageCount).Distinct().Order();

    public string PageUrl(int pageNumber) =>
        $"/Admin/Users?p={pageNumber}" + (string.IsNullOrWhiteSpace(Search) ? "" : $"&q={Uri.EscapeDataString(Search.Trim())}");
}
