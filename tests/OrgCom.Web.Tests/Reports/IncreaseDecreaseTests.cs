using System.Net;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Tests.Reports;

public sealed class IncreaseDecreaseTests : ReportTest
{
    private string Url(long org, string from, string to, bool reconcile = true) =>
        $"/Reports/View?Form=IncreaseDecrease&OrganizationId={org}&From={from}&To={to}" + (reconcile ? "&Reconcile=true" : "");

    public static TheoryData<string, string, string, Dictionary<string, string>> Periods => new()
    {
        // The first half: the transfer issued on 25/06 and received on 03/07 is still the sender's on 30/06; the
        // temporary transfer never leaves A; the death on the last day of the period counts in it.
        { "01/01/2025", "30/06/2025", "A", new() { ["Opening"] = "8", ["Admitted"] = "1", ["Readmitted"] = "1", ["TransferredInOtherProvince"] = "1",
            ["TransferredInWithinProvince"] = "1", ["Died"] = "1", ["Expelled"] = "1", ["Removed"] = "2", ["Left"] = "1",
            ["TransferredOut"] = "0", ["Closing"] = "7", ["RecognizedOfficial"] = "1" } },
        { "01/01/2025", "30/06/2025", "B", new() { ["Opening"] = "1", ["TransferredOut"] = "1", ["TransferredInWithinProvince"] = "0", ["Closing"] = "0" } },
        // The second half: the transfer in transit is received; the death of 30/06 is before the opening.
        { "01/07/2025", "31/12/2025", "A", new() { ["Opening"] = "7", ["TransferredOut"] = "1", ["Died"] = "0", ["Admitted"] = "0", ["Closing"] = "6" } },
        // A period of one day at the boundary: 30/06 holds only the death.
        { "30/06/2025", "30/06/2025", "A", new() { ["Opening"] = "8", ["Died"] = "1", ["Removed"] = "0", ["Closing"] = "7" } },
        // A period ending the day before the death.
        { "01/06/2025", "29/06/2025", "A", new() { ["Removed"] = "1", ["Died"] = "0", ["TransferredInWithinProvince"] = "1", ["Closing"] = "8" } },
        { "01/01/2025", "31/12/2025", "A", new() { ["Opening"] = "8", ["TransferredOut"] = "1", ["Closing"] = "6" } },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Each_row_counts_its_subtree_and_opening_plus_increases_minus_decreases_is_the_closing(
        string from, string to, string cell, Dictionary<string, string> expected)
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, Url(Commune, from, to));
        var id = cell == "A" ? A : B;
        var row = page.QuerySelector($"[data-testid=report] tbody tr[data-organization='{id}']");
        Assert.NotNull(row);
        var cells = Cells(row!);
        foreach (var (key, value) in expected)
            Assert.True(cells[key] == value, $"{cell} {from}–{to} {key}: {cells[key]}, expected {value}");
        Assert.Equal("✓", row!.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Contains("khớp", page.QuerySelector("[data-testid=balance]")!.TextContent);
        Assert.DoesNotContain("KHÔNG KHỚP", page.QuerySelector("[data-testid=balance]")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Without_reconciling_the_pre_aggregated_numbers_are_the_same_and_no_check_is_claimed(
        string from, string to, string cell, Dictionary<string, string> expected)
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, Url(Commune, from, to, reconcile: false));
        var row = page.QuerySelector($"[data-testid=report] tbody tr[data-organization='{(cell == "A" ? A : B)}']")!;
        var cells = Cells(row);
        foreach (var (key, value) in expected)
            Assert.True(cells[key] == value, $"{cell} {from}–{to} {key}: {cells[key]}, expected {value}");
        Assert.False(cells.ContainsKey("balance"));
        Assert.Null(page.QuerySelector("[data-testid=balance]"));
        Assert.Contains("Chưa đối chiếu", page.QuerySelector("[data-testid=not-reconciled]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=reconcile]"));
    }

