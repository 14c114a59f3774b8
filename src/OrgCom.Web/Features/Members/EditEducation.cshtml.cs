using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>II. Trình độ: education and training.</summary>
public sealed class EditEducationModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierEditPage(db, currentUser, audit, viewLog)
{
    [BindProperty, StoredIn<Member>(nameof(Member.GeneralEducation), "Giáo dục phổ thông")] public string? GeneralEducation { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.Professional), "Chuyên môn")] public string? Professional { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.AcademicTitle), "Học hàm, học vị")] public string? AcademicTitle { get; set; }
    [BindProperty] public PoliticalTheoryLevel PoliticalTheory { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.ForeignLanguages), "Ngoại ngữ")] public string? ForeignLanguages { get; set; }
    [BindProperty, StoredIn<Member>(nameof(Member.InformationTechnology), "Tin học")] public string? InformationTechnology { get; set; }

    public override string SectionTitle => "Trình độ";

    protected override object SectionValues(Member member) => member.Education;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        var e = Member.Education;
        GeneralEducation = e.GeneralEducation;
        Professional = e.Professional;
        AcademicTitle = e.AcademicTitle;
        PoliticalTheory = e.PoliticalTheory;
        ForeignLanguages = e.ForeignLanguages;
        InformationTechnology = e.InformationTechnology;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        var education = new Education(GeneralEducation, Professional, AcademicTitle, PoliticalTheory, ForeignLanguages,
            InformationTechnology);
        if (!Check(Member.UpdateEducation(education)))
            return Page();
        return await SaveAsync(ct);
    }
}
