using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres;

/// <summary>
/// Explained eligibility: for a person, a target position and a reference date (the day the dossier is received, or the
/// congress), which rules pass or fail and why, with the regulation of each; the months of working age count to the
/// decided retirement (later or earlier) when one was decided by that date. Reads only.
/// </summary>
public sealed class EligibilityModel(OrgComDbContext db, CadreQueries queries, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? MemberId { get; set; }
    [BindProperty(SupportsGet = true)] public long? PositionId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public List<CadreOption> Cadres { get; private set; } = [];
    public List<PositionOption> Positions { get; private set; } = [];
    public EligibilityReport? Report { get; private set; }
    public string? MemberName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Cadres = await queries.CadresAsync(ct);
        Positions = await queries.PositionsAsync(ct);
        if (string.IsNullOrWhiteSpace(Date))
            Date = DateText.Format(VietnamTime.Today(clock));
        if (MemberId is null && PositionId is null)
            return Page();

        var member = MemberId is { } m ? await db.CadrePeople.AsNoTracking().SingleOrDefaultAsync(x => x.Id == m, ct) : null;
        if (member is null)
            ModelState.AddModelError(nameof(MemberId), "Hãy chọn cán bộ trong phạm vi của bạn.");
        var position = PositionId is { } p ? await db.Positions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
        if (position is null)
            ModelState.AddModelError(nameof(PositionId), "Hãy chọn chức vụ trong phạm vi của bạn.");
        var date = DateText.Parse(Date, "ngày xét (ngày nhận hồ sơ hoặc đại hội)");
        if (!date.IsSuccess)
            ModelState.AddModelError(nameof(Date), date.Error!.Message);
        if (member is null || position is null || !date.IsSuccess)
            return Page();

        MemberName = member.FullName;
        if (Cadres.All(c => c.MemberId != member.Id))
            Cadres.Insert(0, new CadreOption(member.Id, member.FullName, ""));
        // Whether the person held the position, or sits in a committee of the same organization, is about the person
        // wherever the posts are.
        var history = await queries.EligibilityHistoryAsync(member.Id, position, date.Value, ct);
        // A decided retirement is about the person too, wherever it was recorded; the check uses it if in force on the date.
        var decision = await db.RetirementDecisions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(d => d.MemberId == member.Id, ct);
        var (book, _) = await rules.GetAsync(ct);
        try
        {
            Report = Eligibility.Check(
                new EligibilityCandidate(member.FullName, member.Gender, member.BirthDate, member.BirthYearOnly, member.PoliticalTheory),
                position, history, date.Value, book, decision);
        }
        catch (RuleConfigurationException e)
        {
            // A date before the rules came into force (or a gap in the rule data): say so rather than guess.
            ModelState.AddModelError(nameof(Date), $"Không kiểm tra được điều kiện tại ngày {DateText.Format(date.Value)}: {e.Message}");
        }
        return Page();
    }
}