    [Fact]
    public async Task A_member_row_changed_without_its_event_shows_as_a_difference_in_the_check_not_hidden()
    {
        // "Lê Văn Ra Đảng" left on 01/04/2025 (event recorded). Someone puts the row back to official by SQL, with no
        // readmission event: the closing count sees the member, the period's events say one left.
        var left = People["Lê Văn Ra Đảng"];
        await ScalarAsync("update members set status = 'Official', ended_on = null where id = @id; select 0", ("id", left));
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, Url(Commune, "01/01/2025", "30/06/2025"));
        var row = page.QuerySelector($"[data-testid=report] tbody tr[data-organization='{A}']")!;
        var cells = Cells(row);
        Assert.Equal("8", cells["Opening"]);
        Assert.Equal("1", cells["Left"]);
        Assert.Equal("8", cells["Closing"]);
        Assert.Equal("+1", cells["balance"]);
        Assert.Equal("+1", Cells(page.QuerySelector("[data-testid=totals]")!)["balance"]);
        // Cell B still balances.
        Assert.Equal("✓", Cells(page.QuerySelector($"[data-testid=report] tbody tr[data-organization='{B}']")!)["balance"]);
        var summary = page.QuerySelector("[data-testid=balance]")!;
        Assert.Contains("lệch +1", summary.TextContent);
        Assert.Contains("1 dòng không khớp", summary.TextContent);
        Assert.Contains("text-danger", summary.ClassName);
        // The Excel says it too.
        using (var reader = XlsxReader.Open(new MemoryStream(await (await client.GetAsync(Url(Commune, "01/01/2025", "30/06/2025") + "&handler=Excel")).Content.ReadAsByteArrayAsync())))
            Assert.Contains(reader.ReadRows(), r => r.Cells.Any(c => c.Text?.Contains("lệch +1 đảng viên; dòng không khớp: Chi bộ Thống kê A") == true));
        // The closing number and its list agree: the member is listed at the closing date.
        var closing = await GetDocumentAsync(client, row.QuerySelector("td[data-column='Closing'] a")!.GetAttribute("href")!);
        Assert.Contains("Lê Văn Ra Đảng", closing.QuerySelector("[data-testid=members]")!.TextContent);
        Assert.Contains("Tổng số: 8", closing.QuerySelector("[data-testid=drill-summary]")!.TextContent);
    }

    [Fact]
    public async Task The_counts_agree_with_the_membership_at_date_seam_on_every_day_around_the_changes()
    {
        var root = await RootPathAsync(Commune);
        foreach (var day in new[] { D(2024, 12, 31), D(2025, 2, 1), D(2025, 3, 5), D(2025, 4, 14), D(2025, 4, 15), D(2025, 6, 4), D(2025, 6, 5),
                     D(2025, 6, 29), D(2025, 6, 30), D(2025, 7, 2), D(2025, 7, 3), D(2026, 11, 20) })
        {
            var seam = await ScalarAsync("select count(*) from membership_at(@p::ltree, @d)", ("p", root), ("d", day));
            var counts = await ScalarAsync($"""
                with subtree as (select id from organizations where path <@ @p::ltree)
                select coalesce(sum(n), 0) from ({OrgCom.Web.Features.Reports.MembershipAtDate.CountsSql.Replace("@date", "@d")}) x
                """, ("p", root), ("d", day));
            Assert.True(seam == counts, $"{day}: membership_at {seam}, counts {counts}");
            // The per-member count the increase/decrease report's opening and closing use: membership_at per organization.
            var perMember = $"(select organization_id, n from ({OrgCom.Web.Features.Reports.MembershipAtDate.CountsAtSql.Replace("@date", "@d")}) a where n <> 0)";
            var differ = await ScalarAsync($"""
                with subtree as (select id from organizations where path <@ @p::ltree)
                select count(*) from (({perMember} except select organization_id, count(*) from membership_at(@p::ltree, @d) group by 1)
                    union all (select organization_id, count(*) from membership_at(@p::ltree, @d) group by 1 except {perMember})) d
                """, ("p", root), ("d", day));
            Assert.True(differ == 0, $"{day}: {differ} organizations counted differently");
        }
        // Where each one was: in transit on 30/06, the member is still A's; on 03/07 with C.
        var transit = People["Lê Văn Đang Chuyển"];
        Assert.Equal(A, await ScalarAsync("select organization_id from membership_at(@p::ltree, @d) where member_id = @m",
            ("p", await RootPathAsync(A)), ("d", D(2025, 6, 30)), ("m", transit)));
        Assert.Equal(C, await ScalarAsync("select organization_id from membership_at(@p::ltree, @d) where member_id = @m",
            ("p", await RootPathAsync(C)), ("d", D(2025, 7, 3)), ("m", transit)));
        Assert.Equal(0, await ScalarAsync("select count(*) from membership_at(@p::ltree, @d) where member_id = @m",
            ("p", await RootPathAsync(A)), ("d", D(2025, 7, 3)), ("m", transit)));
    }

    private Task<string> RootPathAsync(long id) => WithDbAsync(async db =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Organizations.Where(o => o.Id == id).Select(o => Microsoft.EntityFrameworkCore.EF.Property<Microsoft.EntityFrameworkCore.LTree>(o, "Path")))).ToString());

    [Fact]
    public async Task Any_number_drills_down_to_the_members_behind_it_and_rows_go_down_a_level()
    {
        var client = await SignInAsync("hanoi");
        var province = await OrganizationIdAsync("T01");
        var top = await GetDocumentAsync(client, Url(province, "01/01/2025", "30/06/2025"));
        var communeRow = top.QuerySelector($"[data-testid=report] tbody tr[data-organization='{Commune}'] a[href^='/Reports/View']");
        Assert.NotNull(communeRow);
        var commune = await GetDocumentAsync(client, communeRow!.GetAttribute("href")!);
        var link = commune.QuerySelector($"tr[data-organization='{A}'] td[data-column=TransferredInWithinProvince] a")!.GetAttribute("href")!;
        var list = await GetDocumentAsync(client, link);
        var names = list.QuerySelector("[data-testid=members]")!.TextContent;
        Assert.Contains("Lê Văn Trong Tỉnh", names);
        Assert.DoesNotContain("Lê Văn Kết Nạp", names);

        var opening = await GetDocumentAsync(client, commune.QuerySelector($"tr[data-organization='{A}'] td[data-column=Opening] a")!.GetAttribute("href")!);
        var openingNames = opening.QuerySelector("[data-testid=members]")!.TextContent;
        Assert.Contains("Lê Văn Từ Trần", openingNames);
        Assert.DoesNotContain("Lê Thị Tỉnh Khác", openingNames);
        // Eight at the opening; the one since transferred to Hồ Chí Minh City is counted, not shown to Hà Nội.
        Assert.Contains("Tổng số: 8 đảng viên", opening.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        Assert.Contains("1 đảng viên nay thuộc tổ chức ngoài phạm vi", opening.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        Assert.DoesNotContain("Lê Văn Đang Chuyển", openingNames);
        Assert.Equal(7, opening.QuerySelectorAll("[data-testid=members] tbody tr").Length);

        // The member transferred out to Hồ Chí Minh City is counted but not shown to Hà Nội.
        var second = await GetDocumentAsync(client, $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={A}&From=01/07/2025&To=31/12/2025&Measure=TransferredOut");
        Assert.Contains("1 đảng viên nay thuộc tổ chức ngoài phạm vi", second.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        Assert.DoesNotContain("Lê Văn Đang Chuyển", second.QuerySelector("[data-testid=members]")!.TextContent);
    }

    [Fact]
    public async Task The_excel_file_has_the_official_layout_with_merged_headers_and_totals()
    {
        var client = await SignInAsync("hanoi");
        var response = await client.GetAsync(Url(Commune, "01/01/2025", "30/06/2025") + "&handler=Excel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XlsxReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var rows = reader.ReadRows().ToList();
        var texts = rows.SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.Equal("BÁO CÁO TĂNG, GIẢM ĐẢNG VIÊN", texts[0]);
        Assert.Contains(texts, t => t is not null && t.StartsWith("Đơn vị: ") && t.Contains("Ba Đình"));
        Assert.Contains("Từ ngày 01/01/2025 đến ngày 30/06/2025", texts);
        Assert.Contains("Tăng", texts);
        Assert.Contains("Giảm", texts);
        Assert.Contains("Tổng cộng", texts);
        Assert.Contains("Kiểm tra đầu kỳ + tăng − giảm = cuối kỳ: khớp", texts);
        var rowA = rows.Single(r => r.Cells.Any(c => c.Text == "Chi bộ Thống kê A"));
        var numbers = rowA.Cells.Where(c => c.Kind == XlsxCellKind.Number).Select(c => c.Number!.Value).ToList();
        Assert.Equal([8, 1, 1, 1, 1, 1, 1, 2, 1, 0, 7, 1], numbers.Skip(1).Take(12));
        var totals = rows.Single(r => r.Cells.Any(c => c.Text == "Tổng cộng"));
        Assert.Contains(totals.Cells, c => c.Formula is not null && c.Formula.StartsWith("SUM(", StringComparison.OrdinalIgnoreCase));

        using var again = XlsxReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var merged = again.ReadMergedRanges().Select(m => m.Reference).ToList();
        Assert.Contains(merged, m => m.StartsWith("A1:", StringComparison.Ordinal));
        Assert.True(merged.Count >= 8, string.Join(", ", merged));
    }

    [Fact]
    public async Task A_user_of_another_province_gets_not_found_for_the_report_the_drill_down_and_the_excel()
    {
        var client = await SignInAsync("hcm");
        foreach (var url in new[]
                 {
                     Url(Commune, "01/01/2025", "30/06/2025"), Url(A, "01/01/2025", "30/06/2025") + "&handler=Excel",
                     $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={A}&From=01/01/2025&To=30/06/2025&Measure=Opening",
                     $"/Reports/Members?Form=MembersAtDate&OrganizationId={A}&To=30/06/2025&Measure=c:Male&handler=Excel",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        // And Hà Nội's user cannot see Hồ Chí Minh City's cell.
        var hanoi = await SignInAsync("hanoi");
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync(Url(C, "01/01/2025", "30/06/2025"))).StatusCode);
    }

    [Fact]
    public async Task Bad_dates_get_a_clear_message()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, Url(Commune, "01/07/2025", "30/06/2025"));
        Assert.Contains("Ngày đầu kỳ (01/07/2025) phải trước hoặc bằng ngày cuối kỳ (30/06/2025).", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=report]"));
        var bad = await GetDocumentAsync(client, Url(Commune, "31/02/2025", "30/06/2025"));
        Assert.Contains("Ngày đầu kỳ \"31/02/2025\" không phải ngày hợp lệ", bad.Body!.TextContent);
    }
}
