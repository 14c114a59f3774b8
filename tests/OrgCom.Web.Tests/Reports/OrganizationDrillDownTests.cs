using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Features.Reports;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Assessments;

namespace OrgCom.Web.Tests.Reports;

/// <summary>Shared checks of a drill-down to organizations: the number clicked is the total listed.</summary>
internal static class OrganizationDrill
{
    public static long Number(string text) => long.Parse(text.Trim().Replace(".", ""));

    /// <summary>Opens every link of the cells matching <paramref name="cells"/> (a selector) and checks the list.</summary>
    public static async Task<int> CheckAllAsync(Func<string, Task<AngleSharp.Html.Dom.IHtmlDocument>> open, IDocument report, string cells)
    {
        var opened = 0;
        foreach (var link in report.QuerySelectorAll($"{cells} a"))
        {
            var expected = Number(link.TextContent);
            var list = await open(WebUtility.HtmlDecode(link.GetAttribute("href")!));
            Assert.Contains($"Tổng số: {ReportRequest.Number(expected)} tổ chức", list.QuerySelector("[data-testid=drill-summary]")!.TextContent);
            Assert.Equal(Math.Min(expected, OrganizationsModel.PageSize), list.QuerySelectorAll("[data-testid=organizations] tbody tr").Length);
            opened++;
        }
        return opened;
    }
}

/// <summary>The organizations-by-kind form: each count opens the organizations behind it (ADR 0011, drill-down).</summary>
public sealed class OrganizationDrillDownTests : ReportTest
{
    private static string KindsUrl(long org, string date) => $"/Reports/View?Form=OrganizationsByKind&OrganizationId={org}&To={date}";

