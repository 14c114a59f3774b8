using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>VIII. Quan hệ gia đình: parents, spouse, children — relation, name, birth year, occupation, residence.</summary>
public sealed class EditFamilyModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierListEditPage<EditFamilyModel.Row>(db, currentUser, audit, viewLog)
{
    public sealed class Row : IDossierRow
    {
        [StoredIn<Member>(nameof(Member.Family), "Quan hệ", JsonField = nameof(Relative.Relation))]
        public string? Relation { get; set; }

        [StoredIn<Member>(nameof(Member.Family), "Họ và tên", JsonField = nameof(Relative.FullName))]
        public string? FullName { get; set; }

        public string? BirthYear { get; set; }

        [StoredIn<Member>(nameof(Member.Family), "Nghề nghiệp", JsonField = nameof(Relative.Occupation))]
        public string? Occupation { get; set; }

        [StoredIn<Member>(nameof(Member.Family), "Nơi ở", JsonField = nameof(Relative.Residence))]
        public string? Residence { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Relation) && string.IsNullOrWhiteSpace(FullName)
            && string.IsNullOrWhiteSpace(BirthYear) && string.IsNullOrWhiteSpace(Occupation) && string.IsNullOrWhiteSpace(Residence);
    }

    public static readonly string[] CommonRelations = ["Cha", "Mẹ", "Vợ", "Chồng", "Con", "Anh", "Chị", "Em"];

    public override string SectionTitle => "Quan hệ gia đình";

    protected override object SectionValues(Member member) => member.Family;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        ShowRows(Member.Family.Select(r => new Row
        {
            Relation = r.Relation, FullName = r.FullName, BirthYear = r.BirthYear?.ToString(CultureInfo.InvariantCulture),
            Occupation = r.Occupation, Residence = r.Residence,
        }));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        var relatives = new List<Relative>();
        foreach (var r in FilledRows)
        {
            var year = (r.BirthYear ?? "").Trim();
            int? birthYear = null;
            if (year.Length > 0)
            {
                if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                    return Refuse($"Năm sinh \"{year}\" của {(string.IsNullOrWhiteSpace(r.FullName) ? "người thân" : r.FullName.Trim())} phải gồm 4 chữ số, ví dụ 1955.");
                birthYear = y;
            }
            relatives.Add(new Relative(r.Relation ?? "", r.FullName ?? "", birthYear, r.Occupation, r.Residence));
        }
        if (!Check(Member.UpdateFamily(relatives, OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System))))
            return Page();
        return await SaveAsync(ct);
    }
}
