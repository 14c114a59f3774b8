using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members.Candidates;

/// <summary>A cell introduces a candidate (quần chúng ưu tú): the start of the admission pipeline and of the dossier.</summary>
public sealed class CreateModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock)
    : PageModel
{
    public Organization Cell { get; private set; } = null!;

    [BindProperty]
    public CandidateInput Input { get; set; } = new();

    public sealed class CandidateInput
    {
        [StoredIn<Member>(nameof(Member.FullName), "Họ và tên khai sinh")]
        public string? FullName { get; set; }

        public Gender Gender { get; set; }
        public string? BirthDate { get; set; }
        public bool BirthYearOnly { get; set; }
        public string? CitizenId { get; set; }

        [StoredIn<Member>(nameof(Member.Ethnicity), "Dân tộc")]
        public string? Ethnicity { get; set; } = "Kinh";

        [StoredIn<Member>(nameof(Member.Religion), "Tôn giáo")]
        public string? Religion { get; set; } = "Không";

        [StoredIn<Member>(nameof(Member.Occupation), "Nghề nghiệp")]
        public string? Occupation { get; set; }

        [StoredIn<Member>(nameof(Member.Hometown), "Quê quán")]
        public string? Hometown { get; set; }

        [StoredIn<Member>(nameof(Member.Residence), "Nơi ở hiện nay")]
        public string? Residence { get; set; }

        public string? RegisteredOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long organizationId, CancellationToken ct)
    {
        if (await LoadAsync(organizationId, ct) is { } stop)
            return stop;
        Input.RegisteredOn = DateText.Format(VietnamTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long organizationId, CancellationToken ct)
    {
        if (await LoadAsync(organizationId, ct) is { } stop)
            return stop;
        var today = VietnamTime.Today(clock);
        var birth = ReadBirth();
        var registered = DateText.Parse(Input.RegisteredOn, "ngày giới thiệu");
        if (!registered.IsSuccess)
            ModelState.AddModelError("Input.RegisteredOn", registered.Error!.Message);
        var cccd = Input.CitizenId?.Replace(" ", "");
        if (!string.IsNullOrEmpty(cccd) && birth is { } b)
        {
            var valid = CitizenId.Validate(cccd, Input.Gender, b.Year);
            if (!valid.IsSuccess)
                ModelState.AddModelError("Input.CitizenId", valid.Error!.Message);
            else if (await db.Members.IgnoreQueryFilters().AnyAsync(m => m.CitizenId == cccd, ct))
                ModelState.AddModelError("Input.CitizenId", MemberErrors.CitizenIdTaken(cccd).Message);
        }
        FormLengths.Check(this, ModelState, db.Model);
        if (birth is null || !ModelState.IsValid)
            return Page();

        var identity = new Identity(Input.FullName ?? "", null, Input.Gender, birth.Value, Input.BirthYearOnly, cccd,
            Input.Hometown, null, Input.Residence, Input.Ethnicity, Input.Religion, Input.Occupation);
        var context = await rules.ContextAsync(currentUser.UserName, ct);
        var candidate = Member.RegisterCandidate(Cell.Id, identity, registered.Value, today, context);
        if (!candidate.IsSuccess)
        {
            ModelState.AddModelError("", candidate.Error!.Message);
            return Page();
        }
        db.Members.Add(candidate.Value!);
        audit.Reason = "Giới thiệu quần chúng ưu tú";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.CitizenId", MemberErrors.CitizenIdTaken(cccd ?? "").Message);
            return Page();
        }
        TempData["Success"] = $"Đã ghi nhận quần chúng ưu tú {candidate.Value!.FullName}.";
        return Redirect($"/Members/Lifecycle/{candidate.Value.Id}");
    }

    private DateOnly? ReadBirth() => ModelState.ReadBirth(Input.BirthDate, "Input.BirthDate", Input.BirthYearOnly);

    private async Task<IActionResult?> LoadAsync(long organizationId, CancellationToken ct)
    {
        var cell = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (cell is null)
            return NotFound();
        var path = Organizations.OrganizationQueries.PathOf(cell, db);
        if (!currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        Cell = cell;
        if (!cell.Kind.HoldsMembers() || cell.IsDissolved)
            ModelState.AddModelError("", "Quần chúng ưu tú được giới thiệu tại chi bộ đang hoạt động; hãy chọn một chi bộ.");
        return null;
    }
}
