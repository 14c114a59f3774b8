using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Calendar;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Rules;

/// <summary>The rules the system applies, every version with its effective dates and the regulation it rests on, and
/// the holiday calendar behind every working-day deadline: what users need to trust a deadline or a refusal.</summary>
public sealed class IndexModel(RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public List<IGrouping<string, RuleValue>> Rules { get; private set; } = [];
    public List<IGrouping<int, PublicHoliday>> Holidays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        var (book, calendar) = await rules.GetAsync(ct);
        Rules = book.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ThenByDescending(v => v.EffectiveFrom)
            .GroupBy(v => v.Key).ToList();
        Holidays = calendar.Holidays.OrderBy(h => h.Date).GroupBy(h => h.Date.Year).OrderByDescending(g => g.Key).ToList();
    }

    public static string KindName(PublicHolidayKind kind) => kind switch
    {
        PublicHolidayKind.Holiday => "Nghỉ lễ, tết",
        PublicHolidayKind.CompensatoryDayOff => "Nghỉ bù",
        PublicHolidayKind.SwappedWorkingDay => "Làm bù (ngày cuối tuần đi làm)",
        _ => kind.ToString(),
    };
}
