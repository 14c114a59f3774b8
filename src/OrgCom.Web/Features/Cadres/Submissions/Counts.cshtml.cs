using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Features.Cadres.Submissions;

/// <summary>
/// "Lượt cán bộ đã trình" of the user's scope for a year: each cadre of a submission counts once (a submission of 3 cadres
/// is 3 lượt), by the month, quarter or year it was submitted, by kind and by the level of the competent body, with how
/// many of them have a decision. Counted in SQL; exportable to Excel.
/// </summary>
public sealed class CountsModel(OrgComDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Period, SubmissionKind Kind, OrganizationKind Level, long Submitted, long Decided);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    /// <summary>"month", "quarter" or "year".</summary>
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public string Sentence { get; private set; } = "";

    /// <summary>Nominations decided in the year (by the decision's date) and their election results.</summary>
    public string NominationSentence { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
            return Page();
        var report = new XlsxReport<Row>(
        [
            XlsxColumn<Row>.Text("Kỳ", r => r.Period, width: 14),
            XlsxColumn<Row>.Text("Loại tờ trình", r => PersonnelSubmission.DisplayName(r.Kind), width: 30),
            XlsxColumn<Row>.Text("Cấp có thẩm quyền", r => r.Level.DisplayName(), width: 36),
            XlsxColumn<Row>.Integer("Lượt cán bộ đã trình", r => r.Submitted, width: 16, total: XlsxTotal.Sum),
            XlsxColumn<Row>.Integer("Đã có quyết định", r => r.Decided, width: 16, total: XlsxTotal.Sum),
        ])
        {
            SheetName = "Lượt cán bộ đã trình",
            TitleLines = [$"Lượt cán bộ đã trình năm {Year}", Sentence + ".", NominationSentence + ".", XlsxReport<Row>.ExportedOnLine(VietnamTime.Today(clock))],
            TotalsRow = true,
        };
        return XlsxResult.Create(report, Rows.ToAsyncEnumerable(), $"Lượt cán bộ đã trình {Year}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Year ??= today.Year;
        if (Year is < 2000 or > 2100)
        {
            ModelState.AddModelError(nameof(Year), "Năm phải từ 2000 đến 2100.");
            Year = today.Year;
        }
        Period = Period is "quarter" or "year" ? Period : "month";
        DateOnly start = new(Year.Value, 1, 1), end = new(Year.Value + 1, 1, 1);
        // One row per cadre of a submission in scope. The competent bodies' kinds are read apart: IgnoreQueryFilters
        // in the same query would lift the scope filter from all of it.
        var counted = await (
                from c in db.SubmissionCadres
                join s in db.PersonnelSubmissions on c.SubmissionId equals s.Id
                where s.SubmittedOn >= start && s.SubmittedOn < end
                group s by new { s.SubmittedOn!.Value.Month, s.Kind, s.CompetentOrganizationId } into g
                select new { g.Key.Month, g.Key.Kind, g.Key.CompetentOrganizationId, Submitted = g.LongCount(), Decided = g.LongCount(x => x.DecisionDate != null) })
            .ToListAsync(ct);
        var ids = counted.Select(r => r.CompetentOrganizationId).Distinct().ToList();
        var levels = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
        var rows = counted.Select(r => new { r.Month, SubmissionKind = r.Kind, Level = levels[r.CompetentOrganizationId], r.Submitted, r.Decided });
        string Label(int month) => Period switch
        {
            "year" => $"Năm {Year}",
            "quarter" => $"Quý {(month - 1) / 3 + 1}/{Year}",
            _ => $"Tháng {month:00}/{Year}",
        };
        Rows = rows.GroupBy(r => (Key: Period == "year" ? 0 : Period == "quarter" ? (r.Month - 1) / 3 : r.Month, r.SubmissionKind, r.Level))
            .OrderBy(g => g.Key.Key).ThenBy(g => g.Key.SubmissionKind).ThenBy(g => g.Key.Level)
            .Select(g => new Row(Label(g.Min(r => r.Month)), g.Key.SubmissionKind, g.Key.Level, g.Sum(r => r.Submitted), g.Sum(r => r.Decided)))
            .ToList();
        Sentence = SubmissionSummary.Sentence(Rows.Sum(r => r.Submitted), Rows.Sum(r => r.Decided));
        var nominations = await db.Nominations.Where(n => n.DecisionDate >= start && n.DecisionDate < end)
            .GroupBy(n => n.Outcome).Select(g => new { Outcome = g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Outcome, x => x.Count, ct);
        NominationSentence = NominationSummary.Sentence(nominations.Values.Sum(), nominations.GetValueOrDefault(NominationOutcome.Elected),
            nominations.GetValueOrDefault(NominationOutcome.NotElected));
    }
}
