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

/// <summary>A member's posts: appoint (bổ nhiệm, bổ nhiệm lại, kéo dài, bầu) to a position in scope, or end a post.</summary>
public sealed class AppointModel(OrgComDbContext db, CadreQueries queries, CurrentUser currentUser, AuditRecorder audit,
    RuleBookProvider rules, TimeProvider clock, Rotations.RotationQueries rotations) : PageModel
{
    public List<Rotations.RotationRow> Rotations { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public CadrePerson Member { get; private set; } = null!;
    public List<Appointment> History { get; private set; } = [];
    public List<PositionOption> Positions { get; private set; } = [];
    public string TermRule { get; private set; } = "";

    /// <summary>What an empty term end means, from the rule in force ("để trống: 5 năm, …").</summary>
    public string TermPlaceholder { get; private set; } = "";

    [BindProperty] public long PositionId { get; set; }
    [BindProperty] public AppointmentKind Kind { get; set; }
    [BindProperty, StoredIn<Appointment>(nameof(Appointment.DecisionNumber), "Số quyết định")] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty] public string? StartOn { get; set; }

    /// <summary>Empty: the rule's term from the start, not beyond retirement; for an extension, to retirement.</summary>
    [BindProperty] public string? TermEndsOn { get; set; }
    [BindProperty] public bool IsConcurrent { get; set; }
    [BindProperty] public bool IsActing { get; set; }

    [BindProperty] public long AppointmentId { get; set; }
    [BindProperty] public string? EndedOn { get; set; }
    [BindProperty, StoredIn<Appointment>(nameof(Appointment.EndReason), "Lý do thôi giữ chức vụ")] public string? EndReason { get; set; }

    public async Task<IActionResult> OnGetAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
            return NotFound();
        return await ShownAsync(ct);
    }

    /// <summary>The history and the positions to choose from are read only when the page is shown, not for a post that
    /// succeeds and redirects.</summary>
    private async Task<IActionResult> ShownAsync(CancellationToken ct)
    {
        History = await queries.HistoryAsync(Member.Id, ct);
        Positions = await queries.PositionsAsync(ct);
        Rotations = await rotations.OfMemberAsync(Member.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
            return NotFound();
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == PositionId, ct);
        if (position is null)
        {
            ModelState.AddModelError(nameof(PositionId), "Hãy chọn chức vụ trong phạm vi của bạn.");
            return await ShownAsync(ct);
        }
        if (await queries.PathOfAsync(position.OrganizationId, ct) is not { } path || !currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        FormLengths.Check(this, ModelState, db.Model);
        var decided = ModelState.ReadDate(DecisionDate, nameof(DecisionDate), "ngày quyết định");
        var start = ModelState.ReadDate(StartOn, nameof(StartOn), "ngày bắt đầu giữ chức vụ");
        DateOnly? end = string.IsNullOrWhiteSpace(TermEndsOn) ? null : ModelState.ReadDate(TermEndsOn, nameof(TermEndsOn), "ngày hết thời hạn");
        if (!ModelState.IsValid || decided is null || start is null)
            return await ShownAsync(ct);
        var (book, _) = await rules.GetAsync(ct);
        var retirement = OrgCom.Core.Cadres.Retirement.For(Member.Gender, Member.BirthDate, Member.BirthYearOnly, book);
        if (!retirement.IsSuccess && (end is null && Kind == AppointmentKind.Extension))
        {
            ModelState.AddModelError(nameof(TermEndsOn), retirement.Error!.Message);
            return await ShownAsync(ct);
        }
        DateOnly termEnd;
        try
        {
            termEnd = end ?? Appointment.DefaultTermEnd(Kind, start.Value, retirement.Value, book);
        }
        catch (RuleConfigurationException e)
        {
            ModelState.AddModelError(nameof(TermEndsOn),
                $"Không tính được ngày hết thời hạn từ ngày {DateText.Format(start.Value)}: {e.Message} Hãy nhập ngày hết thời hạn theo quyết định.");
            return await ShownAsync(ct);
        }
        var created = Appointment.Create(Member, position, Kind, DecisionNumber, decided.Value, start.Value, termEnd,
            IsConcurrent, IsActing, await queries.ActivePostsOfAsync(Member.Id, ct), VietnamTime.Today(clock), retirement.Value);
        if (!created.IsSuccess)
        {
            ModelState.AddModelError("", created.Error!.Message);
            return await ShownAsync(ct);
        }
        db.Appointments.Add(created.Value!);
        audit.Reason = $"{Appointment.DisplayName(Kind)} theo quyết định {created.Value!.DecisionNumber}";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã ghi {Appointment.DisplayName(Kind).ToLowerInvariant()} {Member.FullName} giữ chức vụ \"{position.Title}\" đến ngày {DateText.Format(termEnd)}.";
        return Redirect($"/Cadres/Appoint/{Member.Id}");
    }

    public async Task<IActionResult> OnPostEndAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
            return NotFound();
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == AppointmentId && a.MemberId == memberId, ct);
        if (appointment is null)
            return NotFound();
        if (await queries.PathOfAsync(appointment.OrganizationId, ct) is not { } path || !currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        FormLengths.Check(this, ModelState, db.Model);
        var ended = ModelState.ReadDate(EndedOn, nameof(EndedOn), "ngày thôi giữ chức vụ");
        if (!ModelState.IsValid || ended is null)
            return await ShownAsync(ct);
        var result = appointment.End(ended.Value, EndReason);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return await ShownAsync(ct);
        }
        audit.Reason = appointment.EndReason;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã ghi {Member.FullName} thôi giữ chức vụ \"{appointment.PositionName}\" từ ngày {DateText.Format(ended.Value)}.";
        return Redirect($"/Cadres/Appoint/{Member.Id}");
    }

    private async Task<bool> LoadAsync(long memberId, CancellationToken ct)
    {
        var member = await db.CadrePeople.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
            return false;
        Member = member;
        Today = VietnamTime.Today(clock);
        var (book, _) = await rules.GetAsync(ct);
        var term = book.Get(RuleKey.AppointmentTermMonths, VietnamTime.Today(clock));
        TermRule = term.Citation.ToString();
        TermPlaceholder = $"để trống: {CadreText.Duration(term.AsInt())}, không quá tuổi nghỉ hưu";
        return true;
    }
}
