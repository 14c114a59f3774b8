using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class RotationBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_cadre_is_rotated_to_another_city_from_the_post_page_refused_once_then_seen_by_the_receiving_city()
    {
        var (member, name) = await WithDbAsync(async db =>
        {
            var a = await db.Appointments.Where(a => a.EndedOn == null && a.PositionName.StartsWith("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình"))
                .OrderBy(a => a.Id).FirstAsync();
            return (a.MemberId, await db.Members.Where(m => m.Id == a.MemberId).Select(m => m.FullName).SingleAsync());
        });
        var today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);

        var page = await SignInInBrowserAsync("hanoi");
        await page.GotoAsync($"{BaseUrl}/Cadres/Appoint/{member}");
        await page.GetByTestId("new-rotation").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Ghi luân chuyển cán bộ — {name}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rule")).ToContainTextAsync("Quy định 65-QĐ/TW");
        await page.GetByLabel("Nơi đến: mã tổ chức đảng").FillAsync("T79");
        await page.GetByLabel("Chức vụ nơi đến", new() { Exact = true }).FillAsync("Phó Chủ tịch Ủy ban nhân dân Thành phố");
        await page.GetByLabel("Cấp của chức vụ nơi đến").SelectOptionAsync("Provincial");
        await page.GetByLabel("Số quyết định").FillAsync("1234-QĐ/TW");
        await page.GetByLabel("Ngày quyết định").FillAsync($"{today.AddDays(-10):dd/MM/yyyy}");
        // A start before the decision is refused, the form keeps what was typed.
        await page.GetByLabel("Luân chuyển từ ngày").FillAsync($"{today.AddDays(-11):dd/MM/yyyy}");
        await page.GetByLabel("Đến ngày (dự kiến)").FillAsync($"{today.AddDays(-11).AddYears(3):dd/MM/yyyy}");
        await page.GetByLabel("Mục đích luân chuyển").FillAsync("Đào tạo, rèn luyện thực tiễn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi luân chuyển" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("không thể trước ngày quyết định");
        await Expect(page.GetByLabel("Chức vụ nơi đến", new() { Exact = true })).ToHaveValueAsync("Phó Chủ tịch Ủy ban nhân dân Thành phố");

        await page.GetByLabel("Luân chuyển từ ngày").FillAsync($"{today:dd/MM/yyyy}");
        await page.GetByLabel("Đến ngày (dự kiến)").FillAsync($"{today.AddYears(3).AddDays(-1):dd/MM/yyyy}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi luân chuyển" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã ghi luân chuyển {name}");
        await Expect(page.GetByTestId("rotation")).ToContainTextAsync("Từ dưới lên");
        await Expect(page.GetByTestId("rotation")).ToContainTextAsync("thành phố Hồ Chí Minh");
        await ScreenshotAsync(page, "rotation-details");

        var hcm = await SignInInBrowserAsync("hcm");
        await hcm.GotoAsync($"{BaseUrl}/Cadres/Rotations");
        await Expect(hcm.GetByTestId("rotations")).ToContainTextAsync(name);
        await hcm.GetByTestId("rotations").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(hcm.GetByTestId("cadre-rotations")).ToContainTextAsync("1234-QĐ/TW");
        await ScreenshotAsync(hcm, "rotation-receiving");
    }
}

public sealed class CadreReportBrowserTests : BrowserTest
{
    [Fact]
    public async Task The_cadre_report_draws_its_charts_and_prints_without_the_buttons()
    {
        var page = await SignInInBrowserAsync("hanoi");
        await page.GotoAsync($"{BaseUrl}/Cadres/Report");
        await Expect(page.GetByTestId("levels")).ToContainTextAsync("Lãnh đạo cấp tỉnh");
        // Chart.js has drawn every chart (a chart instance per canvas).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('canvas[id^=chart-]').length === 6 && [...document.querySelectorAll('canvas[id^=chart-]')].every(c => window.Chart && Chart.getChart(c))");
        await ScreenshotAsync(page, "cadre-report");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("excel")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("levels")).ToBeVisibleAsync();
    }
}
