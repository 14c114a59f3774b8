using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>VI. Khen thưởng: when, which form of award, the decision and who granted it.</summary>
public sealed class EditAwardsModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierListEditPage<EditAwardsModel.Row>(db, currentUser, audit, viewLog)
{
    public sealed class Row : IDossierRow
    {
        [StoredIn<Member>(nameof(Member.Awards), "Thời gian", JsonField = nameof(Award.Date))]
        public string? Date { get; set; }

        [StoredIn<Member>(nameof(Member.Awards), "Hình thức khen thưởng", JsonField = nameof(Award.Form))]
        public string? Form { get; set; }

        [StoredIn<Member>(nameof(Member.Awards), "Số quyết định", JsonField = nameof(Award.DecisionNumber))]
        public string? DecisionNumber { get; set; }

        [StoredIn<Member>(nameof(Member.Awards), "Cấp quyết định", JsonField = nameof(Award.GrantedBy))]
        public string? GrantedBy { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Form)
            && string.IsNullOrWhiteSpace(DecisionNumber) && string.IsNullOrWhiteSpace(GrantedBy);
    }

    public override string SectionTitle => "Khen thưởng";

    protected override object SectionValues(Member member) => member.Awards;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        ShowRows(Member.Awards.Select(a => new Row { Date = a.Date, Form = a.Form, DecisionNumber = a.DecisionNumber, GrantedBy = a.GrantedBy }));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        var awards = FilledRows.Select(r => new Award(r.Date ?? "", r.Form ?? "", Blank(r.DecisionNumber), Blank(r.GrantedBy)));
        if (!Check(Member.UpdateAwards(awards)))
            return Page();
        return await SaveAsync(ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
