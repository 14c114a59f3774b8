using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>IV. Người giới thiệu: correcting who introduced the member for admission.</summary>
public sealed class EditIntroducersModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierListEditPage<EditIntroducersModel.Row>(db, currentUser, audit, viewLog)
{
    public sealed class Row : IDossierRow
    {
        [StoredIn<Member>(nameof(Member.Introducers), "Họ và tên", JsonField = nameof(Introducer.FullName))]
        public string? FullName { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Chức vụ", JsonField = nameof(Introducer.Position))]
        public string? Position { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Đơn vị", JsonField = nameof(Introducer.Unit))]
        public string? Unit { get; set; }

        public bool IsYouthUnionResolution { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(FullName) && string.IsNullOrWhiteSpace(Position) && string.IsNullOrWhiteSpace(Unit);
    }

    public override string SectionTitle => "Người giới thiệu";

    protected override object SectionValues(Member member) => member.Introducers;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        ShowRows(Member.Introducers.Select(i => new Row
        {
            FullName = i.FullName, Position = i.Position, Unit = i.Unit, IsYouthUnionResolution = i.IsYouthUnionResolution,
        }));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        var introducers = FilledRows.Select(r => new Introducer(r.FullName ?? "", r.Position, r.Unit, r.IsYouthUnionResolution));
        if (!Check(Member.UpdateIntroducers(introducers)))
            return Page();
        return await SaveAsync(ct);
    }
}
