using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Core.Cadres;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class SubmissionBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_submission_is_prepared_checked_appraised_submitted_and_decided_above_creating_the_appointment_and_counted()
    {
        // The chair of the ward's people's committee, proposed as vice-chair concurrently.
        var (memberId, name) = await WithDbAsync(async db =>
        {
            var ward = await db.Organizations.Where(o => o.Code == "X00004").Select(o => o.Id).SingleAsync();
            var chair = await db.Positions.Where(p => p.OrganizationId == ward && p.Name == "Chủ tịch" && p.BodyName == "Ủy ban nhân dân phường Ba Đình")
                .Select(p => p.Id).SingleAsync();
            return await db.Appointments.Where(a => a.PositionId == chair).Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { m.Id, m.FullName })
                .Select(x => new Tuple<long, string>(x.Id, x.FullName).ToValueTuple()).SingleAsync();
        });
        var today = $"{OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System):dd/MM/yyyy}";

        var page = await SignInInBrowserAsync("xa.badinh");
        await page.GotoAsync($"{BaseUrl}/Cadres/Submissions");
        var create = page.GetByTestId("create");
        await create.GetByLabel("Loại tờ trình").SelectOptionAsync("Appointment");
        var position = await create.Locator("#PositionId option").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình") }).First.GetAttributeAsync("value");
        await create.GetByLabel("Chức vụ").SelectOptionAsync(position!);
        await create.GetByLabel("Mã tổ chức lập hồ sơ").FillAsync("X00004");
        await create.GetByLabel("Mã cấp có thẩm quyền").FillAsync("T01");
        await create.GetByLabel("Trích yếu").FillAsync("Tờ trình bổ nhiệm Phó Chủ tịch UBND phường Ba Đình");
        await create.GetByLabel("Kiêm nhiệm").CheckAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tờ trình bổ nhiệm Phó Chủ tịch UBND phường Ba Đình" })).ToBeVisibleAsync();
        var url = page.Url.Split('?')[0];

        await page.GetByTestId("add-cadre").GetByLabel("Cán bộ").SelectOptionAsync(memberId.ToString());
        await page.GetByTestId("add-cadre").GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        await Expect(page.GetByTestId("checklist")).ToContainTextAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sơ yếu lý lịch của {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Sơ yếu lý lịch của {name}" })).ToHaveTextAsync("Đã có");
        await page.GetByLabel("Ý kiến thẩm định").FillAsync("Đủ tiêu chuẩn, điều kiện");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi thẩm định" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã thẩm định, chờ trình");

        // Refused while the checklist is incomplete, naming what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Trình", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("bản kê khai tài sản, thu nhập");
        await ScreenshotAsync(page, "submission-incomplete");
        await page.GotoAsync(url);
        foreach (var document in Enum.GetValues<SubmissionDocument>().Where(d => d is not (SubmissionDocument.CurriculumVitae or SubmissionDocument.WorkplaceComment)))
        {
            var button = page.GetByRole(AriaRole.Button, new() { Name = $"{PersonnelSubmission.DisplayName(document)} của {name}" });
            await button.ClickAsync();
            await Expect(button).ToHaveTextAsync("Đã có");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Trình", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã trình, chờ quyết định");
        await Expect(page.GetByTestId("awaiting-decision")).ToBeVisibleAsync();

        var leader = await SignInInBrowserAsync("lanhdao.hanoi");
        await leader.GotoAsync(url);
        await Expect(leader.GetByTestId("eligibility")).ToContainTextAsync("Bổ nhiệm lần đầu");
        await leader.GetByLabel("Kết quả").SelectOptionAsync("true");
        await leader.GetByLabel("Số quyết định").FillAsync("125-QĐ/TU");
        await leader.GetByLabel("Ngày quyết định").FillAsync(today);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await Expect(leader.GetByTestId("status")).ToHaveTextAsync("Đồng ý");
        await Expect(leader.GetByTestId("appointments")).ToContainTextAsync(name);
        await ScreenshotAsync(leader, "submission-decided");

        await leader.GotoAsync($"{BaseUrl}/Cadres/Appoint/{memberId}");
        await Expect(leader.Locator("body")).ToContainTextAsync("125-QĐ/TU");
        await leader.GotoAsync($"{BaseUrl}/Cadres/Submissions/Counts?Period=year");
        await Expect(leader.GetByTestId("summary")).ToContainTextAsync("lượt cán bộ; đã có quyết định");
        await Expect(leader.GetByTestId("counts")).ToContainTextAsync("Bổ nhiệm");
    }
}
