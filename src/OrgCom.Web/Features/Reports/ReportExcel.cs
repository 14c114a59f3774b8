using OrgCom.Web.Infrastructure.Export;
using Col = OrgCom.Web.Infrastructure.Export.XlsxColumn<OrgCom.Web.Features.Reports.ReportRow>;

namespace OrgCom.Web.Features.Reports;

/// <summary>A report table in the official layout: the title, the organization and the period above, the merged group
/// headers (Tăng / Giảm …), one row per organization, the totals row as SUM formulas.</summary>
public static class ReportExcel
{
    public static XlsxReport<ReportRow> Layout(ReportTable table, DateOnly exportedOn)
    {
        var columns = new List<Col> { Col.RowNumber(), Col.Text("Tổ chức đảng", r => r.Name, width: 40) };
        var totals = table.Totals;
        columns.AddRange(table.Columns.Select((c, i) => c.IsShare
            ? Col.Decimal(c.Header, r => r.Values[i] / 100m, width: 11, group: c.Group, total: XlsxTotal.Value(totals[i] / 100m))
            : Col.Integer(c.Header, r => r.Values[i], width: 13, group: c.Group, total: XlsxTotal.Sum)));
        var titles = new List<string> { table.Title.ToUpperInvariant() };
        if (table.Subtitle is { } subtitle)
            titles.Add(subtitle);
        titles.Add("Đơn vị: " + table.OrganizationName);
        titles.Add(table.PeriodText);
        titles.Add(XlsxReport<ReportRow>.ExportedOnLine(exportedOn));
        if (table.Form == ReportForm.IncreaseDecrease && !table.Reconciled)
            titles.Add("Số đầu kỳ = cuối kỳ − tăng + giảm trong kỳ (số liệu tổng hợp, chưa đối chiếu từng đảng viên)");
        if (table.Form == ReportForm.IncreaseDecrease && table.Reconciled && table.Rows.Count > 0)
        {
            // The balance check, as on screen: a difference is reported, not hidden.
            var gap = StatisticsQueries.Imbalance(table, totals);
            var unbalanced = table.Rows.Where(r => StatisticsQueries.Imbalance(table, r.Values) != 0).Select(r => r.Name).ToList();
            titles.Add("Kiểm tra đầu kỳ + tăng − giảm = cuối kỳ: " + (gap == 0 && unbalanced.Count == 0 ? "khớp"
                : $"lệch {StatisticsQueries.SignedNumber(gap)} đảng viên" + (unbalanced.Count > 0 ? $"; dòng không khớp: {string.Join(", ", unbalanced)}" : "")));
        }
        if (table.Comparison is { } previous)
            titles.Add($"So sánh — {previous.Label}: " + string.Join("; ", table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Group is null || x.c.IsShare)
                .Select(x => $"{(x.c.IsShare ? x.c.Group + " (%)" : x.c.Header)} {table.Text(x.i, previous.Totals[x.i])}")));
        if (table.Footnote is { } footnote)
            titles.Add("Ghi chú: " + footnote);
        return new XlsxReport<ReportRow>(columns)
        {
            SheetName = table.Title,
            TitleLines = titles,
            TotalsRow = true,
            AutoFilter = false,
        };
    }

    public static XlsxResult Result(ReportTable table, DateOnly exportedOn) =>
        XlsxResult.Create(Layout(table, exportedOn), table.Rows.ToAsyncEnumerable(),
            $"{table.Title} {table.OrganizationName} {table.To:dd-MM-yyyy}.xlsx");
}
