using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Core.Members;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class SearchBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_name_typed_without_diacritics_finds_the_member_and_opens_the_dossier()
    {
        await WithDbAsync(async db =>
        {
            var cell = await db.Organizations.SingleAsync(o => o.Code == "X00008.CB03");
            var other = await db.Organizations.SingleAsync(o => o.Code == "X26740.CB04");
            db.Members.Add(Member.Import(cell.Id, new Identity("Đặng Thị Ngọc Ánh", null, Gender.Female, new DateOnly(1988, 4, 9), false,
                null, null, null, null, "Kinh", null, null), MemberStatus.Official, new DateOnly(2012, 3, 2), new DateOnly(2012, 3, 20), new DateOnly(2013, 3, 20), null, "(kiểm thử)"));
            db.Members.Add(Member.Import(other.Id, new Identity("Đặng Thị Ngọc Ánh", null, Gender.Female, new DateOnly(1990, 1, 1), false,
                null, null, null, null, "Kinh", null, null), MemberStatus.Official, new DateOnly(2014, 3, 2), new DateOnly(2014, 3, 20), new DateOnly(2015, 3, 20), null, "(kiểm thử)"));
            return await db.SaveChangesAsync();
        });

        var page = await SignInInBrowserAsync("hanoi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đảng viên" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Đảng viên" })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tìm kiếm đảng viên" }).ClickAsync();
        await page.GetByLabel("Họ tên, số CCCD hoặc số thẻ đảng viên").FillAsync("dang thi ngoc anh");
        await page.GetByLabel("Tổ chức (kể cả các tổ chức trực thuộc)").FillAsync("");
        await page.GetByTestId("search-form").GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();

        var results = page.GetByTestId("results");
        await Expect(results).ToContainTextAsync("Đặng Thị Ngọc Ánh");
        // Only the Hà Nội namesake: the HCM one (born 1990) is outside the user's scope.
        await Expect(results.Locator("tbody tr").Filter(new() { HasText = "Đặng Thị Ngọc Ánh" })).ToHaveCountAsync(1);
        await Expect(results).Not.ToContainTextAsync("1990");
        await ScreenshotAsync(page, "search");

        await results.GetByRole(AriaRole.Link, new() { Name = "Đặng Thị Ngọc Ánh" }).ClickAsync();
        await Expect(page.GetByTestId("member-name")).ToHaveTextAsync("Đặng Thị Ngọc Ánh");
    }
}
