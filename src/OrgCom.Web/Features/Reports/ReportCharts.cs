using System.Text.Json;

namespace OrgCom.Web.Features.Reports;

/// <summary>The Chart.js picture of a report, where one reads better than the table: increases against decreases by
/// organization, the shares of a breakdown, organizations by kind.</summary>
public static class ReportCharts
{
    public static string Json(ReportTable t)
    {
        var labels = t.Rows.Select(r => r.Name).ToArray();
        object config = t.Form switch
        {
            ReportForm.IncreaseDecrease => new
            {
                type = "bar",
                labels,
                datasets = new object[]
                {
                    new { label = "Tăng", data = t.Rows.Select(r => StatisticsQueries.Increases.Sum(k => r.Values[t.ColumnIndex(k)])), backgroundColor = "#198754" },
                    new { label = "Giảm", data = t.Rows.Select(r => StatisticsQueries.Decreases.Sum(k => r.Values[t.ColumnIndex(k)])), backgroundColor = "#dc3545" },
                },
            },
            ReportForm.AssessmentResults => new
            {
                type = "bar",
                // The members' shares (the organizations' shares, on "o:Rated", are in the table only).
                labels = t.Columns.Where(c => c.IsShare && c.ShareBase == "Rated").Select(c => c.Group ?? c.Header).ToArray(),
                datasets = new object[]
                {
                    new { label = t.Comparison?.Label ?? "", data = t.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsShare && x.c.ShareBase == "Rated").Select(x => (t.Comparison?.Totals[x.i] ?? 0) / 100m), backgroundColor = "#adb5bd" },
                    new { label = t.PeriodText, data = t.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsShare && x.c.ShareBase == "Rated").Select(x => t.Totals[x.i] / 100m), backgroundColor = "#b02a37" },
                },
            },
            ReportForm.MembersAtDate => new
            {
                type = "doughnut",
                labels = t.Columns.Skip(1).Select(c => c.Header).ToArray(),
                datasets = new object[] { new { label = "Đảng viên", data = t.Totals.Skip(1) } },
            },
            _ => new
            {
                type = "bar",
                // The counts by kind (the members column aside).
                labels = t.Columns.Where(IsKind).Select(c => c.Header).ToArray(),
                datasets = new object[] { new { label = "Số tổ chức", data = t.Totals.Where((_, i) => IsKind(t.Columns[i])), backgroundColor = "#b02a37" } },
            },
        };
        return JsonSerializer.Serialize(config);
    }

    private static bool IsKind(ReportColumn c) => c.Key.StartsWith("k:", StringComparison.Ordinal);
}
