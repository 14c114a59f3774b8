using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Assessments;

public sealed class RatingImportTests : AssessmentTest
{
    private sealed record Line(object? Id, string Level, string? Note);

    private static async Task<byte[]> SheetAsync(params Line[] lines)
    {
        // A typed CCCD cell loses its leading zeros when typed as a number: both kinds are written.
        var report = new XlsxReport<Line>(
        [
            XlsxColumn<Line>.Text("Số CCCD hoặc số thẻ đảng viên", l => l.Id as string),
            XlsxColumn<Line>.Integer("CCCD (dạng số)", l => l.Id is long n ? n : null),
            XlsxColumn<Line>.Text("Mức xếp loại", l => l.Level),
            XlsxColumn<Line>.Text("Ghi chú", l => l.Note),
        ]) { TitleLines = ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025"] };
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, report, lines.ToAsyncEnumerable());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] file, string name = "xep-loai.xlsx")
    {
        var token = await AntiforgeryTokenAsync(client, url);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        form.Add(content, "upload", name);
        return await client.PostAsync(url + "?handler=Import", form);
    }

    private async Task<(long Round, long Cell, string Url, HttpClient Staff, List<(long Id, string Name, bool Official)> Members)> ArrangeAsync()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        await TestDatabase.ExecuteAsync(
            "update members set citizen_id = lpad(id::text, 12, '0'), party_card_number = '9' || lpad(id::text, 7, '0') "
            + "where organization_id in (select id from organizations where code like 'X00004.%')", DatabaseName);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        return (round, cell, url, staff, await CellMembersAsync());
    }

    private static string Cccd(long id) => id.ToString().PadLeft(12, '0');

    [Fact]
    public async Task A_sheet_rates_the_whole_organization_by_CCCD_or_card_number()
    {
        var (round, cell, url, staff, members) = await ArrangeAsync();
        var lines = members.Select((m, i) => (i % 3) switch
        {
            0 => new Line(Cccd(m.Id), "Hoàn thành tốt nhiệm vụ", null),
            1 => new Line(m.Id, "htnv", "nhập dạng số"),
            _ => new Line("9" + m.Id.ToString().PadLeft(7, '0'), "2", null),
        }).ToArray();
        var response = await UploadAsync(staff, url, await SheetAsync(lines));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = (await AssessmentAsync(round, cell))!;
        Assert.All(stored.Members, m => Assert.NotNull(m.FinalLevel));
        Assert.Equal(members.Count / 3 + (members.Count % 3 > 1 ? 1 : 0), stored.CompletedCount);
        Assert.Equal("nhập dạng số", stored.Members.Single(m => m.MemberId == members[1].Id).Note);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "member_ratings" && a.Reason == "Nhập từ tệp xep-loai.xlsx")));
    }

    [Fact]
    public async Task A_sheet_sets_final_levels_and_keeps_what_was_typed_in_the_grid()
    {
        var (round, cell, url, staff, members) = await ArrangeAsync();
        var typed = await PostFormAsync(staff, url + "?handler=Row", new()
        {
            ["memberId"] = members[0].Id.ToString(), ["selfLevel"] = "Good", ["proposedLevel"] = "Excellent", ["points"] = "92,5",
            ["finalLevel"] = "", ["notAssessedReason"] = "", ["note"] = "Nhận xét của chi bộ",
        }, url);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        var response = await UploadAsync(staff, url, await SheetAsync(
            new Line(Cccd(members[0].Id), "Hoàn thành tốt nhiệm vụ", null),
            new Line(Cccd(members[1].Id), "Hoàn thành nhiệm vụ", "ghi chú từ tệp")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = (await AssessmentAsync(round, cell))!;
        var first = stored.Members.Single(m => m.MemberId == members[0].Id);
        Assert.Equal(new RatingInput(QualityLevel.Good, QualityLevel.Excellent, 92.5m, QualityLevel.Good, null, "Nhận xét của chi bộ"), first.Input);
        Assert.Equal("ghi chú từ tệp", stored.Members.Single(m => m.MemberId == members[1].Id).Note);

        // A member excused in the grid is not silently rated by the sheet: the row is refused, nothing changes.
        await PostRowAsync(staff, url, members[2].Id, null, "Ill");
        var before = await SnapshotAsync();
        var errors = await PageErrorsAsync(await UploadAsync(staff, url, await SheetAsync(
            new Line(Cccd(members[0].Id), "Hoàn thành nhiệm vụ", null), new Line(Cccd(members[2].Id), "Hoàn thành nhiệm vụ", null))));
        Assert.Contains("không nhập dòng nào", errors);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_card_number_with_leading_zeros_typed_as_a_number_is_found()
    {
        var (round, cell, url, staff, members) = await ArrangeAsync();
        await TestDatabase.ExecuteAsync($"update members set party_card_number = '00' || lpad(id::text, 8, '0') where id = {members[0].Id}", DatabaseName);
        var response = await UploadAsync(staff, url, await SheetAsync(new Line(members[0].Id, "Hoàn thành nhiệm vụ", null)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(QualityLevel.Completed, (await AssessmentAsync(round, cell))!.Members.Single(m => m.MemberId == members[0].Id).FinalLevel);
    }

    [Fact]
    public async Task A_sheet_with_a_bad_row_changes_nothing_and_gives_an_error_file()
    {
        var (_, _, url, staff, members) = await ArrangeAsync();
        var outsider = (await CellMembersAsync("X00004.CB01"))[0];
        var before = await SnapshotAsync();
        var response = await UploadAsync(staff, url, await SheetAsync(
            new Line(Cccd(members[0].Id), "Hoàn thành tốt nhiệm vụ", null),
            new Line(Cccd(outsider.Id), "Hoàn thành tốt nhiệm vụ", null),
            new Line(Cccd(members[1].Id), "giỏi", null),
            new Line(Cccd(members[0].Id), "Hoàn thành nhiệm vụ", null),
            new Line(null, "Hoàn thành nhiệm vụ", null)));
        var errors = await PageErrorsAsync(response);
        Assert.Contains("không nhập dòng nào", errors);
        Assert.Equal(before, await SnapshotAsync());

        var page = await DocumentAsync(response);
        var listed = page.QuerySelector("[data-testid=import-errors]")!;
        var text = listed.TextContent;
        Assert.Contains("Dòng 5: không có đảng viên mang CCCD", text);
        Assert.Contains("Dòng 6: mức xếp loại \"giỏi\" không hợp lệ", text);
        Assert.Contains("Dòng 7: đảng viên", text);
        Assert.Contains("đã có ở dòng 4", text);
        Assert.Contains("Dòng 8: thiếu số CCCD", text);

        var download = await staff.GetAsync(listed.QuerySelector("a")!.GetAttribute("href")!.Replace("&amp;", "&"));
        Assert.Equal(XlsxWriter.ContentType, download.Content.Headers.ContentType!.MediaType);
        using var reader = XlsxReader.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        var rows = reader.ReadRows().ToList();
        Assert.Contains(rows, r => r[1].Number == 5 && r[3].Text!.Contains("không có đảng viên"));
        Assert.Contains(rows, r => r[1].Number == 7 && r[3].Text!.Contains("đã có ở dòng 4"));

        // The error file is its author's only.
        var other = await SignInAsync("hanoi");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(listed.QuerySelector("a")!.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task An_xls_or_a_file_that_is_no_spreadsheet_is_refused_with_a_message()
    {
        var (_, _, url, staff, _) = await ArrangeAsync();
        var before = await SnapshotAsync();
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        async Task<string> Refused(byte[] file, string name)
        {
            var response = await UploadAsync(staff, url, file, name);
            Assert.Contains("không nhập dòng nào", await PageErrorsAsync(response));
            return (await DocumentAsync(response)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        }
        Assert.Contains(".xls (Excel 97-2003) không được hỗ trợ, hãy lưu lại dạng .xlsx", await Refused(xls, "xep-loai.xlsx"));
        Assert.Contains("Tệp không đọc được", await Refused("CCCD;Xếp loại\n001;Tốt"u8.ToArray(), "xep-loai.csv"));
        Assert.Contains("Tệp không đọc được", await Refused([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "hong.xlsx"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_sheet_after_the_lock_is_refused()
    {
        var (round, cell, url, staff, members) = await ArrangeAsync();
        await RateAllAsync(staff, url, members, 0);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        var before = await SnapshotAsync();
        var response = await UploadAsync(staff, url, await SheetAsync(new Line(Cccd(members[0].Id), "Hoàn thành nhiệm vụ", null)));
        Assert.Contains("không sửa được", await PageErrorsAsync(response));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(AssessmentStatus.Submitted, (await AssessmentAsync(round, cell))!.Status);
    }

    [Fact]
    public async Task The_template_lists_the_roster_to_fill_in()
    {
        var (_, _, url, staff, members) = await ArrangeAsync();
        var file = await staff.GetAsync(url + "?handler=Template");
        using var reader = XlsxReader.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()));
        var cells = reader.ReadRows().SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.All(members, m => Assert.Contains(Cccd(m.Id), cells));
        // Filled in as it is, it imports.
        var rows = XlsxReaderRows(await file.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => r.Contains("Xếp loại"));
    }

    [Fact]
    public async Task A_member_who_has_since_left_the_scope_keeps_the_name_on_the_roster_but_not_the_identifiers_or_the_dossier_link()
    {
        var (_, _, url, staff, members) = await ArrangeAsync();
        var gone = members[0];
        await TestDatabase.ExecuteAsync(
            $"update members set organization_id = (select id from organizations where code = 'T79') where id = {gone.Id}", DatabaseName);

        var page = await staff.GetStringAsync(url);
        Assert.Contains(gone.Name, page);
        Assert.Contains("đã chuyển đi", page);
        Assert.DoesNotContain($"/Members/Details/{gone.Id}\"", page);
        Assert.Contains($"/Members/Details/{members[1].Id}\"", page);

        var file = await staff.GetAsync(url + "?handler=Template");
        using var reader = XlsxReader.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()));
        var cells = reader.ReadRows().SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.DoesNotContain(Cccd(gone.Id), cells);
        Assert.Contains(Cccd(members[1].Id), cells);
    }

    private static List<string> XlsxReaderRows(byte[] file)
    {
        using var reader = XlsxReader.Open(new MemoryStream(file));
        return reader.ReadRows().Select(r => string.Join("|", r.Cells.Select(c => c.ToString()))).ToList();
    }
}
