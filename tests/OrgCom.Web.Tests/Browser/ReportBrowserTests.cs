using Microsoft.Playwright;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class ReportBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_report_opens_goes_down_a_level_drills_down_to_members_and_downloads_as_excel()
    {
        var page = await SignInInBrowserAsync("hanoi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo thống kê" }).First.ClickAsync();
        await page.GetByTestId("forms").Locator(".card").Filter(new() { HasText = "Tăng, giảm đảng viên" })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByLabel("Từ ngày").FillAsync("01/01/2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();

        var report = page.GetByTestId("report");
        await Expect(report).ToBeVisibleAsync();
        await Expect(page.GetByTestId("not-reconciled")).ToBeVisibleAsync();
        await page.GetByTestId("reconcile").ClickAsync();
        await Expect(page.GetByTestId("balance")).ToContainTextAsync("khớp");
        await Expect(page.Locator("#report-chart")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "report-province");

        // Down one level: the first commune.
        var commune = report.Locator("tbody tr td:nth-child(2) a").First;
        var communeName = (await commune.TextContentAsync())!.Trim();
        await commune.ClickAsync();
        await Expect(page.Locator(".breadcrumb")).ToContainTextAsync(communeName);

        // The number of admissions of the first row with any: the members behind it.
        var number = page.GetByTestId("report").Locator("tbody td[data-column=Admitted] a").First;
        var expected = (await number.TextContentAsync())!.Trim();
        await number.ClickAsync();
        await Expect(page.GetByTestId("drill-summary")).ToContainTextAsync($"Tổng số: {expected} đảng viên");
        await Expect(page.GetByTestId("members").Locator("tbody tr")).ToHaveCountAsync(Math.Min(int.Parse(expected.Replace(".", "")), 50));
        await ScreenshotAsync(page, "report-drill-down");
        await page.GoBackAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("excel").ClickAsync());
        var path = await download.PathAsync();
        using var reader = XlsxReader.Open(File.OpenRead(path!));
        var texts = reader.ReadRows().SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.Equal("BÁO CÁO TĂNG, GIẢM ĐẢNG VIÊN", texts[0]);
        Assert.Contains("Đơn vị: " + communeName, texts);
        Assert.Contains("Tăng", texts);
        Assert.Contains("Tổng cộng", texts);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
    }
}
