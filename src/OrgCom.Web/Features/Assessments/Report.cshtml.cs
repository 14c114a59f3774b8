using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Assessments;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Export;
using Col = OrgCom.Web.Infrastructure.Export.XlsxColumn<OrgCom.Web.Features.Assessments.LevelCounts>;

namespace OrgCom.Web.Features.Assessments;

/// <summary>
/// The year's member ratings rolled up the tree one level at a time: the chosen organization's direct subordinates
/// with their subtrees' counts and shares by level, those not assessed by reason, the organizations' own ratings by the
/// level above (rated by level, not rated by reason), the total compared with the year before, a chart, and the
/// official Excel layout.
/// </summary>
public sealed class ReportModel(AssessmentQueries queries, AssessmentReportQuery report, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? OrganizationId { get; set; }

    public AssessmentRollup Rollup { get; private set; } = null!;
    public AssessedOrganization Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
            return stop;
        var total = Rollup.Total;
        var columns = new List<Col>
        {
            Col.RowNumber(),
            Col.Text("Tổ chức đảng", r => r.Name, width: 40),
            Col.Integer("Tổng số đảng viên phải đánh giá", r => r.Required, width: 14, total: XlsxTotal.Sum),
            Col.Integer("Số đảng viên được xếp loại", r => r.Rated, width: 14, total: XlsxTotal.Sum),
        };
        foreach (var level in QualityLevels.All)
        {
            columns.Add(Col.Integer("Số lượng", r => r.Of(level), width: 11, group: level.DisplayName(), total: XlsxTotal.Sum));
            columns.Add(Col.Decimal("Tỷ lệ (%)", r => r.Share(level), width: 11, group: level.DisplayName(), total: XlsxTotal.Value(total.Share(level))));
        }
        const string notAssessed = "Đảng viên không đánh giá";
        columns.Add(Col.Integer("Tổng số", r => r.NotAssessed, width: 10, group: notAssessed, total: XlsxTotal.Sum));
        foreach (var reason in NotAssessedReasons.All)
            columns.Add(Col.Integer(reason.DisplayName(), r => r.NotAssessedFor(reason), width: 12, group: notAssessed, total: XlsxTotal.Sum));
        columns.Add(Col.Integer("Tổ chức chưa được phê duyệt", r => r.Organizations - r.Approved, width: 14, total: XlsxTotal.Sum));
        // The organizations as the levels above rated them, same layout.
        columns.Add(Col.Integer("Tổ chức đảng phải xếp loại", r => r.Orgs.Required, width: 14, total: XlsxTotal.Sum));
        columns.Add(Col.Integer("Tổ chức đảng được xếp loại", r => r.Orgs.Rated, width: 14, total: XlsxTotal.Sum));
        foreach (var level in QualityLevels.All)
        {
            var group = "Tổ chức đảng " + level.DisplayName().ToLowerInvariant();
            columns.Add(Col.Integer("Số lượng", r => r.Orgs.Of(level), width: 11, group: group, total: XlsxTotal.Sum));
            columns.Add(Col.Decimal("Tỷ lệ (%)", r => r.Orgs.Share(level), width: 11, group: group, total: XlsxTotal.Value(total.Orgs.Share(level))));
        }
        const string notRated = "Tổ chức đảng không xếp loại";
        columns.Add(Col.Integer("Tổng số", r => r.Orgs.NotRated, width: 10, group: notRated, total: XlsxTotal.Sum));
        foreach (var reason in OrganizationNotRatedReasons.All)
            columns.Add(Col.Integer(reason.DisplayName(), r => r.Orgs.NotRatedFor(reason), width: 14, group: notRated, total: XlsxTotal.Sum));
        var sheet = new XlsxReport<LevelCounts>(columns)
        {
            SheetName = $"Xếp loại {Rollup.Year}",
            TitleLines =
            [
                $"BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {Rollup.Year}",
                $"Đơn vị: {Rollup.RootName} · kèm xếp loại các tổ chức đảng do cấp trên trực tiếp đánh giá",
                $"Số liệu của các tổ chức đã được cấp có thẩm quyền phê duyệt · {XlsxReport<LevelCounts>.ExportedOnLine(VietnamTime.Today(clock))}",
            ],
            TotalsRow = true,
            AutoFilter = false,
        };
        return XlsxResult.Create(sheet, Rollup.Units.ToAsyncEnumerable(), $"Xếp loại đảng viên {Rollup.Year} - {Rollup.RootName}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var defaultYear = today.Month >= 12 ? today.Year : today.Year - 1;
        if (Year is < 2000 or > 2100)
        {
            // The report of the default year is shown with the message (the Excel link then names that year).
            ModelState.AddModelError(nameof(Year), $"Năm {Year} không hợp lệ: hãy chọn năm từ 2000 đến 2100. Đang hiển thị năm {defaultYear}.");
            Year = null;
        }
        Year ??= defaultYear;
        var id = OrganizationId ?? user.Grants.Select(g => (long?)g.OrganizationId).FirstOrDefault();
        if (id is null)
            return NotFound();
        var organization = await queries.OrganizationAsync(id.Value, ct);
        if (organization is null)
            return NotFound();
        Organization = organization;
        Rollup = await report.RunAsync(organization.Id, organization.Name, organization.Path.ToString(), Year.Value, ct);
        return null;
    }
}
