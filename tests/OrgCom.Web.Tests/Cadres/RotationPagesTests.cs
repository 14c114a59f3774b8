using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>Rotations (luân chuyển) on the demo data: recorded by the sending side, refused in Vietnamese with nothing
/// changed, audited, seen by the sending and the receiving province — and by no third one —, ended by either side.</summary>
public sealed class RotationPagesTests : AppTest
{
    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select count(*) from rotations) || '/' || (select coalesce(string_agg(coalesce(actual_end_on::text, '-') || coalesce(return_placement, '-'), ',' order by id), '') from rotations)"
        + " || '/' || (select count(*) from audit_log where action <> 'View')");

    /// <summary>The holder of "Phó Chủ tịch" of phường Ba Đình in the demo data (a Hà Nội cadre without rotations).</summary>
    private Task<(long Member, long Appointment)> BaDinhCadreAsync() => WithDbAsync(async db =>
    {
        var a = await db.Appointments.Where(a => a.EndedOn == null && a.PositionName.StartsWith("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình")
            && !db.Rotations.Any(r => r.MemberId == a.MemberId)).OrderBy(a => a.Id).FirstAsync();
        return (a.MemberId, a.Id);
    });

    private async Task<HttpClient> ThanhHoaAsync()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync("thanhhoa", "Cán bộ Thanh Hóa", Password, "T38", Role.CommissionStaff, false, CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
        return await SignInAsync("thanhhoa");
    }

    [Fact]
    public async Task A_rotation_to_another_province_is_recorded_audited_seen_by_both_sides_only_and_ended()
    {
        var (member, appointment) = await BaDinhCadreAsync();
        var hanoi = await SignInAsync("hanoi");
        var url = $"/Cadres/Rotations/New/{member}";
        var fields = new Dictionary<string, string>
        {
            ["FromAppointmentId"] = appointment.ToString(), ["ToOrganizationCode"] = "t79", ["ToPositionName"] = "Phó Chủ tịch Ủy ban nhân dân Thành phố",
            ["ToLevel"] = "Provincial", ["Direction"] = "", ["DecisionNumber"] = "1234-QĐ/TW", ["DecisionDate"] = "01/10/2026",
            ["StartOn"] = "01/11/2026", ["PlannedEndOn"] = "31/10/2029", ["Purpose"] = "Đào tạo, rèn luyện thực tiễn",
        };

        var before = await FingerprintAsync();
        foreach (var (field, value, message) in new[]
        {
            ("ToOrganizationCode", "X99999", "Không tìm thấy tổ chức đảng"),
            ("ToOrganizationCode", "X00004", "tổ chức khác với nơi cán bộ đang công tác"),
            ("ToPositionName", " ", "Chưa nhập chức vụ ở nơi đến"),
            ("ToLevel", "", "hãy chọn hình thức luân chuyển"),
            ("DecisionNumber", "số 1234", "không đúng dạng"),
            ("DecisionDate", "31/02/2026", "không phải ngày hợp lệ"),
            ("DecisionDate", "01/01/2099", "không thể sau ngày hôm nay"),
            ("StartOn", "01/09/2026", "không thể trước ngày quyết định"),
            ("PlannedEndOn", "01/11/2026", "phải sau ngày bắt đầu"),
            ("Purpose", "", "Chưa nhập mục đích"),
            ("Purpose", new string('a', 501), "dài tối đa 500"),
            ("FromAppointmentId", "0", "Hãy chọn chức vụ cán bộ đang giữ"),
        })
        {
            var response = await PostFormAsync(hanoi, url, new(fields) { [field] = value });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        Assert.Equal(before, await FingerprintAsync());

        var ok = await PostFormAsync(hanoi, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var rotation = await WithDbAsync(db => db.Rotations.SingleAsync(r => r.MemberId == member));
        Assert.Equal(RotationDirection.Up, rotation.Direction);
        Assert.Equal(await OrganizationIdAsync("X00004"), rotation.FromOrganizationId);
        Assert.Equal(await OrganizationIdAsync("T79"), rotation.ToOrganizationId);
        var inserted = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "rotations" && a.EntityKey == rotation.Id.ToString()));
        Assert.Equal(AuditAction.Insert, inserted.Action);
        Assert.Equal("hanoi", inserted.UserName);
        Assert.Equal("Luân chuyển theo quyết định 1234-QĐ/TW", inserted.Reason);

        // The same cadre cannot be rotated twice at once.
        var twice = await PostFormAsync(hanoi, url, new(fields) { ["ToOrganizationCode"] = "T38", ["StartOn"] = "01/12/2026" });
        Assert.Contains("trùng thời gian", (await DocumentAsync(twice)).QuerySelector("[data-testid=errors]")!.TextContent);

        // Sending side: the list, the cadre's post page and the Excel.
        var list = await GetDocumentAsync(hanoi, "/Cadres/Rotations");
        Assert.Contains("Phó Chủ tịch Ủy ban nhân dân Thành phố", list.QuerySelector("[data-testid=rotations]")!.TextContent);
        Assert.Contains("Quy định 65-QĐ/TW", list.QuerySelector("[data-testid=rule]")!.TextContent);
        var posts = await GetDocumentAsync(hanoi, $"/Cadres/Appoint/{member}");
        Assert.Contains("1234-QĐ/TW ngày 01/10/2026", posts.QuerySelector("[data-testid=cadre-rotations]")!.TextContent);
        var excel = await hanoi.GetAsync("/Cadres/Rotations?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using (var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
            Assert.Contains(reader.ReadRows().SelectMany(r => r.Cells), c => c.Text?.Contains("Phó Chủ tịch Ủy ban nhân dân Thành phố") == true);

        // Receiving side (Hồ Chí Minh City): sees the rotation and the cadre while rotated in, not the dossier.
        var hcm = await SignInAsync("hcm");
        Assert.Contains("Phó Chủ tịch Ủy ban nhân dân Thành phố", (await GetDocumentAsync(hcm, "/Cadres/Rotations")).QuerySelector("[data-testid=rotations]")!.TextContent);
        Assert.Contains("1234-QĐ/TW", (await GetDocumentAsync(hcm, $"/Cadres/Rotations/Cadre/{member}")).QuerySelector("[data-testid=cadre-rotations]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await hcm.GetAsync($"/Cadres/Rotations/Details/{rotation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Members/Details/{member}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Cadres/Rotations/New/{member}")).StatusCode);

        // A third province sees nothing.
        var thanhHoa = await ThanhHoaAsync();
        Assert.DoesNotContain("Phó Chủ tịch Ủy ban nhân dân Thành phố", (await GetDocumentAsync(thanhHoa, "/Cadres/Rotations")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await thanhHoa.GetAsync($"/Cadres/Rotations/Cadre/{member}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await thanhHoa.GetAsync($"/Cadres/Rotations/Details/{rotation.Id}")).StatusCode);
        var details = $"/Cadres/Rotations/Details/{rotation.Id}";
        var end = new Dictionary<string, string> { ["ActualEndOn"] = "15/11/2026", ["ReturnPlacement"] = "Trở về phường Ba Đình" };
        before = await FingerprintAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(thanhHoa, details + "?handler=Return", end, "/Cadres/Rotations")).StatusCode);

        // The return: refused before the start or without a placement; recorded by the receiving side, audited before/after.
        foreach (var (field, value, message) in new[]
        {
            ("ActualEndOn", "31/10/2026", "không thể trước ngày bắt đầu"),
            ("ActualEndOn", "01/01/2099", "không thể sau ngày hôm nay"),
            ("ReturnPlacement", "", "Chưa nhập nơi công tác"),
        })
        {
            var response = await PostFormAsync(hcm, details + "?handler=Return", new(end) { [field] = value }, details);
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(hcm, details + "?handler=Return", end, details)).StatusCode);
        var updated = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "rotations" && a.EntityKey == rotation.Id.ToString() && a.Action == AuditAction.Update));
        Assert.Equal("hcm", updated.UserName);
        Assert.Contains("2026-11-15", updated.Changes);
        Assert.Contains("Trở về phường Ba Đình", updated.Changes);

        // Once ended, the receiving side keeps the record in its finished list but no longer sees the cadre.
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync($"/Cadres/Rotations/Cadre/{member}")).StatusCode);
        Assert.Contains("Trở về phường Ba Đình", (await GetDocumentAsync(hcm, "/Cadres/Rotations?View=Finished")).QuerySelector("[data-testid=rotations]")!.TextContent);
        Assert.DoesNotContain("Phó Chủ tịch Ủy ban nhân dân Thành phố", (await GetDocumentAsync(hcm, "/Cadres/Rotations")).QuerySelector("[data-testid=rotations]")!.TextContent);
        Assert.Contains("Đã kết thúc", (await GetDocumentAsync(hanoi, details)).QuerySelector("[data-testid=state]")!.TextContent);
    }

    [Fact]
    public async Task A_short_rotation_is_flagged_with_the_rule_and_the_due_list_shows_what_ends_soon()
    {
        var (member, appointment) = await BaDinhCadreAsync();
        var client = await SignInAsync("xa.badinh");
        var ok = await PostFormAsync(client, $"/Cadres/Rotations/New/{member}", new()
        {
            ["FromAppointmentId"] = appointment.ToString(), ["ToOrganizationCode"] = "X00008", ["ToPositionName"] = "Phó Chủ tịch Ủy ban nhân dân phường Ngọc Hà",
            ["ToLevel"] = "", ["Direction"] = "Sideways", ["DecisionNumber"] = "55-QĐ/TU", ["DecisionDate"] = "01/10/2026",
            ["StartOn"] = "01/11/2026", ["PlannedEndOn"] = "30/04/2027", ["Purpose"] = "Tăng cường cán bộ",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await GetDocumentAsync(client, ok.Headers.Location!.OriginalString);
        Assert.Contains("Ngang cấp", page.QuerySelector("[data-testid=rotation]")!.TextContent);
        Assert.Contains("ngắn hơn thời gian luân chuyển thông thường (3 năm)", page.QuerySelector("[data-testid=short-period]")!.TextContent);
        Assert.Contains("Quy định 65-QĐ/TW", page.QuerySelector("[data-testid=short-period]")!.TextContent);
        var due = await GetDocumentAsync(client, "/Cadres/Rotations?View=Due&Months=12");
        Assert.Contains("Phó Chủ tịch Ủy ban nhân dân phường Ngọc Hà", due.QuerySelector("[data-testid=rotations]")!.TextContent);
        var soon = await GetDocumentAsync(client, "/Cadres/Rotations?View=Due&Months=1");
        Assert.DoesNotContain("Phó Chủ tịch Ủy ban nhân dân phường Ngọc Hà", soon.QuerySelector("[data-testid=rotations]")!.TextContent);
    }

    [Fact]
    public async Task A_member_without_a_post_in_scope_is_not_rotated()
    {
        var member = await WithDbAsync(async db =>
        {
            var cell = await db.Organizations.Where(o => o.Code == "X00004.CB03").Select(o => o.Id).SingleAsync();
            return await db.Members.Where(m => m.OrganizationId == cell && !db.Appointments.Any(a => a.MemberId == m.Id)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        var client = await SignInAsync("hanoi");
        var before = await FingerprintAsync();
        var response = await PostFormAsync(client, $"/Cadres/Rotations/New/{member}", new()
        {
            ["FromAppointmentId"] = "0", ["ToOrganizationCode"] = "T79", ["ToPositionName"] = "Phó Bí thư", ["ToLevel"] = "Provincial",
            ["DecisionNumber"] = "1-QĐ/TW", ["DecisionDate"] = "01/10/2026", ["StartOn"] = "01/11/2026", ["PlannedEndOn"] = "31/10/2029", ["Purpose"] = "Đào tạo",
        });
        Assert.Contains("không giữ chức vụ nào trong phạm vi của bạn", (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await FingerprintAsync());
    }
}
