using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Common;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;
using OrgCom.Core.Text;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members.Badges;

/// <summary>Huy hiệu Đảng: for a presentation day (3/2, 19/5, 2/9, 7/11), the members of the user's subtrees who reach
/// 30, 40, 45 … 90 years of party age since the previous presentation day.</summary>
public sealed class IndexModel(BadgeQueries queries, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public BadgeEligibility? Window { get; private set; }
    public List<BadgeRow> Rows { get; private set; } = [];
    public List<(int Milestone, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The whole list as an Excel file, in the order shown.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Window is not { } w)
            return Page();
        var report = new XlsxReport<BadgeRow>(
        [
            XlsxColumn<BadgeRow>.RowNumber(),
            XlsxColumn<BadgeRow>.Integer("Huy hiệu (năm)", r => r.Milestone, width: 10),
            XlsxColumn<BadgeRow>.Text("Họ và tên", r => r.FullName, width: 28),
            XlsxColumn<BadgeRow>.Text("Năm sinh", r => r.BirthYearOnly ? r.BirthDate.Year.ToString() : DateText.Format(r.BirthDate), width: 12),
            XlsxColumn<BadgeRow>.Text("Chi bộ", r => r.OrganizationName, width: 36),
            XlsxColumn<BadgeRow>.Date("Ngày vào Đảng", r => r.AdmittedOn),
            XlsxColumn<BadgeRow>.Date("Đủ tuổi Đảng ngày", r => r.ReachedOn),
        ])
        {
            SheetName = "Huy hiệu Đảng",
            TitleLines =
            [
                $"DANH SÁCH ĐẢNG VIÊN ĐƯỢC XÉT TẶNG HUY HIỆU ĐẢNG ĐỢT {DateText.Format(w.PresentationDate)}",
                XlsxReport<BadgeRow>.ExportedOnLine(VietnamTime.Today(clock)),
            ],
        };
        return XlsxResult.Create(report, Rows.ToAsyncEnumerable(), $"Huy hiệu Đảng {w.PresentationDate:dd-MM-yyyy}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (book, _) = await rules.GetAsync(ct);
        DateOnly presentation;
        if (string.IsNullOrWhiteSpace(Date))
        {
            presentation = PartyBadges.PresentationFor(VietnamTime.Today(clock), book);
            Date = DateText.Format(presentation);
        }
        else
        {
            var parsed = DateText.Parse(Date, "ngày trao tặng");
            if (!parsed.IsSuccess)
            {
                ModelState.AddModelError(nameof(Date), parsed.Error!.Message);
                return;
            }
            presentation = parsed.Value;
        }
        var result = await queries.ListAsync(presentation, book, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(nameof(Date), result.Error!.Message);
            return;
        }
        Window = result.Value.Window;
        var rows = result.Value.Rows;
        Counts = rows.GroupBy(r => r.Milestone).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Rows = rows.OrderByDescending(r => r.Milestone)
            .ThenBy(r => new PersonName(r.FamilyName, r.MiddleName, r.GivenName), VietnameseCollation.NameOrder)
            .ToList();
    }
}
