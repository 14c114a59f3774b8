using Microsoft.Playwright;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class OrganizationBrowserTests : BrowserTest
{
    [Fact]
    public async Task Sign_in_browse_down_to_a_cell_change_the_tree_and_sign_out()
    {
        var page = await SignInInBrowserAsync("hanoi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Xin chào, Nguyễn Thị Hà" })).ToBeVisibleAsync();

        // Browse the tree: Hà Nội → phường Ba Đình → its cells, one level per click (htmx).
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức đảng" }).ClickAsync();
        await page.GetByLabel("Mở các tổ chức trực thuộc Đảng bộ thành phố Hà Nội").ClickAsync();
        await page.GetByLabel("Mở các tổ chức trực thuộc Đảng bộ phường Ba Đình").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chi bộ Tổ dân phố số 3" }).ClickAsync();
        await Expect(page.GetByTestId("org-name")).ToHaveTextAsync("Chi bộ Tổ dân phố số 3");
        await Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Đảng bộ phường Ba Đình");
        await ScreenshotAsync(page, "cell-details");

        // Create a new cell under the ward.
        await page.GetByTestId("breadcrumb").GetByRole(AriaRole.Link, new() { Name = "Đảng bộ phường Ba Đình" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thành lập tổ chức trực thuộc" }).ClickAsync();
        await page.GetByLabel("Mã tổ chức").FillAsync("X00004.CB07");
        await page.GetByLabel("Tên tổ chức").FillAsync("Chi bộ Tổ dân phố số 7");
        await page.GetByLabel("Loại tổ chức").SelectOptionAsync(new SelectOptionValue { Label = "Chi bộ trực thuộc" });
        await page.GetByLabel("Số quyết định").FillAsync("45-QĐ/ĐU");
        await page.GetByLabel("Ngày hiệu lực").FillAsync("15/08/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thành lập" }).ClickAsync();
        await Expect(page.GetByTestId("org-name")).ToHaveTextAsync("Chi bộ Tổ dân phố số 7");

        // Rename it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đổi tên" }).ClickAsync();
        await page.GetByLabel("Tên mới").FillAsync("Chi bộ Khu tập thể Giảng Võ");
        await page.GetByLabel("Số quyết định").FillAsync("46-QĐ/ĐU");
        await page.GetByLabel("Ngày hiệu lực").FillAsync("20/08/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi tên" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đổi tên");

        // Move it under another ward, choosing the new parent by typing part of its name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chuyển trực thuộc" }).ClickAsync();
        await page.GetByLabel("Mã tổ chức cấp trên mới").FillAsync("X00008");
        await page.GetByLabel("Số quyết định").FillAsync("120-QĐ/TU");
        await page.GetByLabel("Ngày hiệu lực").FillAsync("01/09/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển" }).ClickAsync();
        await Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Đảng bộ phường Ngọc Hà");

        // The history shows all three dated events with their decisions.
        var history = page.GetByTestId("history");
        await Expect(history).ToContainTextAsync("Thành lập — 15/08/2025");
        await Expect(history).ToContainTextAsync("Đổi tên — 20/08/2025");
        await Expect(history).ToContainTextAsync("Chuyển trực thuộc — 01/09/2025");
        await Expect(history).ToContainTextAsync("Quyết định 120-QĐ/TU");
        await Expect(history).ToContainTextAsync("Từ Đảng bộ phường Ba Đình sang Đảng bộ phường Ngọc Hà");
        await ScreenshotAsync(page, "history");

        // Sign out.
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await page.GotoAsync("/Organizations");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_scoped_user_cannot_reach_another_province()
    {
        var hcm = await OrganizationIdAsync("T79");
        var page = await SignInInBrowserAsync("hanoi");
        var response = await page.GotoAsync($"/Organizations/Details/{hcm}");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không tìm thấy" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Hồ Chí Minh");

        var rename = await page.GotoAsync($"/Organizations/Rename/{hcm}");
        Assert.Equal(404, rename!.Status);

        // The tree offers only the user's own subtree.
        await page.GotoAsync("/Organizations");
        await Expect(page.GetByTestId("tree")).ToContainTextAsync("Đảng bộ thành phố Hà Nội");
        await Expect(page.GetByTestId("tree")).Not.ToContainTextAsync("Hồ Chí Minh");
    }
}
