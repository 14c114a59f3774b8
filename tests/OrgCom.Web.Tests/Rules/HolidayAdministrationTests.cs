using OrgCom.Core.Calendar;
using OrgCom.Core.Members.Rules;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Rules;

public sealed class HolidayAdministrationTests : RulesTest
{
    private const string Url = "/Rules/Holidays";

    private static Dictionary<string, string> Day(string date, string kind = "ExtraDayOff", string name = "Nghỉ thêm nhân dịp kỷ niệm",
        string source = "Quyết định 123/QĐ-TTg ngày 20/11/2026", bool provisional = false) => new()
    {
        ["Input.Date"] = date, ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.Source"] = source,
        ["Input.IsProvisional"] = provisional ? "true" : "false",
    };

    [Fact]
    public async Task The_calendar_is_listed_by_year_with_provisional_years_marked_and_only_days_to_come_removable()
    {
        var page = await GetDocumentAsync(await SignInAsync("admin"), Url);

        Assert.Equal([2027, 2026, 2025, 2024], page.QuerySelectorAll("[data-testid^=year-]").Select(h => int.Parse(h.GetAttribute("data-testid")![5..])));
        Assert.Contains("dự kiến: 8 ngày", page.QuerySelector("[data-testid=provisional-2027]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=provisional-2026]"));
        Assert.Contains("dự kiến", page.QuerySelector("[data-testid=day-2027-02-04]")!.TextContent);
        Assert.Contains("thứ Năm", page.QuerySelector("[data-testid=day-2027-02-04]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=remove-2027-02-04]"));
        Assert.NotNull(page.QuerySelector("[data-testid=remove-2026-11-24]"));
        Assert.Null(page.QuerySelector("[data-testid=remove-2026-09-02]"));
    }

    [Fact]
    public async Task An_added_day_off_moves_a_30_working_day_deadline_at_once_and_removing_it_moves_it_back()
    {
        // Probation from 01/03/2026 ends on 01/03/2027 (Monday); the cell proposes recognition within 30 working days.
        var (rules, calendar) = await InForceAsync();
        var before = Probation.For(D("2026-03-01"), rules, calendar);
        Assert.Equal(30, before.RecognitionWorkingDays);
        Assert.Equal(D("2027-04-12"), before.RecognitionDueBy);

        var client = await SignInAsync("admin");
        var page = await SubmitAsync(client, $"{Url}?handler=Add", Day("05/03/2027"), Url);

        Assert.Equal("", Errors(page));
        Assert.Contains("Đã thêm ngày 05/03/2027", Success(page));
        Assert.Contains("Nghỉ thêm theo quyết định của Thủ tướng", page.QuerySelector("[data-testid=day-2027-03-05]")!.TextContent);
        (rules, calendar) = await InForceAsync();
        Assert.False(calendar.IsWorkingDay(D("2027-03-05")));
        Assert.Equal(D("2027-04-13"), Probation.For(D("2026-03-01"), rules, calendar).RecognitionDueBy);
        var added = (await AuditAsync("public_holidays")).Single(a => a.Action == AuditAction.Insert && a.EntityKey == "2027-03-05");
        Assert.Equal(("2027-03-05", "admin", "Quyết định 123/QĐ-TTg ngày 20/11/2026"), (added.EntityKey, added.UserName, added.Reason));
        Assert.Equal((null, "ExtraDayOff"), Change(added, "kind"));

        page = await SubmitAsync(client, $"{Url}?handler=Remove", new() { ["date"] = "05/03/2027" }, Url);
        Assert.Contains("Đã xóa ngày 05/03/2027", Success(page));
        (rules, calendar) = await InForceAsync();
        Assert.Equal(D("2027-04-12"), Probation.For(D("2026-03-01"), rules, calendar).RecognitionDueBy);
        var removed = (await AuditAsync("public_holidays")).Single(a => a.Action == AuditAction.Delete && a.EntityKey == "2027-03-05");
        Assert.Equal(("Nghỉ thêm nhân dịp kỷ niệm", null), Change(removed, "name"));
    }

    [Fact]
    public async Task A_provisional_day_is_marked_as_such()
    {
        var client = await SignInAsync("admin");
        var page = await SubmitAsync(client, $"{Url}?handler=Add", Day("01/10/2027", "Holiday", "Nghỉ lễ dự kiến", "chưa có thông báo", provisional: true), Url);

        Assert.Contains("dự kiến", page.QuerySelector("[data-testid=day-2027-10-01]")!.TextContent);
        Assert.Contains("DỰ KIẾN — chưa có thông báo", page.QuerySelector("[data-testid=day-2027-10-01]")!.TextContent);
        Assert.True((await InForceAsync()).Calendar.Holidays.Single(h => h.Date == D("2027-10-01")).IsProvisional);
    }

    [Theory]
    [InlineData("31/02/2027", "ExtraDayOff", "Quyết định 123/QĐ-TTg", "Ngày nghỉ \"31/02/2027\" không phải ngày hợp lệ")]
    [InlineData("05/03/2027", "ExtraDayOff", " ", "Chưa nhập văn bản làm căn cứ")]
    [InlineData("04/02/2027", "Holiday", "Quyết định 123/QĐ-TTg", "Ngày 04/02/2027 đã có trong lịch nghỉ")]
    [InlineData("20/11/2026", "ExtraDayOff", "Quyết định 123/QĐ-TTg", "Ngày 20/11/2026 đã qua")]
    [InlineData("06/03/2027", "ExtraDayOff", "Quyết định 123/QĐ-TTg", "rơi vào thứ Bảy hoặc Chủ nhật")]
    [InlineData("03/01/2028", "Holiday", "Quyết định 123/QĐ-TTg", "Năm 2028 chưa có lịch nghỉ")]
    [InlineData("05/03/2027", "Bogus", "Quyết định 123/QĐ-TTg", "Chưa chọn loại ngày")]
    public async Task Bad_input_gets_a_clear_message_on_the_form_and_changes_nothing(string date, string kind, string source, string message)
    {
        var client = await SignInAsync("admin");
        var before = await FingerprintAsync();

        var page = await SubmitAsync(client, $"{Url}?handler=Add", Day(date, kind, source: source), Url);

        Assert.Contains(message, Errors(page));
        Assert.Equal(date, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Date")!).Value);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("02/09/2026", "Ngày 02/09/2026 đã qua: lịch nghỉ của những ngày đã qua là lịch sử")]
    [InlineData("05/03/2027", "Ngày 05/03/2027 không có trong lịch nghỉ")]
    [InlineData("31/02/2027", "không phải ngày hợp lệ")]
    public async Task A_day_passed_or_not_in_the_calendar_is_not_removed(string date, string message)
    {
        var client = await SignInAsync("admin");
        var before = await FingerprintAsync();

        var page = await SubmitAsync(client, $"{Url}?handler=Remove", new() { ["date"] = date }, Url);

        Assert.Contains(message, Errors(page));
        Assert.Equal(before, await FingerprintAsync());
    }
}
