using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Cadres.People;

/// <summary>
/// Registers a cadre outside the party under an organization the user writes in (no id), or corrects one (an id in
/// scope; Write at its organization). Bad input is refused with its message and nothing is saved; every change is
/// audited through the DbContext.
/// </summary>
public sealed class EditModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, TimeProvider clock) : PageModel
{
    public NonMemberCadre? Cadre { get; private set; }

    [BindProperty] public string? OrganizationCode { get; set; }
    [BindProperty, StoredIn<NonMemberCadre>(nameof(NonMemberCadre.FullName), "Họ và tên")] public string? FullName { get; set; }
    [BindProperty] public Gender? Gender { get; set; }

    /// <summary>dd/MM/yyyy, or the year alone when only the year is known.</summary>
    [BindProperty] public string? Birth { get; set; }
    [BindProperty, StoredIn<NonMemberCadre>(nameof(NonMemberCadre.Ethnicity), "Dân tộc")] public string? Ethnicity { get; set; }
    [BindProperty, StoredIn<NonMemberCadre>(nameof(NonMemberCadre.Religion), "Tôn giáo")] public string? Religion { get; set; }
    [BindProperty, StoredIn<NonMemberCadre>(nameof(NonMemberCadre.Professional), "Trình độ chuyên môn")] public string? Professional { get; set; }
    [BindProperty] public PoliticalTheoryLevel PoliticalTheory { get; set; }
    [BindProperty, StoredIn<NonMemberCadre>(nameof(NonMemberCadre.Hometown), "Quê quán")] public string? Hometown { get; set; }
    [BindProperty] public string? CitizenId { get; set; }
    [BindProperty, StoredIn<NonMemberCadre>(nameof(NonMemberCadre.Workplace), "Nơi công tác")] public string? Workplace { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is null)
        {
            Ethnicity = "Kinh";
            return Page();
        }
        var cadre = await db.NonMemberCadres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cadre is null)
            return NotFound();
        Cadre = cadre;
        OrganizationCode = await db.Organizations.Where(o => o.Id == cadre.OrganizationId).Select(o => o.Code).SingleAsync(ct);
        (FullName, Gender, Ethnicity, Religion, Professional, PoliticalTheory, Hometown, CitizenId, Workplace) =
            (cadre.FullName, cadre.Gender, cadre.Ethnicity, cadre.Religion, cadre.Professional, cadre.PoliticalTheory, cadre.Hometown,
                cadre.CitizenId, cadre.Workplace);
        Birth = cadre.BirthYearOnly ? cadre.BirthDate.Year.ToString(CultureInfo.InvariantCulture) : DateText.Format(cadre.BirthDate);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        NonMemberCadre? cadre = null;
        if (id is not null)
        {
            cadre = await db.NonMemberCadres.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (cadre is null)
                return NotFound();
            Cadre = cadre;
        }
        // Registration: the organization typed; correction: the cadre's own (it does not move here).
        var code = (OrganizationCode ?? "").Trim();
        var organization = await db.Organizations
            .Where(o => cadre != null ? o.Id == cadre.OrganizationId : o.Code == code)
            .Select(o => new { o.Id, o.Name, o.Code, o.DissolvedOn, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) })
            .SingleOrDefaultAsync(ct);
        if (organization is null)
            ModelState.AddModelError(nameof(OrganizationCode), code.Length == 0
                ? NonMemberCadreErrors.OrganizationRequired.Message
                : $"Không có tổ chức đảng mang mã \"{code}\" trong phạm vi của bạn.");
        else if (!currentUser.Can(Permission.Write, organization.Path))
            return StatusCode(StatusCodes.Status403Forbidden);
        else if (cadre is null && organization.DissolvedOn is not null)
            ModelState.AddModelError(nameof(OrganizationCode), $"{organization.Name} đã giải thể: hãy chọn tổ chức đang hoạt động.");
        else
            OrganizationCode = organization.Code;
        FormLengths.Check(this, ModelState, db.Model);
        var (birth, yearOnly) = ReadBirth();
        if (!ModelState.IsValid || organization is null)
            return Page();

        var details = new NonMemberCadreDetails(FullName, Gender, birth, yearOnly, Ethnicity, Religion, Professional, PoliticalTheory,
            Hometown, CitizenId, Workplace);
        var today = VietnamTime.Today(clock);
        Result result;
        if (cadre is null)
        {
            var registered = NonMemberCadre.Register(organization.Id, details, today);
            result = registered.IsSuccess ? Result.Ok() : registered.Error!;
            cadre = registered.Value;
        }
        else
            result = cadre.Update(details, today);
        if (result.IsSuccess && cadre!.CitizenId is { } cccd && await CitizenIdTakenAsync(cccd, cadre.Id, ct))
            result = NonMemberCadreErrors.CitizenIdTaken;
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            return Page();
        }
        if (id is null)
        {
            db.NonMemberCadres.Add(cadre!);
            audit.Reason = $"Đăng ký cán bộ ngoài Đảng thuộc {organization.Name}";
        }
        else
            audit.Reason = "Sửa thông tin cán bộ ngoài Đảng";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = id is null
            ? $"Đã đăng ký cán bộ ngoài Đảng {cadre!.FullName} thuộc {organization.Name}."
            : $"Đã sửa thông tin của {cadre!.FullName}.";
        return Redirect($"/Cadres/People/{cadre.Id}");
    }

    /// <summary>dd/MM/yyyy, or four digits for the year alone.</summary>
    private (DateOnly? Birth, bool YearOnly) ReadBirth()
    {
        var text = (Birth ?? "").Trim();
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Birth), NonMemberCadreErrors.BirthRequired.Message);
            return (null, false);
        }
        var yearOnly = text.Length == 4 && text.All(char.IsAsciiDigit);
        return (ModelState.ReadBirth(text, nameof(Birth), yearOnly), yearOnly);
    }

    /// <summary>One person, one record: the number is neither another non-member cadre's nor a member's, wherever they
    /// are (read without the scope filter; the refusal names nobody).</summary>
    private async Task<bool> CitizenIdTakenAsync(string cccd, long selfId, CancellationToken ct) =>
        await db.NonMemberCadres.IgnoreQueryFilters().AnyAsync(c => c.CitizenId == cccd && c.Id != selfId, ct)
        || await db.Members.IgnoreQueryFilters().AnyAsync(m => m.CitizenId == cccd, ct);
}