    [Fact]
    public async Task Every_count_of_organizations_by_kind_lists_the_organizations_behind_it_and_the_members_column_its_members()
    {
        var client = await SignInAsync("hanoi");
        var hanoi = await OrganizationIdAsync("T01");
        var report = await GetDocumentAsync(client, KindsUrl(Commune, "31/12/2025"));
        Assert.True(await OrganizationDrill.CheckAllAsync(u => GetDocumentAsync(client, u), report, "[data-testid=report] td[data-column^='k:']") >= 2);
        // The province: the totals of each kind.
        var province = await GetDocumentAsync(client, KindsUrl(hanoi, "31/12/2025"));
        Assert.True(await OrganizationDrill.CheckAllAsync(u => GetDocumentAsync(client, u), province, "[data-testid=totals] td[data-column^='k:']") >= 1);
        // The chart draws the counts by kind (the totals), not the members.
        var chart = System.Text.Json.JsonDocument.Parse(province.QuerySelector("canvas#report-chart")!.GetAttribute("data-chart")!).RootElement;
        var kinds = province.QuerySelectorAll("[data-testid=totals] td[data-column^='k:']").Select(td => OrganizationDrill.Number(td.TextContent)).ToList();
        Assert.Equal(kinds, chart.GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(e => e.GetInt64()).ToList());
        Assert.Contains(kinds, n => n > 0);
        // A cell listed with its kind, its parent, its members at the date.
        var row = report.QuerySelector($"tr[data-organization='{A}'] td[data-column^='k:'] a")!;
        var list = await GetDocumentAsync(client, WebUtility.HtmlDecode(row.GetAttribute("href")!));
        var line = list.QuerySelector($"[data-testid=organizations] tr[data-organization='{A}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Chi bộ Thống kê A", line[1]);
        Assert.Equal("Đảng bộ phường Ba Đình", line[3]);
        Assert.Equal(report.QuerySelector($"tr[data-organization='{A}'] td[data-column='Members']")!.TextContent.Trim(), line[5]);
        // "Số đảng viên" opens the members.
        var members = report.QuerySelector($"tr[data-organization='{A}'] td[data-column='Members'] a")!;
        var drill = await GetDocumentAsync(client, WebUtility.HtmlDecode(members.GetAttribute("href")!));
        Assert.Contains($"Tổng số: {members.TextContent.Trim()} đảng viên", drill.QuerySelector("[data-testid=drill-summary]")!.TextContent);

        // The Excel: audited like the member drill-down's.
        var excel = await client.GetAsync(WebUtility.HtmlDecode(row.GetAttribute("href")!) + "&handler=Excel");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        var entry = Assert.Single(await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.EntityType == "organizations" && a.EntityKey == "export").ToListAsync()));
        Assert.Equal((AuditAction.View, "hanoi", Commune), (entry.Action, entry.UserName, entry.OrganizationId!.Value));
        Assert.Contains("Xuất Excel danh sách tổ chức theo báo cáo", entry.Reason);

        // Another province: not found; bad input: a Vietnamese message; a row that is not one of the report's: not found.
        var link = WebUtility.HtmlDecode(row.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync("hcm")).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync("hcm")).GetAsync(link + "&handler=Excel")).StatusCode);
        var bogus = await GetDocumentAsync(client, $"/Reports/Organizations?Form=OrganizationsByKind&OrganizationId={Commune}&To=31/12/2025&Measure=k:Bogus");
        Assert.Contains("Không rõ số liệu cần xem danh sách.", bogus.QuerySelector("[data-testid=errors]")!.TextContent);
        var badDate = await GetDocumentAsync(client, $"/Reports/Organizations?Form=OrganizationsByKind&OrganizationId={Commune}&To=31/02/2025&Measure=k:GrassrootsCell");
        Assert.Contains("không phải ngày hợp lệ", badDate.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(
            $"/Reports/Organizations?Form=OrganizationsByKind&OrganizationId={Commune}&To=31/12/2025&Measure=k:GrassrootsCell&Row={hanoi}")).StatusCode);
    }

    [Fact]
    public async Task A_row_since_taken_to_another_province_is_counted_but_its_organizations_are_not_shown()
    {
        var admin = await SignInAsync("admin");
        var hanoi = await OrganizationIdAsync("T01");
        var applied = await PostFormAsync(admin, $"/Organizations/Merge/{Commune}?handler=Apply", new()
        {
            ["SourceCodes"] = "X00004", ["DecisionNumber"] = "91-QĐ/TW", ["EffectiveOn"] = "01/09/2025",
            ["NewTarget"] = "false", ["TargetCode"] = "X26740",
        }, $"/Organizations/Merge/{Commune}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var client = await SignInAsync("hanoi");
        var report = await GetDocumentAsync(client, KindsUrl(hanoi, "31/08/2025"));
        var link = report.QuerySelector($"tr[data-organization='{Commune}'] td[data-column='k:GrassrootsCell'] a")!;
        var n = OrganizationDrill.Number(link.TextContent);
        Assert.True(n > 0);
        var list = await GetDocumentAsync(client, WebUtility.HtmlDecode(link.GetAttribute("href")!));
        Assert.Contains($"Tổng số: {ReportRequest.Number(n)} tổ chức", list.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        Assert.Contains("ngoài phạm vi", list.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        Assert.Empty(list.QuerySelectorAll("[data-testid=organizations] tbody tr"));
    }
}

/// <summary>The assessment form's organization measures open the organizations behind them.</summary>
public sealed class AssessmentOrganizationsDrillDownTests : AssessmentTest
{
    [Fact]
    public async Task The_organizations_allowed_past_a_rule_and_those_not_approved_are_listed_with_the_reason_and_the_state()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var ward = await OrganizationIdAsync("X00004");
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        var leader = await SignInAsync("lanhdao.hanoi");
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(staff, url)).StatusCode);
        var members = await CellMembersAsync();
        await RateAllAsync(staff, url, members, members.Count / 2);
        const string reason = "Chi bộ đạt thành tích xuất sắc trong phòng chống dịch";
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Override",
            new() { ["RuleKey"] = "assessment.excellent_cap_percent_of_good", ["Reason"] = reason })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Approve")).StatusCode);

        var report = await GetDocumentAsync(staff, $"/Reports/View?Form=AssessmentResults&OrganizationId={ward}&Year=2025");
        var overrides = report.QuerySelector($"tr[data-organization='{cell}'] td[data-column='Overrides'] a")!;
        Assert.Equal("1", overrides.TextContent.Trim());
        var list = await GetDocumentAsync(staff, WebUtility.HtmlDecode(overrides.GetAttribute("href")!));
        Assert.Contains("Tổng số: 1 tổ chức", list.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        var assessment = list.QuerySelector($"[data-testid=organizations] tr[data-organization='{cell}'] [data-testid=assessment]")!.TextContent;
        Assert.Contains(reason, assessment);
        Assert.Contains("lanhdao.hanoi", assessment);
        // Every number of both measures (rows and totals) is the length of its list; the approved cell is not "not approved".
        Assert.True(await OrganizationDrill.CheckAllAsync(u => GetDocumentAsync(staff, u), report, "[data-testid=report] td[data-column='Overrides']") >= 2);
        Assert.True(await OrganizationDrill.CheckAllAsync(u => GetDocumentAsync(staff, u), report, "[data-testid=report] td[data-column='NotApproved']") >= 2);
        var notApproved = report.QuerySelector("[data-testid=totals] td[data-column='NotApproved'] a")!;
        var pending = await GetDocumentAsync(staff, WebUtility.HtmlDecode(notApproved.GetAttribute("href")!));
        Assert.Null(pending.QuerySelector($"[data-testid=organizations] tr[data-organization='{cell}']"));
        Assert.Contains("Chưa lập danh sách đánh giá", pending.QuerySelector("[data-testid=organizations]")!.TextContent);

        // Excel audited; another province: not found; an unknown measure: a message.
        var excel = await staff.GetAsync(WebUtility.HtmlDecode(overrides.GetAttribute("href")!) + "&handler=Excel");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        Assert.True(await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityType == "organizations"
            && a.EntityKey == "export" && a.UserName == "xa.badinh" && a.Reason!.Contains("Tổ chức được cho phép vượt quy định"))));
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync("hcm")).GetAsync(WebUtility.HtmlDecode(overrides.GetAttribute("href")!))).StatusCode);
        var bogus = await GetDocumentAsync(staff, $"/Reports/Organizations?Form=AssessmentResults&OrganizationId={ward}&Year=2025&Measure=Rated");
        Assert.Contains("Không rõ số liệu cần xem danh sách.", bogus.QuerySelector("[data-testid=errors]")!.TextContent);
    }
}
