using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Assessments;
using OrgCom.Core.Common;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Assessments;

/// <summary>The rounds the user takes part in (opened in their subtree or above it), and opening a new one.</summary>
public sealed class IndexModel(OrgComDbContext db, AssessmentQueries queries, CurrentUser user, TimeProvider clock, RuleBookProvider rules) : PageModel
{
    public sealed record RoundRow(long Id, string Title, RoundKind Kind, int Year, string OrganizationName, DateOnly OpensOn,
        DateOnly MembersDueOn, DateOnly ClosesOn);

    public List<RoundRow> Rounds { get; private set; } = [];

    /// <summary>Organizations where the user may open a round (Write on a grant, at a level that opens rounds).</summary>
    public List<(long Id, string Name)> Openers { get; private set; } = [];

    public sealed class OpenInput
    {
        public long OrganizationId { get; set; }
        public RoundKind Kind { get; set; }
        public int Year { get; set; }
        public int? Quarter { get; set; }
        [StoredIn<AssessmentRound>(nameof(AssessmentRound.Title), "Tên đợt")]
        public string? Title { get; set; }
        public string? PeriodFrom { get; set; }
        public string? PeriodTo { get; set; }
        public string? OpensOn { get; set; }
        public string? MembersDueOn { get; set; }
        public string? ClosesOn { get; set; }
    }

    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Input = new OpenInput
        {
            Year = today.Month >= 10 ? today.Year : today.Year - 1,
            OpensOn = DateText.Format(today),
            MembersDueOn = DateText.Format(new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 12, 31)),
            ClosesOn = DateText.Format(new DateOnly(today.Month >= 10 ? today.Year + 1 : today.Year, 1, 31)),
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organization = await queries.OrganizationAsync(Input.OrganizationId, ct);
        if (organization is null)
            return NotFound();
        if (!user.Can(Permission.Write, organization.Path))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!AssessmentRound.MayBeOpenedBy(organization.Kind))
            ModelState.AddModelError("", AssessmentErrors.OpenerLevel(organization.Name).Message);
        if (!ModelState.IsValid || !FormLengths.Check(this, ModelState, db.Model))
        {
            await LoadAsync(ct);
            return Page();
        }
        var round = Open();
        if (round is not null && AssessmentRules.Covers((await rules.GetAsync(ct)).Rules, round.PeriodTo) is { IsSuccess: false } uncovered)
        {
            ModelState.AddModelError("", uncovered.Error!.Message);
            round = null;
        }
        if (round is not null)
        {
            // One year round per organization and year: no year round of the same year above or below this one.
            var path = organization.Path.ToString().Split('.').Select(long.Parse).ToArray();
            var overlapping = await db.AssessmentRounds.IgnoreQueryFilters()
                .Where(r => r.Kind == RoundKind.Year && r.Kind == round.Kind && r.Year == round.Year)
                .Where(r => path.Contains(r.OrganizationId)
                    || db.Organizations.IgnoreQueryFilters().Any(o => o.Id == r.OrganizationId
                        && EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(organization.Path)))
                .AnyAsync(ct);
            if (overlapping)
                ModelState.AddModelError("", AssessmentErrors.Overlapping(organization.Name, round.Year).Message);
            else
            {
                db.AssessmentRounds.Add(round);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = $"Đã mở đợt \"{round.Title}\".";
                return Redirect($"/Assessments/Round/{round.Id}");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private AssessmentRound? Open()
    {
        DateOnly? Optional(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            var parsed = DateText.Parse(text, field);
            if (!parsed.IsSuccess)
                ModelState.AddModelError("", parsed.Error!.Message);
            return parsed.IsSuccess ? parsed.Value : null;
        }
        var from = Optional(Input.PeriodFrom, "từ ngày");
        var to = Optional(Input.PeriodTo, "đến ngày");
        var opens = DateText.Parse(Input.OpensOn, "ngày bắt đầu");
        var due = DateText.Parse(Input.MembersDueOn, "hạn xếp loại đảng viên");
        var closes = DateText.Parse(Input.ClosesOn, "ngày kết thúc đợt");
        foreach (var r in new[] { opens, due, closes })
            if (!r.IsSuccess)
                ModelState.AddModelError("", r.Error!.Message);
        if (!ModelState.IsValid)
            return null;
        var result = AssessmentRound.Open(Input.OrganizationId, Input.Kind, Input.Year, Input.Quarter, Input.Title, from, to,
            opens.Value, due.Value, closes.Value);
        if (!result.IsSuccess)
            ModelState.AddModelError("", result.Error!.Message);
        return result.Value;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rounds = await db.AssessmentRounds
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.OpensOn).ThenBy(r => r.Id)
            .Take(200).ToListAsync(ct);
        // Names read on their own: the opener may sit above the user's subtree (IgnoreQueryFilters inside the query
        // above would lift the scope filter of the whole query).
        var openerIds = rounds.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => openerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Rounds = rounds.Select(r => new RoundRow(r.Id, r.Title, r.Kind, r.Year, names[r.OrganizationId], r.OpensOn, r.MembersDueOn, r.ClosesOn)).ToList();
        var writable = user.Grants.Where(g => g.Role.PermissionsOf().HasFlag(Permission.Write)).Select(g => g.OrganizationId).ToList();
        var openerKinds = Enum.GetValues<Core.Organizations.OrganizationKind>().Where(AssessmentRound.MayBeOpenedBy).ToList();
        Openers = await db.Organizations.IgnoreQueryFilters().Where(o => writable.Contains(o.Id) && openerKinds.Contains(o.Kind))
            .OrderBy(o => o.Code).Select(o => new ValueTuple<long, string>(o.Id, o.Name)).ToListAsync(ct);
    }
}
