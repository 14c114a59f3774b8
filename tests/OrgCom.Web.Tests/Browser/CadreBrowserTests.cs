using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class CadreBrowserTests : BrowserTest
{
    [Fact]
    public async Task Planning_for_one_organization_refuses_a_fourth_candidate_then_is_approved_by_a_leader_and_reported()
    {
        // Four ward cadres whose posts are all lower than the post planned for (planning goes only to a higher post,
        // Quy định 377-QĐ/TW): the chair, the vice-chair, the Front's chairwoman, and a second vice-chair appointed here.
        const string post = "Bí thư Đảng ủy phường";
        var today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
        var names = await WithDbAsync(async db =>
        {
            var vice = await db.Positions.SingleAsync(p => p.Name == "Phó Chủ tịch");
            var plain = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004."))
                    && m.Status == OrgCom.Core.Members.MemberStatus.Official && m.BirthDate.Year >= 1980 && !db.Appointments.Any(a => a.MemberId == m.Id))
                .OrderBy(m => m.Id).FirstAsync();
            var start = today.AddMonths(-6);
            db.Appointments.Add(OrgCom.Core.Cadres.Appointment.Create(plain, vice, OrgCom.Core.Cadres.AppointmentKind.Appointment, "21-QĐ/ĐU",
                start, start, start.AddYears(5).AddDays(-1), false, false, [], today).Value!);
            await db.SaveChangesAsync();
            return await db.Appointments.Where(a => a.EndedOn == null)
                .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { m.Id, m.FullName })
                .Where(x => !db.Appointments.Any(a => a.MemberId == x.Id && a.EndedOn == null
                    && (a.PositionName == post || a.Level != OrgCom.Core.Cadres.PositionLevel.Commune)))
                .OrderBy(x => x.Id).Select(x => x.FullName).Distinct().Take(4).ToListAsync();
        });
        Assert.Equal(4, names.Count);

        var page = await SignInInBrowserAsync("hanoi");
        await page.GotoAsync($"{BaseUrl}/Cadres/Planning");
        await page.GetByLabel("Mã tổ chức đảng").FillAsync("X00004");
        await page.GetByLabel("Tên đợt quy hoạch").FillAsync("Quy hoạch Ban Thường vụ Đảng ủy phường Ba Đình");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập đợt quy hoạch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quy hoạch Ban Thường vụ Đảng ủy phường Ba Đình" })).ToBeVisibleAsync();

        var propose = page.GetByTestId("propose");
        foreach (var name in names)
        {
            var option = await propose.Locator("#MemberId option").Filter(new() { HasText = name }).First.GetAttributeAsync("value");
            await propose.GetByLabel("Cán bộ").SelectOptionAsync(option!);
            var position = await propose.Locator("#PositionId option").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + post) }).First.GetAttributeAsync("value");
            await propose.GetByLabel("Chức vụ quy hoạch").SelectOptionAsync(position!);
            await propose.GetByRole(AriaRole.Button, new() { Name = "Đề xuất" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        // The fourth is refused by the limit, citing it; three proposals stand.
        await Expect(page.GetByTestId("errors")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("đã có đủ 3 cán bộ");
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("Quy định 377-QĐ/TW");
        await ScreenshotAsync(page, "planning-refused");
        await page.GotoAsync(page.Url.Split('?')[0]);
        await Expect(page.GetByTestId("entries").Locator("tbody tr")).ToHaveCountAsync(3);

        await page.GetByLabel("Ngày thẩm định").FillAsync($"{today:dd/MM/yyyy}");
        await page.GetByLabel("Ý kiến thẩm định").FillAsync("Đủ tiêu chuẩn, điều kiện");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi thẩm định" }).ClickAsync();
        // The staff member who appraised cannot approve: that is the leaders'.
        await Expect(page.GetByTestId("awaiting-approval")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" })).ToHaveCountAsync(0);
        var batchUrl = page.Url.Split('?')[0];

        var leader = await SignInInBrowserAsync("lanhdao.hanoi");
        await leader.GotoAsync(batchUrl);
        await leader.GetByLabel("Số quyết định").FillAsync("45-QĐ/ĐU");
        await leader.GetByLabel("Ngày quyết định").FillAsync($"{today:dd/MM/yyyy}");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await Expect(leader.GetByTestId("status")).ToHaveTextAsync("Đã phê duyệt");
        await Expect(leader.Locator(".alert-success")).ToContainTextAsync("phê duyệt quy hoạch cho 3 lượt cán bộ của 1 cơ quan, đơn vị");

        await page.GotoAsync($"{BaseUrl}/Cadres/Planning");
        // With the demo's approved Hà Nội plan (4 entries).
        await Expect(page.GetByTestId("summary-2026")).ToHaveTextAsync("Nhiệm kỳ 2026–2031: phê duyệt quy hoạch cho 7 lượt cán bộ của 2 cơ quan, đơn vị.");
        await ScreenshotAsync(page, "planning-summary");
    }

    [Fact]
    public async Task An_eligibility_check_that_fails_says_which_rule_and_why()
    {
        var (member, name, birth) = await WithDbAsync(async db =>
        {
            var m = await db.Appointments.Where(a => a.EndedOn == null)
                .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => m)
                .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.")))
                .OrderBy(m => m.Id).FirstAsync();
            return (m.Id, m.FullName, m.BirthDate);
        });

        var page = await SignInInBrowserAsync("hanoi");
        await page.GotoAsync($"{BaseUrl}/Members/Details/{member}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kiểm tra điều kiện" }).ClickAsync();
        var position = await page.Locator("#PositionId option").Filter(new() { HasText = "Giám đốc · Sở Nội vụ thành phố Hà Nội" }).First.GetAttributeAsync("value");
        await page.GetByLabel("Chức vụ dự kiến").SelectOptionAsync(position!);
        await page.GetByLabel("Ngày xét").FillAsync($"{birth.AddYears(59):dd/MM/yyyy}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();

        await Expect(page.GetByTestId("verdict")).ToContainTextAsync($"{name} không đáp ứng");
        var failed = page.GetByTestId("checks").Locator("tbody tr").Filter(new() { HasText = "Không đạt" }).Filter(new() { HasText = "Bổ nhiệm lần đầu" });
        await Expect(failed).ToContainTextAsync("ít nhất 5 năm");
        await Expect(failed).ToContainTextAsync("thiếu");
        await Expect(failed).ToContainTextAsync("Hướng dẫn 06-HD/BTCTW");
        await ScreenshotAsync(page, "eligibility");
    }

    [Fact]
    public async Task The_retirement_forecast_shows_the_cadres_retiring_soon_with_the_decree()
    {
        var page = await SignInInBrowserAsync("hanoi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cán bộ" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ" })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dự báo nghỉ hưu" }).ClickAsync();
        await page.GetByLabel("Trong số tháng tới").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();

        await Expect(page.GetByTestId("forecast").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("forecast")).ToContainTextAsync("Bí thư");
        await Expect(page.GetByTestId("forecast")).Not.ToContainTextAsync("Thành phố Hồ Chí Minh");
        await Expect(page.GetByTestId("rule")).ToContainTextAsync("Nghị định 135/2020/NĐ-CP");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("excel").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await ScreenshotAsync(page, "retirement-forecast");
    }
}
