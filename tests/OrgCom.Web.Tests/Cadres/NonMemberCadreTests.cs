using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>Cadres outside the party (ADR 0014): registered and corrected within scope and audited, bad input changing
/// nothing; appointed like members; in the forecast, the eligibility check and the report (told apart from members); never in
/// member counts, lists or searches.</summary>
public sealed class NonMemberCadreTests : AppTest
{
    private const string Url = "/Cadres/People/Edit";

    private static Dictionary<string, string> Valid(string name = "Trịnh Thị Quần Chúng") => new()
    {
        ["OrganizationCode"] = "X00004", ["FullName"] = name, ["Gender"] = "Female", ["Birth"] = "10/03/1972",
        ["Ethnicity"] = "Tày", ["Religion"] = "Không", ["Professional"] = "Thạc sĩ Quản lý công", ["PoliticalTheory"] = "Intermediate",
        ["Hometown"] = "xã Tân Trào, tỉnh Tuyên Quang", ["CitizenId"] = "", ["Workplace"] = "Ủy ban nhân dân phường Ba Đình",
    };

    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select count(*) from non_member_cadres) || '/' || (select coalesce(string_agg(full_name || birth_date::text || coalesce(citizen_id, ''), ',' order by id), '') from non_member_cadres)"
        + " || '/' || (select count(*) from members) || '/' || (select count(*) from audit_log where action <> 'View')");

    private Task<long> RegisteredAsync(string name) => WithDbAsync(db => db.NonMemberCadres.Where(c => c.FullName == name).Select(c => c.Id).SingleAsync());

    private async Task<long> RegisterAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await PostFormAsync(client, Url, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent ?? response.StatusCode.ToString());
        return await RegisteredAsync(fields["FullName"]);
    }

    [Fact]
    public async Task A_non_member_cadre_is_registered_in_scope_audited_corrected_and_bad_input_changes_nothing()
    {
        var client = await SignInAsync("xa.badinh");
        var before = await FingerprintAsync();
        foreach (var (field, value, message) in new[]
        {
            ("FullName", " ", "Hãy nhập họ và tên"),
            ("FullName", new string('a', 151), "dài tối đa 150"),
            ("Gender", "", "Hãy chọn giới tính"),
            ("Birth", "", "Hãy nhập ngày sinh"),
            ("Birth", "31/02/1972", "không phải ngày hợp lệ"),
            ("Birth", "01/01/2099", "đến ngày hôm nay"),
            ("CitizenId", "12345", "đúng 12 chữ số"),
            ("CitizenId", "001080012345", "không khớp"),
            ("OrganizationCode", "X26740", "trong phạm vi của bạn"),
            ("OrganizationCode", "", "Hãy chọn tổ chức"),
        })
        {
            var response = await PostFormAsync(client, Url, new(Valid()) { [field] = value });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        // A member's CCCD: one person, one record (the refusal names nobody).
        await TestDatabase.ExecuteAsync(
            "update members set citizen_id = '001172054321' where id = (select min(m.id) from members m join organizations o on o.id = m.organization_id where o.code like 'X26740%')",
            DatabaseName);
        var taken = await PostFormAsync(client, Url, new(Valid()) { ["CitizenId"] = "001172054321" });
        Assert.Contains("đã có trong hồ sơ", (await DocumentAsync(taken)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());

        var id = await RegisterAsync(client, new(Valid()) { ["CitizenId"] = "001172012345" });
        var cadre = await WithDbAsync(db => db.NonMemberCadres.SingleAsync(c => c.Id == id));
        Assert.Equal(new DateOnly(1972, 3, 10), cadre.BirthDate);
        Assert.Equal("Tày", cadre.Ethnicity);
        // The id comes from the members' sequence: it names no member.
        Assert.False(await WithDbAsync(db => db.Members.AnyAsync(m => m.Id == id)));
        var insert = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "non_member_cadres" && a.EntityKey == id.ToString()));
        Assert.Equal(AuditAction.Insert, insert.Action);
        Assert.Equal("xa.badinh", insert.UserName);
        Assert.Contains("Đăng ký cán bộ ngoài Đảng", insert.Reason);

        // The dossier shows the fields; opening it is logged.
        var page = await GetDocumentAsync(client, $"/Cadres/People/{id}");
        Assert.Contains("Thạc sĩ Quản lý công", page.QuerySelector("[data-testid=details]")!.TextContent);
        Assert.Contains("001172012345", page.QuerySelector("[data-testid=citizen-id]")!.TextContent);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "non_member_cadres" && a.EntityKey == id.ToString() && a.Action == AuditAction.View)));
        Assert.Contains("Trịnh Thị Quần Chúng", (await GetDocumentAsync(client, "/Cadres/People")).QuerySelector("[data-testid=non-member-cadres]")!.TextContent);

        // A year-only birth, corrected: audited with before and after.
        var edited = await PostFormAsync(client, $"{Url}/{id}", new(Valid()) { ["Birth"] = "1973", ["CitizenId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        cadre = await WithDbAsync(db => db.NonMemberCadres.SingleAsync(c => c.Id == id));
        Assert.True(cadre.BirthYearOnly);
        Assert.Equal(new DateOnly(1973, 1, 1), cadre.BirthDate);
        Assert.Null(cadre.CitizenId);
        var update = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "non_member_cadres" && a.EntityKey == id.ToString() && a.Action == AuditAction.Update));
        Assert.Contains("1972-03-10", update.Changes);
        Assert.Contains("1973-01-01", update.Changes);

        // Another province: not found, not listed, cannot change it.
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Cadres/People/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"{Url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Cadres/Appoint/{id}")).StatusCode);
        Assert.DoesNotContain("Quần Chúng", (await GetDocumentAsync(hcm, "/Cadres/People")).Body!.TextContent);
        var hcmBefore = await FingerprintAsync();
        var hcmPost = await PostFormAsync(hcm, $"{Url}/{id}", new(Valid()) { ["FullName"] = "Tên khác" }, "/Cadres/People");
        Assert.Equal(HttpStatusCode.NotFound, hcmPost.StatusCode);
        Assert.Equal(hcmBefore, await FingerprintAsync());
    }

    [Fact]
    public async Task A_non_member_cadre_is_appointed_and_appears_in_the_forecast_the_eligibility_check_and_the_report_but_never_among_members()
    {
        var membersBefore = await TestDatabase.ScalarAsync<string>(DatabaseName,
            "select (select count(*) from members) || '/' || (select count(*) from members_as_of((select id from organizations where code = 'T01'), current_date, true))");
        var client = await SignInAsync("xa.badinh");
        // A man born in March 1966 retires at 61 years 9 months (2027): within the forecast's three years.
        var id = await RegisterAsync(client, new(Valid("Phan Văn Ngoài Đảng")) { ["Gender"] = "Male", ["Birth"] = "10/03/1966" });
        var position = await WithDbAsync(db => db.Positions
            .Where(p => p.Name == "Phó Chủ tịch" && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Code == "X00004")).Select(p => p.Id).FirstAsync());
        var appointed = await PostFormAsync(client, $"/Cadres/Appoint/{id}", new()
        {
            ["PositionId"] = position.ToString(), ["Kind"] = "Appointment", ["DecisionNumber"] = "130-QĐ/UBND",
            ["DecisionDate"] = "01/03/2026", ["StartOn"] = "15/03/2026", ["IsConcurrent"] = "false",
        });
        Assert.True(appointed.StatusCode == HttpStatusCode.Redirect,
            (await DocumentAsync(appointed)).QuerySelector("[data-testid=errors]")?.TextContent ?? appointed.StatusCode.ToString());
        var appointment = await WithDbAsync(db => db.Appointments.SingleAsync(a => a.MemberId == id));
        // An appointed term runs at most to retirement (end of December 2027).
        Assert.Equal(new DateOnly(2027, 12, 31), appointment.TermEndsOn);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "appointments" && a.EntityKey == appointment.Id.ToString())));

        var appointPage = await GetDocumentAsync(client, $"/Cadres/Appoint/{id}");
        Assert.NotNull(appointPage.QuerySelector($"a[href='/Cadres/People/{id}']"));
        Assert.Contains("130-QĐ/UBND", (await GetDocumentAsync(client, $"/Cadres/People/{id}")).QuerySelector("[data-testid=appointments]")!.TextContent);

        var hanoi = await SignInAsync("hanoi");
        var forecast = await GetDocumentAsync(hanoi, "/Cadres/Retirement?Months=36");
        var row = forecast.QuerySelectorAll("[data-testid=forecast] tbody tr").Single(r => r.TextContent.Contains("Phan Văn Ngoài Đảng"));
        Assert.NotNull(row.QuerySelector("[data-testid=non-member]"));
        Assert.NotNull(row.QuerySelector($"a[href='/Cadres/People/{id}']"));
        var excel = await hanoi.GetAsync("/Cadres/Retirement?Months=36&handler=Excel");
        using (var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
            Assert.Contains(reader.ReadRows(), r => r.Cells.Any(c => c.Text == "Phan Văn Ngoài Đảng") && r.Cells.Any(c => c.Text == "Ngoài Đảng"));
        Assert.DoesNotContain("Phan Văn Ngoài Đảng", (await GetDocumentAsync(await SignInAsync("hcm"), "/Cadres/Retirement?Months=36")).Body!.TextContent);

        // The eligibility check lists and checks them.
        var eligibility = await GetDocumentAsync(hanoi, $"/Cadres/Eligibility?MemberId={id}&PositionId={position}&Date=01/12/2026");
        Assert.Contains("Phan Văn Ngoài Đảng (ngoài Đảng)", eligibility.QuerySelector("select#MemberId")!.TextContent);
        Assert.Contains("Phan Văn Ngoài Đảng", eligibility.QuerySelector("[data-testid=verdict]")!.TextContent);

        // The report: 10 members + 1 outside the party; the filter tells them apart.
        string[] Total(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelector("[data-testid=levels] tr[data-row='Tổng số']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        var all = Total(await GetDocumentAsync(hanoi, "/Cadres/Report"));
        Assert.Equal("11", all[1]);
        Assert.Equal("1", all[^1]);
        var nonMembers = Total(await GetDocumentAsync(hanoi, "/Cadres/Report?Party=nonmember"));
        Assert.Equal(["Tổng số", "1", "0", "1"], nonMembers[..4]); // a man of the Tày people
        Assert.Equal("10", Total(await GetDocumentAsync(hanoi, "/Cadres/Report?Party=member"))[1]);
        using (var reader = XlsxReader.Open(new MemoryStream(await (await hanoi.GetAsync("/Cadres/Report?handler=Excel&Party=nonmember")).Content.ReadAsByteArrayAsync())))
        {
            var rows = reader.ReadRows().ToList();
            Assert.Contains(rows, r => r.Cells.Any(c => (c.Text ?? "").Contains("chỉ cán bộ ngoài Đảng")));
            Assert.Equal(1, rows.Single(r => r[1].Text == "Tổng cộng")[3].Number);
        }

        // A rotation, as for a member (Quy định 65-QĐ/TW applies to cán bộ).
        var rotated = await PostFormAsync(client, $"/Cadres/Rotations/New/{id}", new()
        {
            ["FromAppointmentId"] = appointment.Id.ToString(), ["ToOrganizationCode"] = "X00008",
            ["ToPositionName"] = "Phó Chủ tịch Ủy ban nhân dân phường Ngọc Hà", ["ToLevel"] = "", ["Direction"] = "Sideways",
            ["DecisionNumber"] = "56-QĐ/TU", ["DecisionDate"] = "01/10/2026", ["StartOn"] = "01/11/2026", ["PlannedEndOn"] = "31/10/2027",
            ["Purpose"] = "Tăng cường cán bộ",
        });
        Assert.True(rotated.StatusCode == HttpStatusCode.Redirect,
            (await DocumentAsync(rotated)).QuerySelector("[data-testid=errors]")?.TextContent ?? rotated.StatusCode.ToString());
        Assert.Equal("Phan Văn Ngoài Đảng", await WithDbAsync(db => db.Rotations.Where(r => r.MemberId == id).Select(r => r.MemberName).SingleAsync()));

        // Never a member: not counted, not listed, not found, no member dossier.
        Assert.Equal(membersBefore, await TestDatabase.ScalarAsync<string>(DatabaseName,
            "select (select count(*) from members) || '/' || (select count(*) from members_as_of((select id from organizations where code = 'T01'), current_date, true))"));
        var search = await GetDocumentAsync(hanoi, "/Members/Search?q=Phan+Văn+Ngoài+Đảng");
        Assert.NotNull(search.QuerySelector("[data-testid=empty]"));
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/Members/Details/{id}")).StatusCode);
        var cell = await GetDocumentAsync(hanoi, $"/Organizations/Details/{await OrganizationIdAsync("X00004")}");
        Assert.DoesNotContain("Phan Văn Ngoài Đảng", cell.Body!.TextContent);
    }

    [Fact]
    public async Task The_database_keeps_cadre_records_pointing_at_an_existing_person()
    {
        // No member and no non-member cadre has this id: the trigger refuses it like the foreign key did.
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => TestDatabase.ScalarAsync<long>(DatabaseName,
            "update appointments set member_id = -5 where id = (select min(id) from appointments) returning id"));
        Assert.Equal("23503", error.SqlState);
        var holder = await TestDatabase.ScalarAsync<long>(DatabaseName, "select member_id from appointments order by id limit 1");
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => TestDatabase.ScalarAsync<long>(DatabaseName,
            $"delete from members where id = {holder} returning id"));
        Assert.Equal("23503", refused.SqlState);
        Assert.Contains("Không xóa được", refused.MessageText ?? "");
    }
}
