using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Core.Calendar;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Rules;

/// <summary>The rules the system applies, every version with its effective dates and the regulation it rests on, and
/// the holiday calendar behind every working-day deadline: what users need to trust a deadline or a refusal.
/// A central administrator reaches the pages that change them from here.</summary>
public sealed class IndexModel(RuleBookProvider rules, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public bool CanChange { get; private set; }
    public List<IGrouping<string, RuleValue>> Rules { get; private set; } = [];
    public List<IGrouping<int, PublicHoliday>> Holidays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        CanChange = currentUser.CanCentrally(Permission.Administer);
        var (book, calendar) = await rules.GetAsync(ct);
        Rules = book.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ThenByDescending(v => v.EffectiveFrom)
            .GroupBy(v => v.Key).ToList();
        Holidays = calendar.Holidays.OrderBy(h => h.Date).GroupBy(h => h.Date.Year).OrderByDescending(g => g.Key).ToList();
    }

    /// <summary>What the rule is about: the newest version's note, or the newest one that has a note.</summary>
    public static string Title(IEnumerable<RuleValue> newestFirst) => newestFirst.Select(v => v.Note).FirstOrDefault(n => n.Length > 0) ?? "";
}
