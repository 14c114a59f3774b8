using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Core.Members;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class MemberLifecycleBrowserTests : BrowserTest
{
    private static async Task StepAsync(IPage page, string heading, Dictionary<string, string> fields, string button)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
        foreach (var (label, value) in fields)
            await form.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await form.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận");
    }

    [Fact]
    public async Task A_cell_admits_a_candidate_who_becomes_an_official_member()
    {
        var page = await SignInInBrowserAsync("xa.badinh");
        var cell = await OrganizationIdAsync("X00004.CB02");
        await page.GotoAsync($"/Organizations/Details/{cell}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Giới thiệu quần chúng ưu tú" }).ClickAsync();
        await page.GetByLabel("Họ và tên khai sinh").FillAsync("Trịnh Thị Thu Hằng");
        await page.GetByLabel("Giới tính").SelectOptionAsync("Female");
        await page.GetByLabel("Ngày sinh").FillAsync("14/02/1999");
        await page.GetByLabel("Số CCCD").FillAsync("001199034567");
        await page.GetByLabel("Nghề nghiệp").FillAsync("Giáo viên");
        await page.GetByLabel("Ngày chi bộ giới thiệu").FillAsync("04/03/2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Expect(page.GetByTestId("member-status")).ToContainTextAsync("Quần chúng ưu tú");

        await StepAsync(page, "Học lớp bồi dưỡng nhận thức về Đảng", new() { ["Ngày"] = "05/04/2024", ["Số giấy chứng nhận"] = "88/GCN" }, "Ghi nhận");
        var propose = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Chi bộ xét, đề nghị kết nạp" }) });
        await propose.GetByLabel("Ngày", new() { Exact = true }).FillAsync("15/05/2024");
        await propose.GetByLabel("Số nghị quyết của chi bộ").FillAsync("09-NQ/CB");
        await propose.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Nguyễn Văn Thành");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đề nghị kết nạp" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("hai người giới thiệu");
        propose = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Chi bộ xét, đề nghị kết nạp" }) });
        await propose.GetByLabel("Ngày", new() { Exact = true }).FillAsync("15/05/2024");
        await propose.GetByLabel("Số nghị quyết của chi bộ").FillAsync("09-NQ/CB");
        await propose.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Nguyễn Văn Thành");
        await propose.GetByLabel("Họ và tên (hoặc tên tổ chức Đoàn)").FillAsync("Lê Thị Hoa");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đề nghị kết nạp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("25 tuổi");

        await StepAsync(page, "Quyết định kết nạp của cấp ủy có thẩm quyền", new() { ["Ngày"] = "27/05/2024", ["Số quyết định kết nạp"] = "131-QĐ/ĐU" }, "Ghi quyết định");
        await Expect(page.GetByTestId("ceremony-deadline")).ToContainTextAsync("Hạn tổ chức lễ kết nạp");
        await StepAsync(page, "Lễ kết nạp", new() { ["Ngày"] = "10/06/2024" }, "Ghi nhận lễ kết nạp");
        await Expect(page.GetByTestId("member-status")).ToContainTextAsync("Dự bị");
        await Expect(page.GetByTestId("probation")).ToContainTextAsync("10/06/2025");
        await ScreenshotAsync(page, "lifecycle-probationary");

        await StepAsync(page, "Công nhận đảng viên chính thức", new() { ["Ngày"] = "01/07/2025", ["Số quyết định công nhận"] = "220-QĐ/ĐU" }, "Công nhận chính thức");
        await Expect(page.GetByTestId("member-status")).ToContainTextAsync("Chính thức");

        var member = await WithDbAsync(db => db.Members.SingleAsync(m => m.CitizenId == "001199034567"));
        Assert.Equal(new DateOnly(2025, 6, 10), member.OfficialOn);
        Assert.Equal(new DateOnly(2024, 5, 27), member.AdmittedOn);
    }

    [Fact]
    public async Task Two_differently_scoped_users_hand_a_member_over_between_provinces()
    {
        var (memberId, name) = await WithDbAsync(async db => await db.Members
            .Where(m => m.Status == MemberStatus.Official && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == "X00025.CB01"))
            .OrderBy(m => m.Id).Select(m => new ValueTuple<long, string>(m.Id, m.FullName)).FirstAsync());

        var sender = await SignInInBrowserAsync("hanoi");
        await sender.GotoAsync($"/Members/Transfers/Issue/{memberId}");
        await sender.GetByLabel("Mã chi bộ nơi đến").FillAsync("X26743.CB01");
        await sender.GetByLabel("Số giấy giới thiệu").FillAsync("77-GGT/ĐU");
        await sender.GetByLabel("Lý do").FillAsync("Chuyển công tác vào Thành phố Hồ Chí Minh");
        await sender.GetByRole(AriaRole.Button, new() { Name = "Chuyển sinh hoạt" }).ClickAsync();
        await Expect(sender.GetByRole(AriaRole.Status)).ToContainTextAsync("vẫn thuộc chi bộ cũ");
        await Expect(sender.GetByTestId("outgoing")).ToContainTextAsync(name);

        var receiver = await SignInInBrowserAsync("hcm");
        await receiver.GotoAsync("/Members/Transfers");
        var row = receiver.GetByTestId("incoming").Locator("tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Đang chuyển");
        await ScreenshotAsync(receiver, "transfer-incoming");
        await row.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Expect(receiver.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã tiếp nhận sinh hoạt đảng của {name}");

        var dossier = await receiver.GotoAsync($"/Members/Details/{memberId}");
        Assert.Equal(200, dossier!.Status);
        var gone = await sender.GotoAsync($"/Members/Details/{memberId}");
        Assert.Equal(404, gone!.Status);
        await sender.GotoAsync("/Members/Transfers?All=true");
        await Expect(sender.GetByTestId("outgoing")).ToContainTextAsync("Đã tiếp nhận");
    }
}
