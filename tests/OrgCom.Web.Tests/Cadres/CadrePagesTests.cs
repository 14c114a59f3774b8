using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>The cadre pages on the demo data: positions, appointments and the dossier, the retirement forecast, the
/// reappointment worklist and the eligibility check — each within scope, each change audited, bad input changing nothing.</summary>
public sealed class CadrePagesTests : AppTest
{
    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select count(*) from positions) || '/' || (select count(*) from appointments) || '/' || "
        + "(select coalesce(string_agg(ended_on::text || end_reason, ',' order by id), '') from appointments) || '/' || (select count(*) from audit_log where action <> 'View')");

    private Task<long> HanoiCellMemberAsync(int skip) => WithDbAsync(async db =>
    {
        var cell = await db.Organizations.Where(o => o.Code == "X00004.CB03").Select(o => o.Id).SingleAsync();
        return await db.Members.Where(m => m.OrganizationId == cell && !db.Appointments.Any(a => a.MemberId == m.Id))
            .OrderBy(m => m.Id).Select(m => m.Id).Skip(skip).FirstAsync();
    });

    private Task<long> PositionIdAsync(string organizationCode, string name) => WithDbAsync(db => db.Positions
        .Where(p => p.Name == name && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Code == organizationCode))
        .Select(p => p.Id).FirstAsync());

    [Fact]
    public async Task A_position_is_added_in_scope_audited_and_bad_input_changes_nothing()
    {
        var client = await SignInAsync("hanoi");
        var ok = await PostFormAsync(client, "/Cadres/Positions", new()
        {
            ["OrganizationCode"] = "X00004", ["Name"] = "Phó Bí thư Đảng ủy phường", ["Level"] = "Commune", ["BodyKind"] = "Party",
            ["IsCommitteeSeat"] = "true", ["RequiredPoliticalTheory"] = "Intermediate", ["StandardSource"] = "Quy định 214-QĐ/TW ngày 02/01/2020",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var id = await PositionIdAsync("X00004", "Phó Bí thư Đảng ủy phường");
        var audited = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "positions" && a.EntityKey == id.ToString()).ToListAsync());
        Assert.Equal(AuditAction.Insert, Assert.Single(audited).Action);
        Assert.Equal("hanoi", audited[0].UserName);

        var before = await FingerprintAsync();
        foreach (var (fields, message) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["OrganizationCode"] = "X26740", ["Name"] = "Bí thư", ["Level"] = "Commune", ["BodyKind"] = "Party" }, "trong phạm vi của bạn"),
            (new() { ["OrganizationCode"] = "X00004", ["Name"] = " ", ["Level"] = "Commune", ["BodyKind"] = "Party" }, "Chưa nhập tên chức vụ"),
            (new() { ["OrganizationCode"] = "X00004", ["Name"] = "Chủ tịch", ["Level"] = "Commune", ["BodyKind"] = "State" }, "cần ghi tên cơ quan"),
            (new() { ["OrganizationCode"] = "X00004", ["Name"] = new string('a', 201), ["Level"] = "Commune", ["BodyKind"] = "Party" }, "dài tối đa 200"),
        })
        {
            var response = await PostFormAsync(client, "/Cadres/Positions", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        Assert.Equal(before, await FingerprintAsync());

        var hcm = await GetDocumentAsync(await SignInAsync("hcm"), "/Cadres/Positions");
        Assert.DoesNotContain("Phó Bí thư Đảng ủy phường", hcm.QuerySelector("[data-testid=positions]")!.TextContent);
        Assert.Contains("Sở Nội vụ Thành phố Hồ Chí Minh", hcm.QuerySelector("[data-testid=positions]")!.TextContent);
    }

    [Fact]
    public async Task An_appointment_is_recorded_with_its_decision_shown_in_the_dossier_and_ended_with_a_reason()
    {
        var member = await HanoiCellMemberAsync(0);
        var position = await PositionIdAsync("X00004", "Phó Chủ tịch");
        var client = await SignInAsync("xa.badinh");
        var url = $"/Cadres/Appoint/{member}";
        var fields = new Dictionary<string, string>
        {
            ["PositionId"] = position.ToString(), ["Kind"] = "Appointment", ["DecisionNumber"] = "125-QĐ/ĐU",
            ["DecisionDate"] = "01/03/2026", ["StartOn"] = "15/03/2026", ["IsConcurrent"] = "true",
        };

        var before = await FingerprintAsync();
        foreach (var (field, value, message) in new[]
        {
            ("DecisionNumber", "số 125", "không đúng dạng"),
            ("DecisionDate", "31/02/2026", "không phải ngày hợp lệ"),
            ("StartOn", "01/02/2026", "không thể trước ngày quyết định"),
            ("DecisionDate", "01/03/2099", "không thể sau ngày hôm nay"),
            ("PositionId", "0", "Hãy chọn chức vụ"),
        })
        {
            var response = await PostFormAsync(client, url, new(fields) { [field] = value });
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        Assert.Equal(before, await FingerprintAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url, fields)).StatusCode);
        var appointment = await WithDbAsync(db => db.Appointments.SingleAsync(a => a.MemberId == member));
        Assert.Equal(new DateOnly(2031, 3, 14), appointment.TermEndsOn);
        Assert.True(appointment.IsConcurrent);
        var line = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "appointments" && a.EntityKey == appointment.Id.ToString()));
        Assert.Equal("Bổ nhiệm theo quyết định 125-QĐ/ĐU", line.Reason);

        var dossier = await GetDocumentAsync(client, $"/Members/Details/{member}");
        var section = dossier.QuerySelector("[data-testid=appointments]")!.TextContent;
        Assert.Contains("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình (kiêm nhiệm)", section);
        Assert.Contains("125-QĐ/ĐU ngày 01/03/2026", section);
        Assert.Contains("14/03/2031", section);

        // The same position again is refused; the end needs a reason.
        Assert.Contains("đang giữ chức vụ", (await DocumentAsync(await PostFormAsync(client, url, fields))).QuerySelector("[data-testid=errors]")!.TextContent);
        var end = new Dictionary<string, string> { ["AppointmentId"] = appointment.Id.ToString(), ["EndedOn"] = "01/10/2026", ["EndReason"] = "" };
        Assert.Contains("lý do", (await DocumentAsync(await PostFormAsync(client, url + "?handler=End", end, url))).QuerySelector("[data-testid=errors]")!.TextContent);
        end["EndReason"] = "Điều động";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=End", end, url)).StatusCode);
        Assert.Equal(new DateOnly(2026, 10, 1), (await WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id))).EndedOn);

        // Another province sees neither the page nor the post.
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_retirement_forecast_lists_cadres_in_scope_with_the_decree_and_exports_them()
    {
        var (inScope, foreign) = await WithDbAsync(async db =>
        {
            var rules = OrgCom.Core.Rules.RuleBookJson.Parse(await File.ReadAllTextAsync(OrgCom.Web.Data.Seed.ReferenceData.PathOf("rules.json")));
            var today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
            var posts = await db.Appointments.Where(a => a.EndedOn == null)
                .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { m.FullName, m.Gender, m.BirthDate, m.BirthYearOnly, a.OrganizationId })
                .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { x.FullName, x.Gender, x.BirthDate, x.BirthYearOnly, o.Code })
                .ToListAsync();
            var soon = posts.Where(p => Retirement.For(p.Gender, p.BirthDate, p.BirthYearOnly, rules).Value!.RetiresOn is var r && r >= today && r <= today.AddMonths(24)).ToList();
            return (soon.Where(p => p.Code is "T01" or "X00004").Select(p => p.FullName).ToList(), soon.Where(p => p.Code == "T79").Select(p => p.FullName).ToList());
        });
        Assert.NotEmpty(inScope);
        Assert.NotEmpty(foreign);

        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, "/Cadres/Retirement?Months=24");
        var table = page.QuerySelector("[data-testid=forecast]")!.TextContent;
        Assert.All(inScope, name => Assert.Contains(name, table));
        Assert.All(foreign, name => Assert.DoesNotContain(name, table));
        Assert.Contains("Nghị định 135/2020/NĐ-CP", page.QuerySelector("[data-testid=rule]")!.TextContent);

        var excel = await client.GetAsync("/Cadres/Retirement?Months=24&handler=Excel");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        using var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var cells = reader.ReadRows().SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.All(inScope, name => Assert.Contains(name, cells));
        Assert.All(foreign, name => Assert.DoesNotContain(name, cells));

        var bad = await GetDocumentAsync(client, "/Cadres/Retirement?Months=500");
        Assert.Contains("từ 1 đến 120", bad.QuerySelector("[data-testid=errors]")!.TextContent);
    }

    [Fact]
    public async Task The_reappointment_worklist_gives_the_notice_date_and_the_allowed_outcome_with_its_rule()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, "/Cadres/Reappointment?Months=12");
        var rows = page.QuerySelectorAll("[data-testid=reappointments] tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        // Each row: the notice 90 working days ahead and the rule (Quy định 80-QĐ/TW), or a retirement before the term ends.
        Assert.All(rows, r => Assert.True(r.Contains("90 ngày làm việc") && r.Contains("Quy định 80-QĐ/TW") || r.Contains("Nghỉ hưu trước khi hết thời hạn"), r));
        Assert.Contains(rows, r => r.Contains("Sở Nội vụ thành phố Hà Nội") && r.Contains("Bổ nhiệm lại"));
        Assert.DoesNotContain(rows, r => r.Contains("Thành phố Hồ Chí Minh"));
    }

    [Fact]
    public async Task The_eligibility_check_explains_each_rule_and_changes_nothing()
    {
        var member = await HanoiCellMemberAsync(1);
        var position = await PositionIdAsync("T01", "Giám đốc");
        var (birth, name) = await WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => new { m.BirthDate, m.FullName }).SingleAsync()
            .ContinueWith(t => (t.Result.BirthDate, t.Result.FullName)));
        var before = await FingerprintAsync();
        var client = await SignInAsync("hanoi");

        // At 59 a first appointment fails: fewer than 60 months left.
        var late = birth.AddYears(59);
        var page = await GetDocumentAsync(client, $"/Cadres/Eligibility?MemberId={member}&PositionId={position}&Date={late:dd/MM/yyyy}");
        Assert.Contains("không đáp ứng", page.QuerySelector("[data-testid=verdict]")!.TextContent);
        var checks = page.QuerySelectorAll("[data-testid=checks] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(checks, c => c.Contains("Không đạt") && c.Contains("ít nhất 5 năm") && c.Contains("Hướng dẫn 06-HD/BTCTW"));
        Assert.Contains(checks, c => c.Contains("Quy định 214-QĐ/TW"));
        Assert.Contains(name, page.QuerySelector("[data-testid=verdict]")!.TextContent);

        var bad = await GetDocumentAsync(client, $"/Cadres/Eligibility?MemberId={member}&PositionId={position}&Date=99/99/2026");
        Assert.Contains("không phải ngày hợp lệ", bad.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());

        // Another province cannot look at a Hà Nội person.
        var hcm = await GetDocumentAsync(await SignInAsync("hcm"), $"/Cadres/Eligibility?MemberId={member}&PositionId={position}&Date={late:dd/MM/yyyy}");
        Assert.Null(hcm.QuerySelector("[data-testid=verdict]"));
        Assert.DoesNotContain(name, hcm.Body!.TextContent);
    }

    [Fact]
    public async Task Dates_before_the_cadre_rules_came_into_force_give_a_message_and_change_nothing()
    {
        var member = await HanoiCellMemberAsync(2);
        var committeeSeat = await PositionIdAsync("X00004", "Bí thư Đảng ủy phường");
        var viceChair = await PositionIdAsync("X00004", "Phó Chủ tịch");
        var client = await SignInAsync("hanoi");
        var before = await FingerprintAsync();

        // The committee rules (Chỉ thị 45-CT/TW) start on 30/05/2019.
        var check = await client.GetAsync($"/Cadres/Eligibility?MemberId={member}&PositionId={committeeSeat}&Date=01/01/2019");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Không kiểm tra được điều kiện tại ngày 01/01/2019", (await DocumentAsync(check)).QuerySelector("[data-testid=errors]")!.TextContent);

        // The term rule starts on 19/12/2017: a start before it with no term end asks for the decision's term end.
        var appoint = await PostFormAsync(client, $"/Cadres/Appoint/{member}", new()
        {
            ["PositionId"] = viceChair.ToString(), ["Kind"] = "Appointment", ["DecisionNumber"] = "12-QĐ/ĐU",
            ["DecisionDate"] = "01/01/2016", ["StartOn"] = "01/01/2016", ["IsConcurrent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, appoint.StatusCode);
        Assert.Contains("Hãy nhập ngày hết thời hạn theo quyết định", (await DocumentAsync(appoint)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());

        // A post whose term ended in 2015 and was never closed: the worklist says what it cannot tell.
        await WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member);
            var p = await db.Positions.SingleAsync(x => x.Id == viceChair);
            db.Appointments.Add(Appointment.Create(m, p, AppointmentKind.Appointment, "7-QĐ/ĐU", new(2011, 1, 1), new(2011, 1, 1), new(2015, 12, 31),
                true, false, [], new(2011, 1, 1)).Value!);
            return await db.SaveChangesAsync();
        });
        var worklist = await client.GetAsync("/Cadres/Reappointment?Months=12");
        Assert.Equal(HttpStatusCode.OK, worklist.StatusCode);
        Assert.Contains((await DocumentAsync(worklist)).QuerySelectorAll("[data-testid=reappointments] tbody tr").Select(r => r.TextContent),
            r => r.Contains("Không xác định được hình thức cho thời hạn kết thúc ngày 31/12/2015"));
    }

    [Fact]
    public async Task Capped_lists_say_so_and_the_worklist_cap_counts_only_appointed_posts()
    {
        // A committee seat whose term ends tomorrow: the first post by term end, but elected, not reappointed.
        var member = await HanoiCellMemberAsync(3);
        var seat = await PositionIdAsync("X00004", "Bí thư Đảng ủy phường");
        var today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
        await WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member);
            var p = await db.Positions.SingleAsync(x => x.Id == seat);
            db.Appointments.Add(Appointment.Create(m, p, AppointmentKind.Election, "8-QĐ/ĐU", today.AddYears(-5), today.AddYears(-5), today.AddDays(1),
                true, false, [], today).Value!);
            return await db.SaveChangesAsync();
        });
        await using var capped = Factory.WithWebHostBuilder(b => b.UseSetting("OrgCom:CadreListMaxRows", "1"));
        var client = capped.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Account/Login",
            new() { ["Input.UserName"] = "hanoi", ["Input.Password"] = Password })).StatusCode);

        var worklist = await GetDocumentAsync(client, "/Cadres/Reappointment?Months=60");
        var row = Assert.Single(worklist.QuerySelectorAll("[data-testid=reappointments] tbody tr"));
        Assert.DoesNotContain("Bí thư Đảng ủy phường", row.TextContent);
        Assert.Contains("Danh sách chỉ hiển thị 1 dòng đầu", worklist.QuerySelector("[data-testid=truncated]")!.TextContent);

        var forecast = await GetDocumentAsync(client, "/Cadres/Retirement?Months=120");
        Assert.Contains("Danh sách chỉ hiển thị", forecast.QuerySelector("[data-testid=truncated]")!.TextContent);
        // Uncapped, nothing is said.
        var hanoi = await SignInAsync("hanoi");
        Assert.Null((await GetDocumentAsync(hanoi, "/Cadres/Retirement?Months=120")).QuerySelector("[data-testid=truncated]"));
        Assert.Null((await GetDocumentAsync(hanoi, "/Cadres/Reappointment?Months=60")).QuerySelector("[data-testid=truncated]"));
    }
}
