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
/// The decision on a term ending, from the reappointment worklist: only the outcome the rules allow (reappoint for a
/// term, reappoint to retirement, extend to retirement) is offered, prefilled from the rule; a forced other outcome is
/// refused with the rule's source. Recording it ends the current term and adds the new post through
/// <see cref="Appointment.Create"/>.
/// </summary>
public sealed class ReappointModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, AuditRecorder audit,
    RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public Appointment Current { get; private set; } = null!;
    public CadrePerson Member { get; private set; } = null!;
    public ReappointmentPlan? Plan { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)] public ReappointmentOutcome Outcome { get; set; }
    [BindProperty, StoredIn<Appointment>(nameof(Appointment.DecisionNumber), "Số quyết định")] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }

    public AppointmentKind Kind => Outcome == ReappointmentOutcome.ExtendToRetirement ? AppointmentKind.Extension : AppointmentKind.Reappointment;
    public DateOnly StartOn => Current.TermEndsOn.AddDays(1);

    public static string ButtonText(ReappointmentPlan plan) => plan.Outcome switch
    {
        ReappointmentOutcome.ReappointFullTerm => plan.OutcomeText,
        ReappointmentOutcome.ReappointToRetirement => "Bổ nhiệm lại đến tuổi nghỉ hưu",
        ReappointmentOutcome.ExtendToRetirement => "Kéo dài đến tuổi nghỉ hưu",
        _ => Reappointment.DisplayName(plan.Outcome),
    };

    public async Task<IActionResult> OnGetAsync(long appointmentId, CancellationToken ct)
    {
        if (!await LoadAsync(appointmentId, ct))
            return NotFound();
        if (Refusal() is { } refusal)
            ModelState.AddModelError(nameof(Outcome), refusal);
        DecisionDate ??= DateText.Format(VietnamTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long appointmentId, CancellationToken ct)
    {
        if (!await LoadAsync(appointmentId, ct))
            return NotFound();
        if (await queries.PathOfAsync(Current.OrganizationId, ct) is not { } path || !currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (Refusal() is { } refusal)
        {
            ModelState.AddModelError(nameof(Outcome), refusal);
            return Page();
        }
        FormLengths.Check(this, ModelState, db.Model);
        var decided = DateText.Parse(DecisionDate, "ngày quyết định");
        if (!decided.IsSuccess)
            ModelState.AddModelError(nameof(DecisionDate), decided.Error!.Message);
        if (!ModelState.IsValid)
            return Page();
        var position = await db.Positions.SingleAsync(p => p.Id == Current.PositionId, ct);
        var (book, _) = await rules.GetAsync(ct);
        var retirement = OrgCom.Core.Cadres.Retirement.For(Member.Gender, Member.BirthDate, Member.BirthYearOnly, book);
        // The current term ends where the new one starts; it is not "held" for the rule on holding a position twice.
        var others = (await queries.ActivePostsOfAsync(Member.Id, ct)).Where(p => p.AppointmentId != Current.Id).ToList();
        var created = Appointment.Create(Member, position, Kind, DecisionNumber, decided.Value, StartOn, Plan!.NewTermEndsOn!.Value,
            Current.IsConcurrent, false, others, VietnamTime.Today(clock), retirement.Value);
        if (!created.IsSuccess)
        {
            ModelState.AddModelError("", created.Error!.Message);
            return Page();
        }
        var ended = Current.End(Current.TermEndsOn, $"Hết thời hạn; {Appointment.DisplayName(Kind).ToLowerInvariant()} theo quyết định {created.Value!.DecisionNumber}");
        if (!ended.IsSuccess)
        {
            ModelState.AddModelError("", ended.Error!.Message);
            return Page();
        }
        db.Appointments.Add(created.Value);
        audit.Reason = $"{ButtonText(Plan)} theo quyết định {created.Value.DecisionNumber}";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã ghi {ButtonText(Plan).ToLowerInvariant()}: {Member.FullName} giữ chức vụ \"{Current.PositionName}\" "
            + $"từ {DateText.Format(StartOn)} đến {DateText.Format(created.Value.TermEndsOn)}.";
        return Redirect($"/Cadres/Appoint/{Member.Id}");
    }

    /// <summary>Why the requested outcome cannot be recorded (with the rule's sources), or null.</summary>
    private string? Refusal()
    {
        if (Problem is not null)
            return Problem;
        if (Plan!.Outcome == ReappointmentOutcome.RetiresDuringTerm)
            return $"{Plan.Explanation} {string.Join(" · ", Plan.Citations)}";
        if (!Enum.IsDefined(Outcome) || Outcome != Plan.Outcome)
            return $"Không thể ghi \"{(Enum.IsDefined(Outcome) ? Reappointment.DisplayName(Outcome).ToLowerInvariant() : Outcome.ToString())}\": "
                + $"quy định chỉ cho phép {ButtonText(Plan).ToLowerInvariant()}. {Plan.Explanation} {string.Join(" · ", Plan.Citations)}.";
        return null;
    }

    private async Task<bool> LoadAsync(long appointmentId, CancellationToken ct)
    {
        var current = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.EndedOn == null
            && a.Kind != AppointmentKind.Election, ct);
        if (current is null)
            return false;
        Current = current;
        Member = await db.CadrePeople.AsNoTracking().SingleAsync(m => m.Id == current.MemberId, ct);
        var (book, calendar) = await rules.GetAsync(ct);
        var retirement = OrgCom.Core.Cadres.Retirement.For(Member.Gender, Member.BirthDate, Member.BirthYearOnly, book);
        if (!retirement.IsSuccess)
        {
            Problem = retirement.Error!.Message;
            return true;
        }
        try
        {
            Plan = Reappointment.For(current.TermEndsOn, retirement.Value!, book, calendar);
        }
        catch (RuleConfigurationException e)
        {
            Problem = $"Không xác định được hình thức cho thời hạn kết thúc ngày {DateText.Format(current.TermEndsOn)}: {e.Message}";
        }
        return true;
    }
}
