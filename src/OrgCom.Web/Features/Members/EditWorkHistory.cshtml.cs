using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>V. Quá trình công tác: periods from–to (MM/yyyy), position and unit.</summary>
public sealed class EditWorkHistoryModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierListEditPage<EditWorkHistoryModel.Row>(db, currentUser, audit, viewLog)
{
    public sealed class Row : IDossierRow
    {
        public string? From { get; set; }
        public string? To { get; set; }
        [StoredIn<Member>(nameof(Member.WorkHistory), "Chức vụ", JsonField = nameof(WorkHistoryEntry.Position))]
        public string? Position { get; set; }

        [StoredIn<Member>(nameof(Member.WorkHistory), "Đơn vị công tác", JsonField = nameof(WorkHistoryEntry.Unit))]
        public string? Unit { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)
            && string.IsNullOrWhiteSpace(Position) && string.IsNullOrWhiteSpace(Unit);
    }

    public override string SectionTitle => "Quá trình công tác";

    protected override object SectionValues(Member member) => member.WorkHistory;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        ShowRows(Member.WorkHistory.Select(w => new Row { From = w.From, To = w.To, Position = w.Position, Unit = w.Unit }));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        var entries = FilledRows.Select(r => new WorkHistoryEntry(r.From ?? "", r.To, r.Position ?? "", r.Unit ?? ""));
        if (!Check(Member.UpdateWorkHistory(entries)))
            return Page();
        return await SaveAsync(ct);
    }
}
