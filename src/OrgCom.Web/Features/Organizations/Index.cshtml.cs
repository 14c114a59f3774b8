using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Common;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Organizations;

/// <summary>The tree as of a date (today unless one is chosen), read from the recorded history: a change recorded with a
/// future effective date shows only from that date on.</summary>
public sealed class IndexModel(OrganizationHistoryQueries history, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public List<TreeNode> Roots { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public bool IsToday { get; private set; }
    public string? DateError { get; private set; }

    public async Task OnGetAsync([FromQuery] string? date, CancellationToken ct)
    {
        (AsOf, IsToday, DateError) = AsOfDate.Read(date, clock);
        // The user's own subtrees are the roots; a grant inside another granted subtree is shown there, not twice.
        var paths = currentUser.ReadPaths;
        var roots = currentUser.Grants
            .Where(g => !paths.Any(p => p != g.Path && CurrentUser.IsWithin(g.Path, p)))
            .Select(g => g.OrganizationId).ToArray();
        Roots = await history.NodesAsync(roots, AsOf, ct);
    }
}

/// <summary>The "xem tại ngày" parameter of the tree pages: dd/MM/yyyy, today when absent.</summary>
public static class AsOfDate
{
    public static (DateOnly Date, bool IsToday, string? Error) Read(string? text, TimeProvider clock)
    {
        var today = VietnamTime.Today(clock);
        if (string.IsNullOrWhiteSpace(text))
            return (today, true, null);
        var parsed = DateText.Parse(text, "ngày xem");
        return parsed.IsSuccess ? (parsed.Value, parsed.Value == today, null) : (today, true, parsed.Error!.Message);
    }

    public static string Query(DateOnly date, bool isToday) => isToday ? "" : $"?date={DateText.Format(date)}";
}
