using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres;

/// <summary>
/// Appointed terms of the user's scope ending within the next N months (or already ended without a new decision): the
/// day the cadre must be notified, and what the rules allow, each with its rule. Committee seats are elected, not
/// reappointed, so they are not listed.
/// </summary>
public sealed class ReappointmentModel(CadreQueries queries, RetirementDecisionQueries decisions, RuleBookProvider rules, TimeProvider clock, IConfiguration configuration) : PageModel
{
    /// <summary>The most posts listed (earliest term end first); <c>OrgCom:CadreListMaxRows</c>.</summary>
    public int MaxRows { get; } = configuration.GetValue("OrgCom:CadreListMaxRows", 2000);

    /// <summary>More posts matched than <see cref="MaxRows"/>: the page says so.</summary>
    public bool Truncated { get; private set; }

    public sealed record Row(ActivePost Post, ReappointmentPlan? Plan, string? Problem);

    [BindProperty(SupportsGet = true)]
    public int Months { get; set; } = 12;

    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        if (Months is < 1 or > 60)
        {
            ModelState.AddModelError(nameof(Months), "Số tháng phải từ 1 đến 60.");
            Months = 12;
        }
        var (book, calendar) = await rules.GetAsync(ct);
        var (posts, truncated) = await queries.ActivePostsAsync(null, Today.AddMonths(Months), appointedOnly: true, MaxRows, ct);
        Truncated = truncated;
        // A decided later or earlier retirement replaces the computed one (only these members' decisions are read).
        var decided = await decisions.ForAsync(posts.Select(p => p.MemberId).Distinct().ToList(), DateOnly.MaxValue, DateOnly.MinValue, ct);
        Rows = posts.Select(p =>
        {
            var retirement = OrgCom.Core.Cadres.Retirement.For(p.Gender, p.BirthDate, p.BirthYearOnly, book);
            if (!retirement.IsSuccess)
                return new Row(p, null, retirement.Error!.Message);
            try
            {
                return new Row(p, Reappointment.For(p.TermEndsOn, retirement.Value!.Apply(decided.GetValueOrDefault(p.MemberId)), book, calendar), null);
            }
            catch (RuleConfigurationException e)
            {
                // A term that ended before the rules on reappointment came into force: shown, not guessed.
                return new Row(p, null, $"Không xác định được hình thức cho thời hạn kết thúc ngày {DateText.Format(p.TermEndsOn)}: {e.Message}");
            }
        }).ToList();
    }
}
