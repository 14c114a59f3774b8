using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>I. Sơ yếu lý lịch: the identity of the person.</summary>
public sealed class EditIdentityModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog, TimeProvider clock)
    : DossierEditPage(db, currentUser, audit, viewLog)
{
    [BindProperty, StoredIn<Member>(nameof(Member.FullName), "Họ và tên khai sinh")] public string? FullName { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.OtherNames), "Tên gọi khác")] public string? OtherNames { get; set; }
    [BindProperty] public Gender Gender { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public bool BirthYearOnly { get; set; }
    [BindProperty] public string? CitizenId { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Hometown), "Quê quán")] public string? Hometown { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Birthplace), "Nơi sinh")] public string? Birthplace { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Residence), "Nơi ở hiện nay")] public string? Residence { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Ethnicity), "Dân tộc")] public string? Ethnicity { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Religion), "Tôn giáo")] public string? Religion { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Occupation), "Nghề nghiệp")] public string? Occupation { get; set; }

    public override string SectionTitle => "Sơ yếu lý lịch";

    protected override object SectionValues(Member member) => member.Identity;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        var i = Member.Identity;
        FullName = i.FullName;
        OtherNames = i.OtherNames;
        Gender = i.Gender;
        BirthYearOnly = i.BirthYearOnly;
        BirthDate = i.BirthYearOnly ? i.BirthDate.Year.ToString(CultureInfo.InvariantCulture) : DateText.Format(i.BirthDate);
        CitizenId = i.CitizenId;
        Hometown = i.Hometown;
        Birthplace = i.Birthplace;
        Residence = i.Residence;
        Ethnicity = i.Ethnicity;
        Religion = i.Religion;
        Occupation = i.Occupation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        if (ParseBirth() is not { } birth)
            return Page();
        var identity = new Identity(FullName ?? "", OtherNames, Gender, birth, BirthYearOnly, CitizenId, Hometown, Birthplace,
            Residence, Ethnicity, Religion, Occupation);
        if (!Check(Member.UpdateIdentity(identity, VietnamTime.Today(clock))))
            return Page();
        // The CCCD is unique among all members, whoever's scope they are in; the message names no one.
        if (Member.CitizenId is { } cccd
            && await Db.Members.IgnoreQueryFilters().AnyAsync(m => m.CitizenId == cccd && m.Id != id, ct))
            return Refuse(MemberErrors.CitizenIdTaken(cccd).Message);
        return await SaveAsync(ct);
    }

    protected override string UniqueViolationMessage(string? constraint) =>
        constraint == "ix_members_citizen_id" && Member.CitizenId is { } cccd
            ? MemberErrors.CitizenIdTaken(cccd).Message
            : base.UniqueViolationMessage(constraint);

    /// <summary>A full date, or with "chỉ biết năm sinh" also a bare year.</summary>
    private DateOnly? ParseBirth() => ModelState.ReadBirth(BirthDate, nameof(BirthDate), BirthYearOnly);
}
