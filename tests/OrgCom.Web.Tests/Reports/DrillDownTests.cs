using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Reports;

/// <summary>The drill-down's Excel is audited and capped; wrong input gets a Vietnamese message, never a 500.</summary>
public sealed class DrillDownTests : ReportTest
{
    // Eight members at A's opening: a limit of 7 is just below it.
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["OrgCom:ReportMembersMaxExportRows"] = "7" };

    private string Drill(long org, string measure, string form = "IncreaseDecrease") =>
        $"/Reports/Members?Form={form}&OrganizationId={org}&From=01/01/2025&To=30/06/2025&Measure={measure}";

    [Fact]
    public async Task The_excel_of_a_drill_down_is_audited_like_a_dossier_view_and_capped()
    {
        var client = await SignInAsync("hanoi");
        var ok = await client.GetAsync(Drill(A, "Closing") + "&handler=Excel");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ok.Content.Headers.ContentType?.MediaType);
        var line = Assert.Single(await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.EntityType == "members" && a.EntityKey == "export").ToListAsync()));
        Assert.Equal(AuditAction.View, line.Action);
        Assert.Equal("hanoi", line.UserName);
        Assert.Equal(A, line.OrganizationId);
        Assert.Contains("Xuất Excel danh sách đảng viên theo báo cáo: Cuối kỳ — Chi bộ Thống kê A", line.Reason);

        // Eight at the opening: more than the limit of seven, refused with a message, nothing exported, nothing logged.
        var tooMany = await client.GetAsync(Drill(A, "Opening") + "&handler=Excel");
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Equal("text/html", tooMany.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Danh sách có 8 đảng viên, nhiều hơn 7 dòng một tệp Excel được phép", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == "members" && a.EntityKey == "export")));
    }

    [Fact]
    public async Task An_opening_of_a_report_at_a_date_and_a_huge_page_number_get_an_answer_not_an_error()
    {
        var client = await SignInAsync("hanoi");
        var opening = await client.GetAsync($"/Reports/Members?Form=MembersAtDate&OrganizationId={A}&To=30/06/2025&Measure=Opening");
        Assert.Equal(HttpStatusCode.OK, opening.StatusCode);
        Assert.Contains("Không rõ số liệu cần xem danh sách.", WebUtility.HtmlDecode(await opening.Content.ReadAsStringAsync()));

        foreach (var p in new[] { "2147483647", "999999999", "-5" })
        {
            var page = await GetDocumentAsync(client, Drill(A, "Opening") + "&p=" + p);
            // Brought within the pages there are: the only page, with the seven members Hà Nội may see.
            Assert.Equal(7, page.QuerySelectorAll("[data-testid=members] tbody tr").Length);
        }
    }

    [Fact]
    public async Task Freezing_with_a_form_that_does_not_exist_freezes_nothing_and_says_why()
    {
        var client = await SignInAsync("hanoi");
        var url = $"/Reports/View?Form=Bogus&OrganizationId={Commune}&From=01/01/2025&To=30/06/2025";
        var response = await PostFormAsync(client, url + "&handler=Freeze", new(),
            $"/Reports/View?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=30/06/2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Giá trị \"Bogus\" không hợp lệ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.FrozenReports.IgnoreQueryFilters().CountAsync()));
    }
}
