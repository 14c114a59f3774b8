using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>The cadre report on the demo data: Hà Nội's 10 cadres (3 provincial leaders, 3 department heads, 4 of phường
/// Ba Đình; 4 women; a doctor and a master), Hồ Chí Minh City's 2 — each province sees its own; the Excel read back.</summary>
public sealed class CadreReportTests : AppTest
{
    private static string[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task The_report_counts_the_cadres_of_the_scope_by_level_gender_age_theory_and_education_and_exports_them()
    {
        var hanoi = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(hanoi, "/Cadres/Report");
        var total = Cells(page.QuerySelector("[data-testid=levels] tr[data-row='Tổng số']")!);
        Assert.Equal(["Tổng số", "10", "4", "0"], total[..4]);
        // Ages, theory and education each add up to the total; two degrees among them.
        Assert.Equal(10, total[4..9].Sum(int.Parse));
        Assert.Equal(10, total[9..14].Sum(int.Parse));
        Assert.Equal(["1", "1", "0", "0", "8"], total[14..19]);
        Assert.Equal(["Lãnh đạo cấp tỉnh", "3"], Cells(page.QuerySelector("[data-testid=levels] tr[data-row='Lãnh đạo cấp tỉnh']")!)[..2]);
        Assert.Equal(["Lãnh đạo cấp xã", "4"], Cells(page.QuerySelector("[data-testid=levels] tr[data-row='Lãnh đạo cấp xã']")!)[..2]);
        Assert.Contains("dưới 30, từ 30 đến 40", page.QuerySelector("[data-testid=rule]")!.TextContent);
        Assert.Equal(4, page.QuerySelectorAll("[data-testid=levels] thead th[colspan]").Length);
        Assert.Contains(page.QuerySelectorAll("[data-testid=planned] tbody tr").Select(Cells), r => r[0] == "Bí thư Thành ủy" && r[2] == "2");
        var years = page.QuerySelectorAll("[data-testid=retirements] tbody tr").Select(Cells).ToList();
        Assert.Equal(5, years.Count);
        Assert.Equal(OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System).Year.ToString(), years[0][0]);
        Assert.Equal(6, page.QuerySelectorAll("canvas[id^=chart-]").Length);

        var excel = await hanoi.GetAsync("/Cadres/Report?handler=Excel");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        using var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var rows = reader.ReadRows().ToList();
        Assert.Equal("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ", rows[0][1].Text);
        Assert.Contains(rows, r => r.Cells.Any(c => c.Text == "Đơn vị: Đảng bộ thành phố Hà Nội"));
        Assert.Contains(reader.ReadMergedRanges(), m => m.FirstRow == m.LastRow && m.LastColumn - m.FirstColumn == 4); // "Độ tuổi" over 5 bands
        Assert.Contains(rows, r => r.Cells.Any(c => c.Text == "Lý luận chính trị"));
        var totals = rows.Single(r => r[1].Text == "Tổng cộng");
        Assert.Equal(10, totals[3].Number);
        Assert.Equal(4, totals[4].Number);
        var provincial = rows.Single(r => r[2].Text == "Lãnh đạo cấp tỉnh");
        Assert.Equal(3, provincial[3].Number);

        // Hồ Chí Minh City: its own two cadres only.
        var hcm = await GetDocumentAsync(await SignInAsync("hcm"), "/Cadres/Report");
        Assert.Equal(["Tổng số", "2"], Cells(hcm.QuerySelector("[data-testid=levels] tr[data-row='Tổng số']")!)[..2]);
        Assert.DoesNotContain("Bí thư Thành ủy", hcm.QuerySelector("[data-testid=planned]")!.TextContent);
        Assert.Contains("Đảng bộ thành phố Hồ Chí Minh", hcm.QuerySelector("[data-testid=scope]")!.TextContent);
    }
}
