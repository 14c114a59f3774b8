using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Assessments;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Reports;

/// <summary>The statistics form "Kết quả đánh giá, xếp loại" on the approved ratings of a cell of Ba Đình ward.</summary>
public sealed class AssessmentResultsTests : AssessmentTest
{
    private long _ward, _cell;
    private List<(long Id, string Name, bool Official)> _members = [];

    private string Url(int year = 2025) => $"/Reports/View?Form=AssessmentResults&OrganizationId={_ward}&Year={year}";

    /// <summary>The cell's year 2025: one member ill (not rated), one "hoàn thành", the others "tốt"; submitted, approved.</summary>
    private async Task RateAndApproveAsync()
    {
        var round = await OpenRoundAsync();
        _cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        _ward = await OrganizationIdAsync("X00004");
        var url = EntryUrl(round, _cell);
        var staff = await SignInAsync("xa.badinh");
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(staff, url)).StatusCode);
        _members = await CellMembersAsync();
        Assert.True(_members.Count >= 4);
        for (var i = 0; i < _members.Count; i++)
        {
            var json = i == 0 ? await PostRowAsync(staff, url, _members[i].Id, null, "Ill")
                : await PostRowAsync(staff, url, _members[i].Id, i == 1 ? "Completed" : "Good");
            Assert.True(json.GetProperty("ok").GetBoolean(), json.ToString());
        }
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(await SignInAsync("lanhdao.hanoi"), url, "Approve")).StatusCode);
    }

    private static Dictionary<string, string> Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("td[data-column]").ToDictionary(td => td.GetAttribute("data-column")!, td => td.TextContent.Trim());

    [Fact]
    public async Task The_form_rolls_up_the_approved_ratings_as_the_assessments_page_does_with_shares_reasons_and_the_year_before()
    {
        await RateAndApproveAsync();
        var n = _members.Count;
        var staff = await SignInAsync("xa.badinh");
        var page = await GetDocumentAsync(staff, Url());
        var row = Cells(page.QuerySelector($"[data-testid=report] tbody tr[data-organization='{_cell}']")!);
        Assert.Equal(n.ToString(), row["Required"]);
        Assert.Equal((n - 1).ToString(), row["Rated"]);
        Assert.Equal((n - 2).ToString(), row["Good"]);
        Assert.Equal("1", row["Completed"]);
        Assert.Equal("0", row["Excellent"]);
        Assert.Equal("1", row["NotAssessed"]);
        Assert.Equal("1", row["r:Ill"]);
        Assert.Equal("0", row["r:Away"]);
        Assert.Equal((100m * (n - 2) / (n - 1)).ToString("N2", OrgCom.Web.Features.Reports.ReportRequest.Vietnamese), row["s:Good"]);
        Assert.Equal("Năm 2025", page.QuerySelector("[data-testid=period]")!.TextContent.Trim());
        Assert.Contains("Năm 2024", page.QuerySelector("[data-testid=comparison]")!.TextContent);
        Assert.Equal("0", Cells(page.QuerySelector("[data-testid=comparison]")!)["Required"]);
        Assert.Equal("+" + n, Cells(page.QuerySelector("[data-testid=change]")!)["Required"]);
        Assert.NotNull(page.QuerySelector("canvas#report-chart[data-chart]"));
        var chart = System.Text.Json.JsonDocument.Parse(page.QuerySelector("canvas#report-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.Equal(["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"],
            chart.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Năm 2024", "Năm 2025"], chart.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("label").GetString()));

        // One source: the Assessments area's report shows the same numbers for the same subtree and year.
        var assessments = await GetDocumentAsync(staff, $"/Assessments/Report?year=2025&organizationId={_ward}");
        var cellLine = Cells(assessments.QuerySelector($"[data-testid=rollup] tr[data-organization='{_cell}']")!);
        Assert.Equal(n.ToString(), cellLine["Required"]);
        Assert.Equal(row["Good"], cellLine["Good"]);
        Assert.Equal(row["s:Good"] + "%", cellLine["s:Good"].Replace('.', ','));
        // The same columns, not assessed by reason included.
        foreach (var key in new[] { "Rated", "NotAssessed", "r:Ill", "r:Away", "Completed" })
            Assert.Equal(row[key], cellLine[key]);
        var totals = Cells(page.QuerySelector("[data-testid=totals]")!);
        Assert.Contains(totals["Required"], assessments.QuerySelector("[data-testid=total]")!.TextContent);

        // Drill-down: the members behind a level, behind a reason, behind the total.
        var completed = await GetDocumentAsync(staff, page.QuerySelector($"tr[data-organization='{_cell}'] td[data-column='Completed'] a")!.GetAttribute("href")!);
        Assert.Contains(_members[1].Name, completed.QuerySelector("[data-testid=members]")!.TextContent);
        Assert.Contains("Tổng số: 1", completed.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        var ill = await GetDocumentAsync(staff, page.QuerySelector("[data-testid=totals] td[data-column='r:Ill'] a")!.GetAttribute("href")!);
        Assert.Contains(_members[0].Name, ill.QuerySelector("[data-testid=members]")!.TextContent);
        Assert.Contains("Ốm đau", ill.QuerySelector("h1")!.TextContent);
        var required = await GetDocumentAsync(staff, page.QuerySelector("[data-testid=totals] td[data-column='Required'] a")!.GetAttribute("href")!);
        Assert.Contains($"Tổng số: {n}", required.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        // Its Excel is audited as the other drill-downs'.
        var excel = await staff.GetAsync(page.QuerySelector("[data-testid=totals] td[data-column='Required'] a")!.GetAttribute("href")! + "&handler=Excel");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        Assert.True(await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityType == "members" && a.Reason!.Contains("Đảng viên phải đánh giá"))));

        // Another province sees none of it.
        var hcm = await SignInAsync("hcm");
        await GetDocumentAsync(hcm, Url(), HttpStatusCode.NotFound);
        await GetDocumentAsync(hcm, page.QuerySelector("[data-testid=totals] td[data-column='Required'] a")!.GetAttribute("href")!, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_excel_has_the_official_layout_and_a_frozen_copy_keeps_its_numbers()
    {
        await RateAndApproveAsync();
        var n = _members.Count;
        var staff = await SignInAsync("xa.badinh");
        var excel = await staff.GetAsync(Url() + "&handler=Excel");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        using (var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
        {
            var rows = reader.ReadRows().ToList();
            Assert.Equal("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025", rows[0][1].Text);
            Assert.Contains(rows, r => r.Cells.Any(c => c.Text?.StartsWith("Đơn vị: Đảng bộ phường Ba Đình") == true));
            Assert.Contains(rows, r => r.Cells.Any(c => c.Text == "Năm 2025"));
            Assert.Contains(rows, r => r.Cells.Any(c => c.Text?.StartsWith("So sánh — Năm 2024") == true));
            var merged = reader.ReadMergedRanges();
            Assert.Contains(merged, m => m.FirstRow == m.LastRow && m.LastColumn - m.FirstColumn == 1); // a level: count and share
            Assert.Contains(merged, m => m.FirstRow == m.LastRow && m.LastColumn - m.FirstColumn == 6); // not rated: total and six reasons
            Assert.Contains(rows, r => r.Cells.Any(c => c.Text == "Hoàn thành tốt nhiệm vụ"));
            var data = rows.Single(r => r.Cells.Any(c => c.Text == "Chi bộ Trạm Y tế"));
            var numbers = data.Cells.Where(c => c.Kind == XlsxCellKind.Number).Skip(1).Select(c => c.Number).ToList();
            Assert.Equal([n, n - 1], numbers.Take(2));
            var total = rows.Single(r => r.Cells.Any(c => c.Text == "Tổng cộng"));
            var totalNumbers = total.Cells.Where(c => c.Kind == XlsxCellKind.Number).Select(c => c.Number).ToList();
            Assert.Equal(n, totalNumbers[0]);
            Assert.Contains(total.Cells, c => c.Formula?.StartsWith("SUM(") == true);
        }

        // Freezing ("chốt số liệu"): audited; the frozen copy keeps the numbers when the data changes.
        var freeze = await PostFormAsync(staff, Url() + "&handler=Freeze", new() { ["Note"] = "Báo cáo năm 2025" }, Url());
        Assert.Equal(HttpStatusCode.Redirect, freeze.StatusCode);
        var frozenUrl = freeze.Headers.Location!.OriginalString;
        var stored = await WithDbAsync(db => db.FrozenReports.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "Year=2025"), (stored.PeriodFrom!.Value, stored.ReportDate, stored.Parameters));
        var audit = await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "frozen_reports").ToListAsync());
        Assert.Contains("Chốt số liệu báo cáo kết quả đánh giá", Assert.Single(audit).Reason);
        await TestDatabase.ExecuteAsync($"update organization_assessments set good_count = good_count + 5, required_count = required_count + 5 where organization_id = {_cell}", DatabaseName);
        var live = await GetDocumentAsync(staff, Url());
        Assert.Equal((n + 5).ToString(), Cells(live.QuerySelector($"tr[data-organization='{_cell}']")!)["Required"]);
        var frozen = await GetDocumentAsync(staff, frozenUrl);
        Assert.Equal(n.ToString(), Cells(frozen.QuerySelector($"tr[data-organization='{_cell}']")!)["Required"]);
        Assert.Contains("Năm 2024", frozen.QuerySelector("[data-testid=comparison]")!.TextContent);
        Assert.Contains("xa.badinh", frozen.QuerySelector("[data-testid=frozen-stamp]")!.TextContent);
        Assert.NotNull(live.QuerySelector($"[data-testid=frozen-list] a[href='{frozenUrl}']"));
        await GetDocumentAsync(await SignInAsync("hcm"), frozenUrl, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_year_out_of_range_or_an_organization_out_of_scope_is_refused_and_changes_nothing()
    {
        _ward = await OrganizationIdAsync("X00004");
        var staff = await SignInAsync("xa.badinh");
        foreach (var year in new[] { 1999, 2027 })
        {
            var page = await GetDocumentAsync(staff, Url(year));
            Assert.Contains($"Năm {year} không hợp lệ", page.QuerySelector("[data-testid=errors]")!.TextContent);
            Assert.Null(page.QuerySelector("[data-testid=report]"));
            var refused = await PostFormAsync(staff, Url(year) + "&handler=Freeze", new(), Url());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("không hợp lệ", await refused.Content.ReadAsStringAsync());
        }
        // Freezing without the year shown is refused (nothing is frozen by default).
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(staff, $"/Reports/View?Form=AssessmentResults&OrganizationId={_ward}&handler=Freeze", new(), Url())).StatusCode);
        // An organization of another province: 404 for the form, its Excel, its freezing.
        var hcmWard = await OrganizationIdAsync("X26740");
        var foreign = $"/Reports/View?Form=AssessmentResults&OrganizationId={hcmWard}&Year=2025";
        await GetDocumentAsync(staff, foreign, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(foreign + "&handler=Excel")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(staff, foreign + "&handler=Freeze", new(), Url())).StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FrozenReports.IgnoreQueryFilters().CountAsync()));
        // A drill-down measure that is not one of the form's is explained, not a 500.
        var bad = await GetDocumentAsync(staff, $"/Reports/Members?Form=AssessmentResults&OrganizationId={_ward}&Year=2025&Measure=Bogus");
        Assert.Contains("Không rõ số liệu", bad.QuerySelector("[data-testid=errors]")!.TextContent);
    }
}
