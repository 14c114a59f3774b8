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
/// 30, 40, 45 … 90 years of party age since the previous presentation day; on request also the seriously ill members
/// who reach their next milestone within the months the rules allow an early award, marked "xét tặng sớm".</summary>
public sealed class IndexModel(BadgeQueries queries, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    /// <summary>Gồm đảng viên bị bệnh nặng được xét tặng sớm.</summary>
    [BindProperty(SupportsGet = true)]
    public bool IncludeSeriouslyIll { get; set; }

    /// <summary>The early-award rules in force on the presentation day, when the list includes them.</summary>
    public List<(string Badges, RuleValue Rule)> EarlyRules { get; private set; } = [];

    public int EarlyCount { get; private set; }

    /// <summary>How many are listed in all (the page names the first <see cref="Shown"/>).</summary>
    public int Total { get; private set; }

    public BadgeEligibility? Window { get; private set; }
    public List<BadgeRow> Rows { get; private set; } = [];
    public List<(int Milestone, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(Shown, ct);

    /// <summary>The whole list as an Excel file, in the order shown.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(null, ct);
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
            XlsxColumn<BadgeRow>.Text("Ghi chú", EarlyNote, width: 40),
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

    /// <summary>"Xét tặng sớm (bị bệnh nặng từ 10/01/2026), sớm không quá 12 tháng" for an early row, empty otherwise.</summary>
    public static string EarlyNote(BadgeRow row) => row.Early is { } e
        ? $"Xét tặng sớm (bị bệnh nặng từ {DateText.Format(e.SeriouslyIllSince)}), sớm không quá {e.MaxMonthsEarly} tháng"
        : "";

    private async Task LoadAsync(int? named, CancellationToken ct)
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
        var result = await queries.ListAsync(presentation, book, IncludeSeriouslyIll, named, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(nameof(Date), result.Error!.Message);
            return;
        }
        var list = result.Value!;
        Window = list.Window;
        if (IncludeSeriouslyIll)
            EarlyRules =
            [
                ("30 đến 65 năm", PartyBadges.EarlyAwardRule(30, presentation, book)!),
                ("70 đến 90 năm", PartyBadges.EarlyAwardRule(70, presentation, book)!),
            ];
        Counts = list.Counts.ToList();
        Total = list.Total;
        EarlyCount = list.EarlyCount;
        Rows = list.Rows.OrderByDescending(r => r.Milestone)
            .ThenBy(r => new PersonName(r.FamilyName, r.MiddleName, r.GivenName), VietnameseCollation.NameOrder)
            .ToList();
    }
}
