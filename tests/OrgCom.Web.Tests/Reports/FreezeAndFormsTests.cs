using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Tests.Reports;

public sealed class FreezeAndFormsTests : ReportTest
{
    private string Url(long org) => $"/Reports/View?Form=IncreaseDecrease&OrganizationId={org}&From=01/01/2025&To=30/06/2025";

    [Fact]
    public async Task A_frozen_report_keeps_its_numbers_after_the_data_changes_and_shows_who_froze_it_when()
    {
        var client = await SignInAsync("hanoi");
        var freeze = await PostFormAsync(client, Url(Commune) + "&handler=Freeze", new() { ["Note"] = "Báo cáo 6 tháng đầu năm" }, Url(Commune));
        Assert.Equal(HttpStatusCode.Redirect, freeze.StatusCode);
        var frozenUrl = freeze.Headers.Location!.OriginalString;
        Assert.StartsWith("/Reports/Frozen/", frozenUrl);

        // A late entry changes the live report, not the frozen one.
        var rules = Factory.Services.GetRequiredService<RuleBookProvider>();
        await WithDbAsync(async db =>
        {
            db.Members.Add(Member.Import(A, new Identity("Lê Văn Nhập Muộn", null, Gender.Male, D(1990, 1, 1), false, null, null, null, null, "Kinh", null, null),
                MemberStatus.Probationary, D(2025, 5, 1), D(2025, 5, 10), null, null, "(kiểm thử)"));
            return await db.SaveChangesAsync();
        });
        var live = await GetDocumentAsync(client, Url(Commune));
        Assert.Equal("2", Cells(live.QuerySelector($"tr[data-organization='{A}']")!)["Admitted"]);

        var frozen = await GetDocumentAsync(client, frozenUrl);
        Assert.Equal("1", Cells(frozen.QuerySelector($"tr[data-organization='{A}']")!)["Admitted"]);
        Assert.Equal("7", Cells(frozen.QuerySelector($"tr[data-organization='{A}']")!)["Closing"]);
        var stamp = frozen.QuerySelector("[data-testid=frozen-stamp]")!.TextContent;
        Assert.Contains("hanoi", stamp);
        Assert.Contains("20/11/2026", stamp);
        Assert.Contains("Báo cáo 6 tháng đầu năm", stamp);

        // Listed on the report page and the reports index; audited with its reason.
        Assert.NotNull(live.QuerySelector($"[data-testid=frozen-list] a[href='{frozenUrl}']"));
        var audit = await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "frozen_reports").ToListAsync());
        var line = Assert.Single(audit);
        Assert.Equal("hanoi", line.UserName);
        Assert.Contains("Chốt số liệu", line.Reason);
        Assert.Equal(Commune, line.OrganizationId);

        // Excel of the frozen report has the frozen numbers.
        using var reader = OrgCom.Web.Infrastructure.Export.XlsxReader.Open(new MemoryStream(await (await client.GetAsync(frozenUrl + "?handler=Excel")).Content.ReadAsByteArrayAsync()));
        var rowA = reader.ReadRows().Single(r => r.Cells.Any(c => c.Text == "Chi bộ Thống kê A"));
        Assert.Equal(1, rowA.Cells.Where(c => c.Kind == OrgCom.Web.Infrastructure.Export.XlsxCellKind.Number).Skip(2).First().Number);

        // Its numbers are not in the audit line, so the database refuses to change or delete it at all.
        var id = long.Parse(frozenUrl.Split('/')[^1]);
        foreach (var sql in new[]
                 {
                     $"update frozen_reports set result_json = replace(result_json::text, '7', '9')::jsonb where id = {id}",
                     $"update frozen_reports set note = 'sửa' where id = {id}",
                     $"delete from frozen_reports where id = {id}",
                     "truncate frozen_reports",
                 })
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => OrgCom.Web.Tests.Infrastructure.TestDatabase.ExecuteAsync(sql, DatabaseName));
            Assert.Contains("cannot be changed or deleted", refused.MessageText);
        }
        Assert.Equal("7", Cells((await GetDocumentAsync(client, frozenUrl)).QuerySelector($"tr[data-organization='{A}']")!)["Closing"]);

        // Another province sees nothing of it.
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(frozenUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(frozenUrl + "?handler=Excel")).StatusCode);
        Assert.DoesNotContain(frozenUrl, await (await hcm.GetAsync("/Reports")).Content.ReadAsStringAsync());
        Assert.Contains(frozenUrl, await (await client.GetAsync("/Reports")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reporting_date_still_to_come_cannot_be_frozen_and_nothing_is_stored()
    {
        var client = await SignInAsync("hanoi");
        var future = $"/Reports/View?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2026&To=31/12/2026";
        var response = await PostFormAsync(client, future + "&handler=Freeze", new() { ["Note"] = "Cả năm 2026" }, future);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("ngày báo cáo chưa đến", errors);
        Assert.Contains("31/12/2026", errors);
        Assert.Equal(0, await WithDbAsync(db => db.FrozenReports.IgnoreQueryFilters().CountAsync()));
        Assert.False(await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityType == "frozen_reports")));
        // Today itself can be frozen.
        var today = $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=20/11/2026&Dimension=Gender";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, today + "&handler=Freeze", new(), today)).StatusCode);
    }

    [Fact]
    public async Task Freezing_needs_write_permission_and_a_reader_cannot_freeze()
    {
        var leader = await SignInAsync("lanhdao.hanoi");
        var page = await GetDocumentAsync(leader, Url(Commune));
        if (page.QuerySelector("[data-testid=freeze-form]") is null)
        {
            var response = await PostFormAsync(leader, Url(Commune) + "&handler=Freeze", new(), Url(Commune));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(0, await WithDbAsync(db => db.FrozenReports.IgnoreQueryFilters().CountAsync()));
        }
        var hcm = await SignInAsync("hcm");
        var foreign = await PostFormAsync(hcm, Url(Commune) + "&handler=Freeze", new(), "/Reports");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.FrozenReports.IgnoreQueryFilters().CountAsync(f => f.OrganizationId == Commune && f.FrozenBy == "hcm")));
    }

    [Fact]
    public async Task Members_at_a_date_break_down_by_each_criterion_and_drill_down_to_the_category()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=30/06/2025&Dimension=Gender");
        var a = Cells(page.QuerySelector($"tr[data-organization='{A}']")!);
        Assert.Equal("7", a["Members"]);
        Assert.Equal("2", a["c:Female"]);
        Assert.Equal("5", a["c:Male"]);
        var women = await GetDocumentAsync(client, page.QuerySelector($"tr[data-organization='{A}'] td[data-column='c:Female'] a")!.GetAttribute("href")!);
        var names = women.QuerySelector("[data-testid=members]")!.TextContent;
        Assert.Contains("Lê Thị Tỉnh Khác", names);
        Assert.Contains("Lê Thị Chính Thức", names);
        Assert.DoesNotContain("Lê Văn", names);

        var status = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={A}&To=30/06/2025&Dimension=Status");
        var own = Cells(status.QuerySelector($"tr[data-organization='{A}']")!);
        Assert.Equal("2", own["c:Probationary"]);   // admitted 10/03/2025; readmitted 15/04/2025 (probation again)
        Assert.Equal("5", own["c:Official"]);
        foreach (var dimension in Enum.GetNames<OrgCom.Web.Features.Reports.MemberDimension>())
        {
            var any = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=30/06/2025&Dimension={dimension}");
            Assert.Equal(Cells(page.QuerySelector("[data-testid=totals]")!)["Members"], Cells(any.QuerySelector("[data-testid=totals]")!)["Members"]);
        }
    }

    [Fact]
    public async Task Organizations_by_kind_count_the_tree_at_the_date_with_members_and_the_assessment_form_without_ratings_has_no_data()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Reports/View?Form=OrganizationsByKind&OrganizationId={Commune}&To=31/12/2025");
        var a = Cells(page.QuerySelector($"tr[data-organization='{A}']")!);
        Assert.Equal("1", a["k:GrassrootsCell"]);
        Assert.Equal("6", a["Members"]);
        // Before the cells were established (with the commune, 01/07/2025) they are not counted; their members are.
        var established = await WithDbAsync(db => db.Organizations.Where(o => o.Id == A).Select(o => o.EstablishedOn).SingleAsync());
        var early = await GetDocumentAsync(client, $"/Reports/View?Form=OrganizationsByKind&OrganizationId={Commune}&To={established.AddDays(-1):dd/MM/yyyy}");
        Assert.Equal("0", Cells(early.QuerySelector($"tr[data-organization='{A}']")!)["k:GrassrootsCell"]);

        var assessment = await GetDocumentAsync(client, $"/Reports/View?Form=AssessmentResults&OrganizationId={Commune}&Year=2025");
        Assert.Equal("Năm 2025", assessment.QuerySelector("[data-testid=period]")!.TextContent.Trim());
        Assert.Contains("Chưa có dữ liệu", assessment.QuerySelector("[data-testid=no-data]")!.TextContent);
        Assert.Null(assessment.QuerySelector("[data-testid=report]"));
    }
}
