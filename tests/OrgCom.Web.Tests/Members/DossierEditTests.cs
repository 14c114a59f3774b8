using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Members;

/// <summary>Each section of the dossier saved through its form: the values land exactly, and the audit line says
/// which section changed, with the old and new values.</summary>
public sealed class DossierEditTests : DossierTest
{
    private static JsonElement Change(AuditEntry line, string column)
    {
        var changes = JsonDocument.Parse(line.Changes!).RootElement;
        Assert.True(changes.TryGetProperty(column, out var change), $"the audit line has no change of {column}: {line.Changes}");
        return change;
    }

    [Fact]
    public async Task Identity_is_saved_exactly_and_audited_with_old_and_new_values()
    {
        var id = await HanoiMemberAsync();
        var before = await MemberAsync(id);
        var client = await SignInAsync("hanoi");
        var response = await SaveSectionAsync(client, id, "Identity", new()
        {
            ["FullName"] = "  Nguyễn   Thị Thu  Hằng ", ["OtherNames"] = "Hằng Nga", ["Gender"] = "Female",
            ["BirthDate"] = "5/3/1982", ["BirthYearOnly"] = null, ["CitizenId"] = "001 182 012 345",
            ["Hometown"] = "Xã Đông Anh, Hà Nội", ["Birthplace"] = "Bệnh viện Bạch Mai, Hà Nội",
            ["Residence"] = "Số 12 phố Quán Thánh, phường Ba Đình, Hà Nội", ["Ethnicity"] = "Kinh", ["Religion"] = "Phật giáo",
            ["Occupation"] = "Giáo viên",
        });
        AssertSavedAndBackToDossier(response, id);

        var m = await MemberAsync(id);
        Assert.Equal("Nguyễn Thị Thu Hằng", m.FullName);
        Assert.Equal(("Nguyễn", "Thị Thu", "Hằng"), (m.FamilyName, m.MiddleName, m.GivenName));
        Assert.Equal("nguyen thi thu hang", m.NameFolded);
        Assert.Equal("Hằng Nga", m.OtherNames);
        Assert.Equal(Gender.Female, m.Gender);
        Assert.Equal(new DateOnly(1982, 3, 5), m.BirthDate);
        Assert.False(m.BirthYearOnly);
        Assert.Equal("001182012345", m.CitizenId);
        Assert.Equal("Xã Đông Anh, Hà Nội", m.Hometown);
        Assert.Equal("Bệnh viện Bạch Mai, Hà Nội", m.Birthplace);
        Assert.Equal("Số 12 phố Quán Thánh, phường Ba Đình, Hà Nội", m.Residence);
        Assert.Equal(("Kinh", "Phật giáo", "Giáo viên"), (m.Ethnicity, m.Religion, m.Occupation));

        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("hanoi", line.UserName);
        Assert.Equal("Cập nhật lý lịch: Sơ yếu lý lịch", line.Reason);
        Assert.Equal(JsonValueKind.Null, Change(line, "citizen_id").GetProperty("old").ValueKind);
        Assert.Equal("001182012345", Change(line, "citizen_id").GetProperty("new").GetString());
        Assert.Equal(before.FullName, Change(line, "full_name").GetProperty("old").GetString());
        Assert.Equal("Nguyễn Thị Thu Hằng", Change(line, "full_name").GetProperty("new").GetString());
        Assert.Equal("1982-03-05", Change(line, "birth_date").GetProperty("new").GetString());

        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Contains("Đã lưu phần Sơ yếu lý lịch", dossier.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("05/03/1982", dossier.QuerySelector("[data-testid=birth]")!.TextContent.Trim());
        Assert.Equal("001182012345", dossier.QuerySelector("[data-testid=citizen-id]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_birth_known_only_by_its_year_is_saved_as_the_year_and_shown_as_the_year()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("xa.badinh");
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Identity", new()
        {
            ["BirthDate"] = "1975", ["BirthYearOnly"] = "true",
        }), id);

        var m = await MemberAsync(id);
        Assert.True(m.BirthYearOnly);
        Assert.Equal(new DateOnly(1975, 1, 1), m.BirthDate);
        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal("1975", dossier.QuerySelector("[data-testid=birth]")!.TextContent.Trim());
        var form = await GetDocumentAsync(client, EditUrl(id, "Identity"));
        Assert.Equal("1975", FormFields(form)["BirthDate"]);
        Assert.Equal("true", FormFields(form)["BirthYearOnly"]);
    }

    [Fact]
    public async Task Education_is_saved_exactly_and_audited()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Education", new()
        {
            ["GeneralEducation"] = "12/12", ["Professional"] = "Cử nhân Luật", ["AcademicTitle"] = "Thạc sĩ",
            ["PoliticalTheory"] = "Advanced", ["ForeignLanguages"] = "Tiếng Anh B1", ["InformationTechnology"] = "Ứng dụng CNTT cơ bản",
        }), id);

        var m = await MemberAsync(id);
        Assert.Equal(new Education("12/12", "Cử nhân Luật", "Thạc sĩ", PoliticalTheoryLevel.Advanced, "Tiếng Anh B1", "Ứng dụng CNTT cơ bản"),
            m.Education);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Trình độ", line.Reason);
        Assert.Equal("None", Change(line, "political_theory").GetProperty("old").GetString());
        Assert.Equal("Advanced", Change(line, "political_theory").GetProperty("new").GetString());
        Assert.Equal("Cử nhân Luật", Change(line, "professional").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Work_history_rows_are_saved_in_order_blank_rows_ignored_and_audited()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "WorkHistory", new()
        {
            ["Rows[0].From"] = "9/2004", ["Rows[0].To"] = "06/2010", ["Rows[0].Position"] = "Giáo viên", ["Rows[0].Unit"] = "Trường THCS Giảng Võ",
            ["Rows[1].From"] = "07/2010", ["Rows[1].To"] = "", ["Rows[1].Position"] = "Phó hiệu trưởng", ["Rows[1].Unit"] = "Trường THPT Phan Đình Phùng",
            ["Rows[2].From"] = "", ["Rows[2].To"] = "", ["Rows[2].Position"] = " ", ["Rows[2].Unit"] = "",
        }), id);

        var m = await MemberAsync(id);
        Assert.Equal<WorkHistoryEntry>(
        [
            new("9/2004", "06/2010", "Giáo viên", "Trường THCS Giảng Võ"),
            new("07/2010", null, "Phó hiệu trưởng", "Trường THPT Phan Đình Phùng"),
        ], m.WorkHistory);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Quá trình công tác", line.Reason);
        Assert.Contains("Trường THPT Phan Đình Phùng", Change(line, "work_history").GetProperty("new").ToString());

        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        var work = dossier.QuerySelector("[data-testid=section-work]")!.TextContent;
        Assert.Contains("Phó hiệu trưởng", work);
        Assert.Contains("nay", work);

        // The form shows the saved rows and one empty row to fill in.
        var form = FormFields(await GetDocumentAsync(client, EditUrl(id, "WorkHistory")));
        Assert.Equal("07/2010", form["Rows[1].From"]);
        Assert.Equal("", form["Rows[2].From"]);
        Assert.False(form.ContainsKey("Rows[3].From"));
    }

    [Fact]
    public async Task Family_is_saved_exactly_and_audited()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Family", new()
        {
            ["Rows[0].Relation"] = "Cha", ["Rows[0].FullName"] = "Nguyễn Văn Bình", ["Rows[0].BirthYear"] = "1950",
            ["Rows[0].Occupation"] = "Hưu trí", ["Rows[0].Residence"] = "Đông Anh, Hà Nội",
            ["Rows[1].Relation"] = "Con", ["Rows[1].FullName"] = "Trần Minh Khôi", ["Rows[1].BirthYear"] = "",
            ["Rows[1].Occupation"] = "", ["Rows[1].Residence"] = "",
        }), id);

        var m = await MemberAsync(id);
        Assert.Equal<Relative>(
        [
            new("Cha", "Nguyễn Văn Bình", 1950, "Hưu trí", "Đông Anh, Hà Nội"),
            new("Con", "Trần Minh Khôi", null, null, null),
        ], m.Family);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Quan hệ gia đình", line.Reason);
        Assert.Contains("Nguyễn Văn Bình", Change(line, "family").GetProperty("new").ToString());
    }

    [Fact]
    public async Task Awards_are_saved_exactly_and_audited()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Awards", new()
        {
            ["Rows[0].Date"] = "12/2015", ["Rows[0].Form"] = "Giấy khen", ["Rows[0].DecisionNumber"] = "45-QĐ/ĐU",
            ["Rows[0].GrantedBy"] = "Đảng ủy phường Ba Đình",
        }), id);

        var m = await MemberAsync(id);
        Assert.Equal<Award>([new("12/2015", "Giấy khen", "45-QĐ/ĐU", "Đảng ủy phường Ba Đình")], m.Awards);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Khen thưởng", line.Reason);
        Assert.Contains("Giấy khen", Change(line, "awards").GetProperty("new").ToString());
    }

    [Fact]
    public async Task Introducers_are_corrected_within_the_rule_and_audited()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var three = await SaveSectionAsync(client, id, "Introducers", new()
        {
            ["Rows[0].FullName"] = "Nguyễn Văn Hùng", ["Rows[1].FullName"] = "Lê Thị Hoa", ["Rows[2].FullName"] = "Trần Văn Ba",
        });
        Assert.Contains("hai người giới thiệu", (await DocumentAsync(three)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Empty((await MemberAsync(id)).Introducers);

        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "Introducers", new()
        {
            ["Rows[0].FullName"] = "Nguyễn Văn Hùng", ["Rows[0].Position"] = "Bí thư chi bộ",
            ["Rows[1].FullName"] = "Đoàn Thanh niên phường Ba Đình", ["Rows[1].IsYouthUnionResolution"] = "true",
        }), id);
        var m = await MemberAsync(id);
        Assert.Equal<Introducer>(
            [new("Nguyễn Văn Hùng", "Bí thư chi bộ", null, false), new("Đoàn Thanh niên phường Ba Đình", null, null, true)], m.Introducers);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Người giới thiệu", line.Reason);
    }

    [Fact]
    public async Task Party_card_number_is_saved_and_audited()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await SaveSectionAsync(client, id, "PartyCard", new() { ["PartyCardNumber"] = "0123 4567 89" }), id);

        Assert.Equal("0123456789", (await MemberAsync(id)).PartyCardNumber);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Số thẻ đảng viên", line.Reason);
        Assert.Equal("0123456789", Change(line, "party_card_number").GetProperty("new").GetString());
        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal("0123456789", dossier.QuerySelector("[data-testid=party-card]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_photo_is_stored_with_the_type_read_from_the_file_shown_on_the_dossier_and_redacted_in_the_audit()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        // The browser's declared type does not matter: the file is a PNG.
        AssertSavedAndBackToDossier(await UploadPhotoAsync(client, id, TinyPng, "application/octet-stream", "anh.png"), id);

        var m = await MemberAsync(id);
        Assert.Equal(TinyPng, m.Photo);
        Assert.Equal("image/png", m.PhotoContentType);
        var line = Assert.Single(await UpdatesAsync(id));
        Assert.Equal("Cập nhật lý lịch: Ảnh 3×4", line.Reason);
        Assert.Equal(AuditRecorder.Redacted, Change(line, "photo").GetProperty("new").GetString());

        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(TinyPng),
            dossier.QuerySelector("[data-testid=photo]")!.GetAttribute("src"));
    }

    [Fact]
    public async Task A_photo_is_removed_only_after_confirmation_and_the_removal_is_audited_with_the_photo_redacted()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await UploadPhotoAsync(client, id, TinyPng, "image/png", "anh.png"), id);

        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal(EditUrl(id, "Photo") + "?handler=Remove", dossier.QuerySelector("[data-testid=remove-photo]")!.GetAttribute("href"));
        var photoPage = await GetDocumentAsync(client, EditUrl(id, "Photo"));
        Assert.Equal(EditUrl(id, "Photo") + "?handler=Remove", photoPage.QuerySelector("[data-testid=remove-photo]")!.GetAttribute("href"));

        // "Xóa ảnh" asks first; asking changes nothing.
        var question = await GetDocumentAsync(client, EditUrl(id, "Photo") + "?handler=Remove");
        var confirm = question.QuerySelector("form[data-testid=confirm-remove]")!;
        Assert.Contains("Xóa ảnh 3×4?", confirm.TextContent);
        Assert.Equal(EditUrl(id, "Photo") + "?handler=Remove", confirm.GetAttribute("action"));
        Assert.Equal(TinyPng, (await MemberAsync(id)).Photo);

        var removed = await client.PostAsync(EditUrl(id, "Photo") + "?handler=Remove", new FormUrlEncodedContent(FormFields(question)));
        AssertSavedAndBackToDossier(removed, id);

        var m = await MemberAsync(id);
        Assert.Null(m.Photo);
        Assert.Null(m.PhotoContentType);
        var line = (await UpdatesAsync(id)).Last();
        Assert.Equal("hanoi", line.UserName);
        Assert.Equal("Cập nhật lý lịch: Ảnh 3×4 — xóa ảnh", line.Reason);
        Assert.Equal(AuditRecorder.Redacted, Change(line, "photo").GetProperty("old").GetString());
        Assert.Equal(JsonValueKind.Null, Change(line, "photo").GetProperty("new").ValueKind);
        Assert.Equal("image/png", Change(line, "photo_content_type").GetProperty("old").GetString());
        Assert.DoesNotContain(Convert.ToBase64String(TinyPng), line.Changes);

        var after = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Contains("Đã xóa ảnh 3×4", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(after.QuerySelector("[data-testid=photo]"));
        Assert.Null(after.QuerySelector("[data-testid=remove-photo]"));
        Assert.Contains("Chưa có ảnh 3×4", after.QuerySelector("[data-testid=section-identity]")!.TextContent);
    }

    [Fact]
    public async Task Removing_a_photo_someone_else_has_just_replaced_is_refused()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        AssertSavedAndBackToDossier(await UploadPhotoAsync(client, id, TinyPng, "image/png", "anh.png"), id);
        var question = await GetDocumentAsync(client, EditUrl(id, "Photo") + "?handler=Remove");

        var other = await SignInAsync("xa.badinh");
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 };
        AssertSavedAndBackToDossier(await UploadPhotoAsync(other, id, jpeg, "image/jpeg", "anh-moi.jpg"), id);

        var stale = await client.PostAsync(EditUrl(id, "Photo") + "?handler=Remove", new FormUrlEncodedContent(FormFields(question)));
        Assert.Contains(OrgCom.Web.Features.Members.DossierEditPage.StaleMessage, await ErrorsAsync(stale));
        Assert.Equal(jpeg, (await MemberAsync(id)).Photo);
    }

    [Fact]
    public async Task Adding_and_removing_rows_re_renders_the_table_and_saves_nothing()
    {
        var id = await HanoiMemberAsync();
        var before = await RowAsync(id);
        var client = await SignInAsync("hanoi");
        var fields = FormFields(await GetDocumentAsync(client, EditUrl(id, "Family")));
        fields["Rows[0].Relation"] = "Mẹ";
        fields["Rows[0].FullName"] = "Lê Thị Mai";

        var added = await client.PostAsync(EditUrl(id, "Family") + "?handler=AddRow", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var afterAdd = FormFields(await DocumentAsync(added));
        Assert.Equal("Lê Thị Mai", afterAdd["Rows[0].FullName"]);
        Assert.True(afterAdd.ContainsKey("Rows[1].FullName"));
        Assert.Equal(fields["Version"], afterAdd["Version"]);

        afterAdd["Rows[1].Relation"] = "Vợ";
        afterAdd["Rows[1].FullName"] = "Phạm Thu Trang";
        var removed = await client.PostAsync(EditUrl(id, "Family") + "?handler=RemoveRow&index=0", new FormUrlEncodedContent(afterAdd));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var afterRemove = FormFields(await DocumentAsync(removed));
        Assert.Equal("Phạm Thu Trang", afterRemove["Rows[0].FullName"]);
        Assert.False(afterRemove.ContainsKey("Rows[1].FullName"));

        Assert.Equal(before, await RowAsync(id));
        AssertSavedAndBackToDossier(await client.PostAsync(EditUrl(id, "Family"), new FormUrlEncodedContent(afterRemove)), id);
        Assert.Equal<Relative>([new("Vợ", "Phạm Thu Trang", null, null, null)], (await MemberAsync(id)).Family);
    }

    [Fact]
    public async Task Every_section_form_opens_with_the_current_values_and_the_opening_is_logged_as_a_view()
    {
        var id = await HanoiMemberAsync();
        var member = await MemberAsync(id);
        var client = await SignInAsync("hanoi");
        foreach (var section in Sections)
        {
            var page = await GetDocumentAsync(client, EditUrl(id, section));
            Assert.Contains(member.FullName, page.QuerySelector("h1")!.ParentElement!.TextContent);
            Assert.NotEmpty(FormFields(page)["Version"]);
        }
        Assert.Equal(member.FullName, FormFields(await GetDocumentAsync(client, EditUrl(id, "Identity")))["FullName"]);
        var views = await WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.View && a.EntityKey == id.ToString() && a.UserName == "hanoi"));
        Assert.Equal(Sections.Length + 1, views);
    }
}
