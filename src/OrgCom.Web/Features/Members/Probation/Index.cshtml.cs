using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members.Probation;

/// <summary>
/// Probationary members of the user's subtrees whose probation has ended or ends within the next month: the cell must
/// propose recognition within the rule's working days. Overdue ones first.
/// </summary>
public sealed class IndexModel(OrgComDbContext db, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(long Id, string FullName, string OrganizationName, long OrganizationId, ProbationSchedule Schedule, ProbationStatus Status);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RuleCitation> Citations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        var (book, calendar) = await rules.GetAsync(ct);
        var months = book.Get(RuleKey.ProbationMonths, Today).AsInt();
        // Probation ends 'months' after the ceremony: list those ending by a month from today.
        var ceremonyCutoff = Today.AddMonths(1).AddMonths(-months);
        var query = db.Members.Where(m => m.Status == MemberStatus.Probationary && m.CeremonyOn <= ceremonyCutoff);
        Total = await query.CountAsync(ct);
        var found = await query.OrderBy(m => m.CeremonyOn).ThenBy(m => m.Id).Take(PageSize)
            .Select(m => new
            {
                m.Id, m.FullName, m.OrganizationId, Ceremony = m.CeremonyOn!.Value,
                Organization = db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Name).First(),
            })
            .ToListAsync(ct);
        Rows = found.Select(f =>
        {
            var schedule = Core.Members.Rules.Probation.For(f.Ceremony, book, calendar);
            return new Row(f.Id, f.FullName, f.Organization, f.OrganizationId, schedule, schedule.StatusAt(Today));
        }).ToList();
        Citations = Rows.FirstOrDefault()?.Schedule.Citations ?? [];
    }

    public static string StatusText(ProbationStatus status) => status switch
    {
        ProbationStatus.NotDue => "Sắp hết dự bị",
        ProbationStatus.Due => "Đến hạn xét",
        ProbationStatus.Overdue => "Quá hạn xét",
        _ => status.ToString(),
    };
}
