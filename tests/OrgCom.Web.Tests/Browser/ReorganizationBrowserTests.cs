using Microsoft.Playwright;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class ReorganizationBrowserTests : BrowserTest
{
    [Fact]
    public async Task Merge_two_cells_with_preview_then_read_the_history_and_the_tree_as_it_was()
    {
        var page = await SignInInBrowserAsync("hanoi");
        var cell = await OrganizationIdAsync("X00004.CB03");
        await page.GotoAsync($"/Organizations/Details/{cell}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hợp nhất, sáp nhập" }).ClickAsync();

        await page.GetByLabel("Mã các tổ chức hợp nhất, sáp nhập (mỗi dòng một mã)").FillAsync("X00004.CB03\nX00004.CB04");
        await page.GetByLabel("Thành lập tổ chức mới").CheckAsync();
        await page.GetByLabel("Mã tổ chức mới").FillAsync("X00004.CB34");
        await page.GetByLabel("Tên", new() { Exact = true }).FillAsync("Chi bộ Tổ dân phố số 3-4");
        await page.GetByLabel("Loại", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Chi bộ trực thuộc" });
        await page.GetByLabel("Mã cấp trên").FillAsync("X00004");
        await page.GetByLabel("Số quyết định").FillAsync("70-QĐ/ĐU");
        await page.GetByLabel("Ngày hiệu lực").FillAsync("01/10/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();

        // The preview: what moves where and the counts, nothing changed yet.
        await Expect(page.GetByTestId("preview")).ToContainTextAsync("chưa có gì thay đổi");
        await Expect(page.GetByTestId("preview-moves")).ToContainTextAsync("Chi bộ Tổ dân phố số 3");
        await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("Chi bộ Tổ dân phố số 3-4 (thành lập mới)");
        await ScreenshotAsync(page, "merge-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã hợp nhất, sáp nhập theo quyết định 70-QĐ/ĐU");
        await Expect(page.GetByTestId("summary")).ToContainTextAsync("Chi bộ Tổ dân phố số 3-4");

        // The history of a merged cell.
        await page.GetByTestId("events").GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Hợp nhất, sáp nhập — 01/10/2025");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("vào Chi bộ Tổ dân phố số 3-4");

        // The ward as it was on 30/09/2025: the two old cells, not the new one; from 01/10/2025 the other way round.
        var ward = await OrganizationIdAsync("X00004");
        await page.GotoAsync($"/Organizations/Details/{ward}");
        await page.GetByLabel("Xem tại ngày").FillAsync("30/09/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem tại ngày" }).ClickAsync();
        await Expect(page.GetByTestId("as-of")).ToContainTextAsync("tại ngày 30/09/2025");
        var children = page.GetByTestId("children");
        await Expect(children.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3", Exact = true })).ToBeVisibleAsync();
        await Expect(children.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3-4" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "ward-as-of");

        // Down to the old cell as of that date: its members then.
        await children.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Cây tổ chức tại ngày 30/09/2025");
        await Expect(page.GetByTestId("members").GetByTestId("member-name").First).ToBeVisibleAsync();

        await page.GotoAsync("/Organizations?date=01/10/2025");
        await Expect(page.GetByTestId("tree-title")).ToHaveTextAsync("Cây tổ chức đảng tại ngày 01/10/2025");
        await page.GetByLabel("Mở các tổ chức trực thuộc Đảng bộ thành phố Hà Nội").ClickAsync();
        await page.GetByLabel("Mở các tổ chức trực thuộc Đảng bộ phường Ba Đình").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3-4" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3", Exact = true })).ToHaveCountAsync(0);

        // The ward's increase/decrease report over the year: the new cell received the two cells' members by the
        // reorganization, and that number opens exactly those members (ADR 0011).
        var merged = await OrganizationIdAsync("X00004.CB34");
        await page.GotoAsync($"/Reports/View?Form=IncreaseDecrease&OrganizationId={ward}&From=01/01/2025&To=31/12/2025");
        var received = page.GetByTestId("report").Locator($"tbody tr[data-organization='{merged}'] td[data-column=ReorganizedIn] a");
        var number = (await received.TextContentAsync())!.Trim();
        var count = int.Parse(number.Replace(".", ""));
        Assert.True(count > 0);
        await Expect(page.GetByTestId("report").Locator("tbody tr td[data-column=ReorganizedOut] a")).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "report-reorganization");
        await received.ClickAsync();
        await Expect(page.GetByTestId("drill-summary")).ToContainTextAsync($"Tổng số: {number} đảng viên");
        var listed = page.GetByTestId("members").Locator("tbody tr");
        await Expect(listed).ToHaveCountAsync(Math.Min(count, 50));
        await Expect(page.GetByTestId("drill-row")).ToContainTextAsync("Đảng bộ phường Ba Đình");
        foreach (var cellName in await page.GetByTestId("members").Locator("tbody tr td:nth-child(5)").AllTextContentsAsync())
            Assert.Equal("Chi bộ Tổ dân phố số 3-4", cellName.Trim());
        await ScreenshotAsync(page, "report-reorganization-members");
    }
}
