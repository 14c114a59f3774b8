using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Cadres;

/// <summary>
/// Records (or replaces) the decided retirement of a cadre of the user's scope on a date other than the computed one:
/// later or earlier, within the limits of the rule data, by a decision. Load within scope → check the rules → change →
/// save (audited before/after) → redirect to the forecast.
/// </summary>
public sealed class RetirementDecisionModel(OrgComDbContext db, CadreQueries cadres, CurrentUser currentUser, AuditRecorder audit,
    RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public CadrePerson Member { get; private set; } = null!;
    public RetirementSchedule? Computed { get; private set; }
    public string? ComputedProblem { get; private set; }
    public RetirementDecision? Existing { get; private set; }
    public bool HoldsPost { get; private set; }
    public IReadOnlyList<RuleCitation> Limits { get; private set; } = [];

    [BindProperty] public RetirementDecisionKind? Kind { get; set; }
    [BindProperty] public string? PensionFrom { get; set; }
    [BindProperty, StoredIn<RetirementDecision>(nameof(RetirementDecision.DecisionNumber), "Số quyết định")] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty, StoredIn<RetirementDecision>(nameof(RetirementDecision.Reason), "Lý do")] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
            return NotFound();
        if (Existing is { } e)
        {
            Kind = e.Kind;
            PensionFrom = DateText.Format(e.PensionFrom);
            DecisionNumber = e.DecisionNumber;
            DecisionDate = DateText.Format(e.DecisionDate);
            Reason = e.Reason;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
            return NotFound();
        if (await cadres.PathOfAsync(Member.OrganizationId, ct) is not { } path || !currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        FormLengths.Check(this, ModelState, db.Model);
        var pension = ModelState.ReadDate(PensionFrom, nameof(PensionFrom), "ngày nghỉ hưu theo quyết định");
        var decided = ModelState.ReadDate(DecisionDate, nameof(DecisionDate), "ngày quyết định");
        if (Computed is null)
            ModelState.AddModelError("", ComputedProblem ?? "Không xác định được ngày nghỉ hưu theo tuổi.");
        if (!ModelState.IsValid || pension is null || decided is null || Computed is null)
            return Page();
        var (book, _) = await rules.GetAsync(ct);
        var today = VietnamTime.Today(clock);
        var before = Existing is null ? null : $"{DateText.Format(Existing.PensionFrom)} ({Existing.DecisionText})";
        Result result;
        RetirementDecision decision;
        if (Existing is { } existing)
        {
            result = existing.Revise(Member, HoldsPost, Computed, Kind, pension.Value, DecisionNumber, decided.Value, Reason, book, today);
            decision = existing;
        }
        else
        {
            var created = RetirementDecision.Create(Member, HoldsPost, Computed, Kind, pension.Value, DecisionNumber, decided.Value, Reason, book, today);
            result = created.IsSuccess ? Result.Ok() : created.Error!;
            decision = created.Value!;
        }
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return Page();
        }
        if (Existing is null)
            db.RetirementDecisions.Add(decision);
        audit.Reason = $"{RetirementDecision.DisplayName(decision.Kind)} theo quyết định {decision.DecisionNumber}";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã ghi {RetirementDecision.DisplayName(decision.Kind).ToLowerInvariant()} cho {Member.FullName}: nghỉ hưu từ ngày "
            + $"{DateText.Format(decision.PensionFrom)} {decision.DecisionText} (theo tuổi: {DateText.Format(decision.ComputedPensionFrom)})"
            + (before is null ? "." : $"; thay quyết định trước: {before}.");
        return Redirect($"/Cadres/RetirementDecision/{Member.Id}");
    }

    private async Task<bool> LoadAsync(long memberId, CancellationToken ct)
    {
        var member = await db.CadrePeople.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
            return false;
        Member = member;
        HoldsPost = await db.Appointments.AnyAsync(a => a.MemberId == memberId && a.EndedOn == null, ct);
        Existing = await db.RetirementDecisions.SingleOrDefaultAsync(d => d.MemberId == memberId, ct);
        var (book, _) = await rules.GetAsync(ct);
        var computed = Retirement.For(member.Gender, member.BirthDate, member.BirthYearOnly, book);
        Computed = computed.Value;
        ComputedProblem = computed.Error?.Message;
        if (Computed is { } c)
            Limits = new[] { RuleKey.RetirementLaterMaxMonths, RuleKey.RetirementEarlierMaxMonths }
                .Select(k => book.TryGet(k, c.RetiresOn, out var v) ? v.Citation : null).OfType<RuleCitation>().ToList();
        return true;
    }
}
