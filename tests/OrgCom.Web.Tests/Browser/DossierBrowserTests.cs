using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Core.Members;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class DossierBrowserTests : BrowserTest
{
    /// <summary>Fills the lists of the dossier and the history, so the page and the printout show every kind of section.</summary>
    private async Task FillDossierAsync(long id)
    {
        await WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == id);
            Assert.True(m.UpdateIdentity(m.Identity with
            {
                CitizenId = "001085012345", Hometown = "Xã Phù Đổng, thành phố Hà Nội", Birthplace = "Bệnh viện Phụ sản Hà Nội",
                Residence = "Số 8 phố Đội Cấn, phường Ba Đình, Hà Nội", Occupation = "Công chức",
            }, new DateOnly(2026, 1, 1)).IsSuccess);
            Assert.True(m.UpdateWorkHistory(
            [
                new WorkHistoryEntry("09/2007", "08/2015", "Chuyên viên", "Văn phòng Ủy ban nhân dân quận Ba Đình"),
                new WorkHistoryEntry("09/2015", null, "Phó Chánh Văn phòng", "Đảng ủy phường Ba Đình"),
            ]).IsSuccess);
            Assert.True(m.UpdateFamily(
            [
                new Relative("Cha", "Trần Văn Quang", 1952, "Hưu trí", "Phù Đổng, Hà Nội"),
                new Relative("Mẹ", "Lê Thị Hòa", 1955, "Nội trợ", "Phù Đổng, Hà Nội"),
            ], new DateOnly(2026, 11, 21)).IsSuccess);
            Assert.True(m.UpdateAwards([new Award("12/2020", "Giấy khen", "215-QĐ/ĐU", "Đảng ủy phường Ba Đình")]).IsSuccess);
            Assert.True(m.SetPartyCardNumber("01012345678").IsSuccess);
            return await db.SaveChangesAsync();
        });
        await TestDatabase.ExecuteAsync($$"""
            update members set introducers = '[{"fullName":"Nguyễn Văn Thành","position":"Bí thư chi bộ","unit":"Chi bộ Tổ dân phố số 1","isYouthUnionResolution":false},{"fullName":"Phạm Thị Vân","position":"Đảng viên","unit":"Chi bộ Tổ dân phố số 1","isYouthUnionResolution":false}]'
            where id = {{id}};
            insert into member_events (member_id, kind, effective_on, decision_number, organization_id, discipline_level, detail, recorded_by)
            select id, 'Disciplined', date '2019-04-10', '12-QĐ/UBKT', organization_id, 'Reprimand', 'Chậm nộp đảng phí', 'kiểm thử'
            from members where id = {{id}};
            """, DatabaseName);
    }

    [Fact]
    public async Task Open_a_member_from_the_cell_edit_the_education_see_it_on_the_dossier_and_print_it()
    {
        var cell = await OrganizationIdAsync("X00004.CB03");
        var page = await SignInInBrowserAsync("hanoi");
        await page.GotoAsync($"/Organizations/Details/{cell}");
        var first = page.GetByTestId("members").Locator("tbody a").First;
        var id = long.Parse((await first.GetAttributeAsync("href"))!.Split('/').Last());
        var name = (await first.TextContentAsync())!.Trim();
        await FillDossierAsync(id);

        await first.ClickAsync();
        await Expect(page.GetByTestId("member-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("section-history")).ToContainTextAsync("12-QĐ/UBKT");

        await page.GetByTestId("edit-education").ClickAsync();
        await page.GetByLabel("Giáo dục phổ thông").FillAsync("12/12");
        await page.GetByLabel("Chuyên môn").FillAsync("Cử nhân Luật");
        await page.GetByLabel("Lý luận chính trị").SelectOptionAsync(new SelectOptionValue { Label = "Trung cấp" });
        await page.GetByLabel("Ngoại ngữ").FillAsync("Tiếng Anh B1");
        await ScreenshotAsync(page, "dossier-edit-education");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu phần Trình độ");
        var education = page.GetByTestId("section-education");
        await Expect(education).ToContainTextAsync("Cử nhân Luật");
        await Expect(education).ToContainTextAsync("Trung cấp");
        await ScreenshotAsync(page, "dossier");

        // A list section: "Thêm dòng" posts back with one more row, "Xóa" removes one, "Lưu" saves the table.
        await page.GetByTestId("edit-work").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        await Expect(page.GetByLabel("Từ tháng/năm, dòng 4")).ToBeVisibleAsync();
        await page.GetByLabel("Từ tháng/năm, dòng 3").FillAsync("06/2005");
        await page.GetByLabel("Đến tháng/năm, dòng 3").FillAsync("08/2007");
        await page.GetByLabel("Chức vụ, dòng 3").FillAsync("Cán sự");
        await page.GetByLabel("Đơn vị công tác, dòng 3").FillAsync("Ủy ban nhân dân phường Đội Cấn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa dòng 1" }).ClickAsync();
        await Expect(page.GetByLabel("Chức vụ, dòng 1")).ToHaveValueAsync("Phó Chánh Văn phòng");
        await Expect(page.GetByLabel("Chức vụ, dòng 2")).ToHaveValueAsync("Cán sự");
        await ScreenshotAsync(page, "dossier-edit-work");
        await page.GetByLabel("Đơn vị công tác, dòng 2").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu phần Quá trình công tác");
        var work = page.GetByTestId("section-work");
        await Expect(work).ToContainTextAsync("Ủy ban nhân dân phường Đội Cấn");
        await Expect(work).Not.ToContainTextAsync("Văn phòng Ủy ban nhân dân quận Ba Đình");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bản in lý lịch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "LÝ LỊCH ĐẢNG VIÊN" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("print-education")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Cử nhân Luật");
        await Expect(page.Locator(".navbar")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "dossier-print");

        // The PDF download: the same form, under the member's name without diacritics, kept for a person to look at.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        Assert.Equal($"Ly-lich-{OrgCom.Web.Infrastructure.Export.DownloadFileName.AsciiFallback(name).Replace(' ', '-')}.pdf", download.SuggestedFilename);
        var pdf = Path.Combine(AppContext.BaseDirectory, "screenshots", "dossier.pdf");
        await download.SaveAsAsync(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(pdf))[..4]));

        // The printer gets the form alone, without the toolbar.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Remove_the_photo_from_the_dossier_after_confirming()
    {
        var cell = await OrganizationIdAsync("X00004.CB03");
        var id = await WithDbAsync(async db =>
        {
            var m = await db.Members.Where(x => x.OrganizationId == cell).OrderBy(x => x.Id).FirstAsync();
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
            Assert.True(m.SetPhoto(png, "image/png").IsSuccess);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var page = await SignInInBrowserAsync("hanoi");
        await page.GotoAsync($"/Members/Details/{id}");
        await Expect(page.GetByTestId("photo")).ToBeVisibleAsync();

        await page.GetByTestId("remove-photo").ClickAsync();
        await Expect(page.GetByTestId("confirm-remove")).ToContainTextAsync("Xóa ảnh 3×4?");
        await page.GetByTestId("confirm-remove").GetByRole(AriaRole.Button, new() { Name = "Xóa ảnh" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Members/Details/{id}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xóa ảnh 3×4");
        await Expect(page.GetByTestId("photo")).ToHaveCountAsync(0);
        Assert.Null(await WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Photo).SingleAsync()));
    }
}
