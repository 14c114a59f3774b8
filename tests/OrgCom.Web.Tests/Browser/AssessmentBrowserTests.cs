using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgCom.Core.Assessments;
using OrgCom.Web.Tests.Assessments;
using OrgCom.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrgCom.Web.Tests.Browser;

public sealed class AssessmentBrowserTests : BrowserTest
{
    private static async Task SignInOnPageAsync(IPage page, string userName)
    {
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_whole_round_for_one_cell_keyboard_entry_expired_session_cap_refused_override_approval_lock_and_report()
    {
        var round = await WithDbAsync(db => AssessmentArrange.OpenYearRoundAsync(db));
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var ward = await OrganizationIdAsync("X00004");
        var url = $"/Assessments/Entry/{round}/{cell}";

        var staff = await SignInInBrowserAsync("xa.badinh");
        await staff.GotoAsync($"/Assessments/Round/{round}?organizationId={ward}");
        await staff.Locator("[data-testid=round-organizations] tr", new() { HasText = "Chi bộ Trạm Y tế" }).GetByRole(AriaRole.Link, new() { Name = "Đánh giá" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Lập danh sách đánh giá" }).ClickAsync();
        // The grid's script has attached its keyboard handling (the page may still be loading under load).
        await Expect(staff.Locator("table.assessment-grid[data-ready=true]").First).ToBeAttachedAsync();

        // Keyboard only: focus the first row's final level, then a digit and ↓ per row.
        var rows = staff.Locator("#member-grid tbody tr");
        var count = await rows.CountAsync();
        Assert.True(count >= 18);
        await rows.Nth(0).Locator("select[name=finalLevel]").FocusAsync();
        var excellent = 0;
        for (var i = 0; i < count; i++)
        {
            var probationary = await rows.Nth(i).Locator(".badge", new() { HasText = "dự bị" }).CountAsync() > 0;
            var key = !probationary && excellent < count / 2 ? "1" : "2";
            if (key == "1")
                excellent++;
            await staff.Keyboard.PressAsync(key);
            await staff.Keyboard.PressAsync("ArrowDown");
        }
        // Saves of one assessment are serialized by a row lock; on a loaded machine the queue takes longer than 5 s.
        await Expect(staff.Locator("#member-grid .row-status.text-success")).ToHaveCountAsync(count, new() { Timeout = 30_000 });
        await Expect(staff.Locator("[data-count=excellent]")).ToHaveTextAsync(excellent.ToString());

        // The session expires while typing: the change is kept in the browser, then saved after signing in again.
        var last = rows.Nth(count - 1);
        var lastId = long.Parse((await last.GetAttributeAsync("data-key"))!);
        await staff.Context.ClearCookiesAsync();
        await last.Locator("select[name=finalLevel]").FocusAsync();
        await staff.Keyboard.PressAsync("3");
        await Expect(staff.GetByTestId("session-expired")).ToBeVisibleAsync();
        await Expect(last.Locator(".row-status")).ToContainTextAsync("đã giữ trên máy");
        Assert.NotEqual(QualityLevel.Completed, await LevelAsync(round, cell, lastId));
        await staff.GetByTestId("session-expired").GetByRole(AriaRole.Link, new() { Name = "đăng nhập lại" }).ClickAsync();
        await SignInOnPageAsync(staff, "xa.badinh");
        await Expect(staff.GetByTestId("restored")).ToContainTextAsync("Đã khôi phục 1 dòng");
        await Expect(staff.Locator($"#member-grid tr[data-key='{lastId}'] .row-status")).ToContainTextAsync("Đã lưu");
        Assert.Equal(QualityLevel.Completed, await LevelAsync(round, cell, lastId));

        // The cap is broken: submission refused with the regulation.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Trình cấp có thẩm quyền" }).ClickAsync();
        await Expect(staff.GetByTestId("errors")).ToContainTextAsync("vượt quá 20%");
        await Expect(staff.GetByTestId("errors")).ToContainTextAsync("Quy định 366-QĐ/TW");
        await Expect(staff.GetByTestId("override-form")).ToHaveCountAsync(0);

        // A leader of the city overrides with a written reason.
        var leader = await SignInInBrowserAsync("lanhdao.hanoi");
        await leader.GotoAsync(url);
        var form = leader.GetByTestId("override-form");
        await form.GetByLabel("Lý do vượt quy định").FillAsync("Chi bộ có thành tích xuất sắc trong phòng, chống dịch");
        await form.GetByRole(AriaRole.Button, new() { Name = "Cho phép vượt quy định" }).ClickAsync();
        await Expect(leader.GetByTestId("override")).ToContainTextAsync("phòng, chống dịch");

        await staff.GotoAsync(url);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Trình cấp có thẩm quyền" }).ClickAsync();
        await Expect(staff.GetByTestId("status")).ToHaveTextAsync("Đã trình, chờ phê duyệt");

        await leader.GotoAsync(url);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt và khóa" }).ClickAsync();
        await Expect(leader.GetByTestId("status")).ToHaveTextAsync("Đã phê duyệt (khóa)");
        await staff.GotoAsync(url);
        await Expect(staff.Locator("#member-grid select[name=finalLevel]").First).ToBeDisabledAsync();
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Trình cấp có thẩm quyền" })).ToHaveCountAsync(0);
        await ScreenshotAsync(staff, "assessment-approved");

        // The ward's report shows the cell's approved results.
        await leader.GotoAsync($"/Assessments/Report?year=2025&organizationId={ward}");
        var row = leader.Locator($"[data-testid=rollup] tr[data-organization='{cell}']");
        await Expect(row).ToContainTextAsync("Chi bộ Trạm Y tế");
        await Expect(row.Locator("td[data-column=Required]")).ToHaveTextAsync(count.ToString());
        await Expect(row.Locator("td[data-column=Rated]")).ToHaveTextAsync(count.ToString());
        await Expect(row.Locator("td[data-column=Excellent]")).ToHaveTextAsync(excellent.ToString());
        await Expect(row.Locator("td[data-column=NotAssessed]")).ToHaveTextAsync("0");
        await Expect(leader.Locator("#chart")).ToBeVisibleAsync();
        await ScreenshotAsync(leader, "assessment-report");
    }

    [Fact]
    public async Task The_ward_sees_a_newly_formed_cell_proposed_not_rated_rates_the_others_by_keyboard_and_the_report_counts_the_reason()
    {
        var round = await WithDbAsync(db => AssessmentArrange.OpenYearRoundAsync(db, "T01", 2026));
        var ward = await OrganizationIdAsync("X00004");
        var newCell = await WithDbAsync(db => AssessmentArrange.EstablishCellAsync(db, "X00004", "X00004.CBMOI", "Chi bộ Khu đô thị mới", new DateOnly(2026, 9, 15)));
        var cells = await WithDbAsync(db => AssessmentArrange.ApproveChildrenAsync(db, round, ward, 2026));
        var url = $"/Assessments/Entry/{round}/{ward}";

        var staff = await SignInInBrowserAsync("xa.badinh");
        await staff.GotoAsync(url);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Lập danh sách đánh giá" }).ClickAsync();
        // The grid's script has attached its keyboard handling (the page may still be loading under load).
        await Expect(staff.Locator("table.assessment-grid[data-ready=true]").First).ToBeAttachedAsync();
        await Expect(staff.GetByTestId("organization-new-rule")).ToContainTextAsync("Hướng dẫn 43-HD/BTCTW");
        var fresh = staff.Locator($"#org-grid tr[data-key='{newCell}']");
        await Expect(fresh.Locator("select[name=notRatedReason]")).ToHaveValueAsync("NewlyFormed");
        await Expect(fresh.GetByTestId("newly-formed")).ToContainTextAsync("15/09/2026");
        await ScreenshotAsync(staff, "assessment-ward-organizations");

        // The ward's own members, if any, then the other cells: a digit per row, ↓ to the next.
        var members = staff.Locator("#member-grid tbody tr");
        var memberCount = await members.CountAsync();
        if (memberCount > 0)
        {
            await members.Nth(0).Locator("select[name=finalLevel]").FocusAsync();
            for (var i = 0; i < memberCount; i++)
            {
                await staff.Keyboard.PressAsync("2");
                await staff.Keyboard.PressAsync("ArrowDown");
            }
            await Expect(staff.Locator("#member-grid .row-status.text-success")).ToHaveCountAsync(memberCount, new() { Timeout = 30_000 });
        }
        var others = cells.Where(c => c != newCell).ToList();
        foreach (var cell in others)
        {
            await staff.Locator($"#org-grid tr[data-key='{cell}'] select[name=finalLevel]").FocusAsync();
            await staff.Keyboard.PressAsync("2");
        }
        await Expect(staff.Locator("#org-grid .row-status.text-success")).ToHaveCountAsync(others.Count, new() { Timeout = 30_000 });
        // Rating the new cell as well is refused while its reason stays: rated or excused, not both.
        await fresh.Locator("select[name=finalLevel]").FocusAsync();
        await staff.Keyboard.PressAsync("2");
        await Expect(fresh.Locator(".row-status")).ToContainTextAsync("vừa có mức xếp loại vừa có lý do");
        await staff.Keyboard.PressAsync("0");
        await Expect(fresh.Locator(".row-status")).ToContainTextAsync("Đã lưu");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Trình cấp có thẩm quyền" }).ClickAsync();
        await Expect(staff.GetByTestId("status")).ToHaveTextAsync("Đã trình, chờ phê duyệt");
        var leader = await SignInInBrowserAsync("lanhdao.hanoi");
        await leader.GotoAsync(url);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt và khóa" }).ClickAsync();
        await Expect(leader.GetByTestId("status")).ToHaveTextAsync("Đã phê duyệt (khóa)");

        await leader.GotoAsync($"/Assessments/Report?year=2026&organizationId={ward}");
        var row = leader.Locator($"[data-testid=organization-rollup] tr[data-organization='{newCell}']");
        await Expect(row.Locator("td[data-column='o:r:NewlyFormed']")).ToHaveTextAsync("1");
        var total = leader.GetByTestId("organization-total");
        await Expect(total.Locator("td[data-column='o:Rated']")).ToHaveTextAsync(others.Count.ToString());
        await Expect(total.Locator("td[data-column='o:NotRated']")).ToHaveTextAsync("1");
        await Expect(leader.Locator("#chart")).ToBeVisibleAsync();
        await ScreenshotAsync(leader, "assessment-report-organizations");
    }

    [Fact]
    public async Task A_save_the_server_forbids_is_shown_as_forbidden_not_as_an_expired_session_and_the_draft_is_kept()
    {
        var round = await WithDbAsync(db => AssessmentArrange.OpenYearRoundAsync(db));
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var staff = await SignInInBrowserAsync("xa.badinh");
        await staff.GotoAsync($"/Assessments/Entry/{round}/{cell}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Lập danh sách đánh giá" }).ClickAsync();
        // The grid's script has attached its keyboard handling (the page may still be loading under load).
        await Expect(staff.Locator("table.assessment-grid[data-ready=true]").First).ToBeAttachedAsync();
        // The user's rights change between loading the grid and saving a row (the server answers 403).
        await staff.RouteAsync("**/Assessments/Entry/**handler=Row*", route => route.FulfillAsync(new() { Status = 403, Body = "" }));
        var first = staff.Locator("#member-grid tbody tr").First;
        await first.Locator("select[name=finalLevel]").FocusAsync();
        await staff.Keyboard.PressAsync("2");
        await Expect(first.Locator(".row-status")).ToContainTextAsync("Không có quyền ghi");
        await Expect(first.Locator(".row-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-danger"));
        await Expect(staff.GetByTestId("session-expired")).ToBeHiddenAsync();
        var key = await first.GetAttributeAsync("data-key");
        var draft = await staff.EvaluateAsync<string?>("k => Object.keys(localStorage).map(x => localStorage.getItem(x)).find(v => v && v.includes(k)) ?? null", key);
        Assert.NotNull(draft);
        Assert.Null(await LevelAsync(round, cell, long.Parse(key!)));
    }

    private Task<QualityLevel?> LevelAsync(long round, long cell, long member) => WithDbAsync(db =>
        db.MemberRatings.Where(r => r.MemberId == member && db.OrganizationAssessments.Any(a => a.Id == r.OrganizationAssessmentId && a.RoundId == round && a.OrganizationId == cell))
            .Select(r => r.FinalLevel).SingleAsync());
}
