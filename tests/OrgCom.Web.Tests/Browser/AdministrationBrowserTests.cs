using Microsoft.Playwright;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class AdministrationBrowserTests : BrowserTest
{
    [Fact]
    public async Task An_administrator_creates_a_commune_user_who_then_signs_in_and_the_audit_log_shows_it()
    {
        var admin = await SignInInBrowserAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).ClickAsync();
        await ScreenshotAsync(admin, "admin-users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tạo người dùng" }).ClickAsync();
        await admin.GetByLabel("Tên đăng nhập").FillAsync("ngoc.ha");
        await admin.GetByLabel("Họ và tên").FillAsync("Vũ Thị Ngọc");
        await admin.GetByLabel("Mật khẩu ban đầu").FillAsync("Bt@2026-ngocha");
        await admin.GetByLabel("Vai trò").SelectOptionAsync(new SelectOptionValue { Label = "Cán bộ Ban Tổ chức" });
        await admin.GetByLabel("Mã tổ chức được giao").FillAsync("X00008");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo người dùng" }).ClickAsync();
        await Expect(admin.Locator("body")).ToContainTextAsync("Đảng bộ phường Ngọc Hà");
        await ScreenshotAsync(admin, "admin-user-details");

        var user = await SignInInBrowserAsync("ngoc.ha", "Bt@2026-ngocha");
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Xin chào, Vũ Thị Ngọc" })).ToBeVisibleAsync();
        await Expect(user.Locator("main")).ToContainTextAsync("Đảng bộ phường Ngọc Hà");
        await Expect(user.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(0);
        await ScreenshotAsync(user, "home-commune-user");

        await admin.GotoAsync("/Audit");
        await admin.GetByLabel("Người thực hiện").FillAsync("admin");
        await admin.GetByLabel("Mã tổ chức").FillAsync("X00008");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(admin.Locator("main")).ToContainTextAsync("Phân quyền");
        await ScreenshotAsync(admin, "audit-search");
    }
}
