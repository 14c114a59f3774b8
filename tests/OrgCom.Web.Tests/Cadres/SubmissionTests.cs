using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

public sealed class SubmissionTests : AppTest
{
    private static readonly DateOnly Today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
    private static readonly string TodayText = $"{Today:dd/MM/yyyy}";

    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select coalesce(string_agg(id || status || coalesce(decision_number, ''), ',' order by id), '') from personnel_submissions) || '/' || "
        + "(select count(*) from personnel_submission_cadres) || '/' || (select count(*) from personnel_submission_documents) || '/' || "
        + "(select count(*) from appointments) || '/' || (select count(*) from audit_log where action <> 'View')");

    /// <summary>The ward's vice-chair post, and two ward members: the chair of the ward's people's committee (born
    /// 1975–1982), and a man born in 1967 (under 60 months of working age left).</summary>
    private Task<(long Position, long Young, long NearRetirement)> ArrangeAsync() => WithDbAsync(async db =>
    {
        var ward = await db.Organizations.Where(o => o.Code == "X00004").Select(o => o.Id).SingleAsync();
        var positions = await db.Positions.Where(p => p.OrganizationId == ward).ToListAsync();
        var ids = positions.Select(p => p.Id).ToList();
        var holders = await db.Appointments.Where(a => ids.Contains(a.PositionId)).ToDictionaryAsync(a => a.PositionId, a => a.MemberId);
        long Holder(string name, string body) => holders[positions.Single(p => p.Name == name && p.BodyName == body).Id];
        // A man born in 1967 retires at 62 in 2029: under 60 months left, not retired yet.
        var near = await db.Members.Where(m => m.Gender == OrgCom.Core.Members.Gender.Male && m.BirthDate.Year == 1967
                && m.Status == OrgCom.Core.Members.MemberStatus.Official && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.")))
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        return (positions.Single(p => p.Name == "Phó Chủ tịch").Id, Holder("Chủ tịch", "Ủy ban nhân dân phường Ba Đình"), near);
    });

    private async Task<string> PrepareAsync(HttpClient client, long position, long member)
    {
        var create = await PostFormAsync(client, "/Cadres/Submissions", new()
        {
            ["Kind"] = "Appointment", ["PositionId"] = position.ToString(), ["OrganizationCode"] = "X00004",
            ["CompetentOrganizationCode"] = "T01", ["IsConcurrent"] = "true", ["Title"] = "Tờ trình bổ nhiệm Phó Chủ tịch UBND phường",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var url = create.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=AddCadre", new() { ["MemberId"] = member.ToString() }, url)).StatusCode);
        return url;
    }

    private static async Task TickAllAsync(HttpClient client, string url, long member, SubmissionKind kind = SubmissionKind.Appointment)
    {
        var docs = PersonnelSubmission.RequiredDocuments(kind, OrgCom.Core.Rules.RuleBookJson.Parse(
            File.ReadAllText(OrgCom.Web.Data.Seed.ReferenceData.PathOf("rules.json"))), Today).Documents;
        foreach (var d in docs)
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url + "?handler=Tick",
                new() { ["MemberId"] = member.ToString(), ["Document"] = d.ToString(), ["Present"] = "true" }, url)).StatusCode);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent ?? $"(no error: {(int)response.StatusCode})";

    [Fact]
    public async Task Staff_prepare_tick_appraise_and_submit_and_the_leader_above_decides_creating_the_appointment()
    {
        var (position, young, _) = await ArrangeAsync();
        var staff = await SignInAsync("xa.badinh");

        // The competent level must be above the preparer: the ward itself, or another province, is refused.
        var before = await FingerprintAsync();
        foreach (var competent in new[] { "X00004", "T79", "" })
            Assert.Contains("cấp trên", await ErrorAsync(await PostFormAsync(staff, "/Cadres/Submissions", new()
            {
                ["Kind"] = "Appointment", ["PositionId"] = position.ToString(), ["OrganizationCode"] = "X00004",
                ["CompetentOrganizationCode"] = competent, ["Title"] = "Tờ trình",
            })));
        Assert.Equal(before, await FingerprintAsync());

        var url = await PrepareAsync(staff, position, young);
        var id = long.Parse(url.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Tick",
            new() { ["MemberId"] = young.ToString(), ["Document"] = "CurriculumVitae", ["Present"] = "true" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Appraise",
            new() { ["AppraisedOn"] = TodayText, ["AppraisalOpinion"] = "Đủ điều kiện, tiêu chuẩn" }, url)).StatusCode);

        // Refused while a required document is missing, naming them; nothing changes.
        var appraised = await FingerprintAsync();
        var refused = await ErrorAsync(await PostFormAsync(staff, url + "?handler=Submit", new() { ["SubmittedOn"] = TodayText }, url));
        Assert.Contains("bản kê khai tài sản, thu nhập", refused);
        Assert.DoesNotContain("sơ yếu lý lịch", refused);
        Assert.Contains("Quy định 80-QĐ/TW", refused);
        Assert.Contains("không phải ngày hợp lệ", await ErrorAsync(await PostFormAsync(staff, url + "?handler=Submit", new() { ["SubmittedOn"] = "mai" }, url)));
        Assert.Equal(appraised, await FingerprintAsync());

        await TickAllAsync(staff, url, young);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Submit", new() { ["SubmittedOn"] = TodayText }, url)).StatusCode);

        // Deciding is the competent level's leaders' work: not the ward's staff, not the city's staff.
        var decide = new Dictionary<string, string> { ["Approved"] = "true", ["DecisionNumber"] = "125-QĐ/TU", ["DecisionDate"] = TodayText };
        var submitted = await FingerprintAsync();
        var staffPage = await GetDocumentAsync(staff, url);
        Assert.Empty(staffPage.QuerySelectorAll("[data-testid=decide]"));
        Assert.Contains("Chờ lãnh đạo", staffPage.QuerySelector("[data-testid=awaiting-decision]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(staff, url + "?handler=Decide", decide, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(await SignInAsync("hanoi"), url + "?handler=Decide", decide, url)).StatusCode);
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Tờ trình bổ nhiệm Phó Chủ tịch", await hcm.GetStringAsync("/Cadres/Submissions"));
        Assert.Equal(submitted, await FingerprintAsync());

        var leader = await SignInAsync("lanhdao.hanoi");
        var page = await GetDocumentAsync(leader, url);
        Assert.Contains("Bổ nhiệm lần đầu", page.QuerySelector("[data-testid=eligibility]")!.TextContent);
        Assert.Contains("Hãy chọn kết quả", await ErrorAsync(await PostFormAsync(leader, url + "?handler=Decide",
            new() { ["DecisionNumber"] = "125-QĐ/TU", ["DecisionDate"] = TodayText }, url)));
        Assert.Contains("không đúng dạng", await ErrorAsync(await PostFormAsync(leader, url + "?handler=Decide",
            new() { ["Approved"] = "true", ["DecisionNumber"] = "QĐ", ["DecisionDate"] = TodayText }, url)));
        Assert.Equal(submitted, await FingerprintAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, url + "?handler=Decide", decide, url)).StatusCode);

        var appointment = await WithDbAsync(db => db.Appointments.SingleAsync(a => a.MemberId == young && a.PositionId == position));
        Assert.Equal(("125-QĐ/TU", Today, true, AppointmentKind.Appointment), (appointment.DecisionNumber, appointment.StartOn, appointment.IsConcurrent, appointment.Kind));
        Assert.Contains("giữ chức vụ", (await GetDocumentAsync(leader, url)).QuerySelector("[data-testid=appointments]")!.TextContent);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "personnel_submissions" && a.EntityKey == id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.UserName, a.Reason, a.Changes }).ToListAsync());
        Assert.Contains(audit, a => a.UserName == "lanhdao.hanoi" && a.Reason == "Đồng ý theo quyết định 125-QĐ/TU" && a.Changes!.Contains("Submitted") && a.Changes.Contains("Approved"));
        Assert.Contains(audit, a => a.UserName == "xa.badinh" && a.Reason != null && a.Reason.StartsWith("Trình "));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "appointments" && a.UserName == "lanhdao.hanoi")));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "personnel_submission_documents" && a.UserName == "xa.badinh")));
    }

    [Fact]
    public async Task A_failed_eligibility_rule_needs_the_leaders_reason_which_is_audited_and_a_return_needs_its_reason()
    {
        var (position, _, near) = await ArrangeAsync();
        var staff = await SignInAsync("xa.badinh");
        var url = await PrepareAsync(staff, position, near);
        await TickAllAsync(staff, url, near);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Appraise",
            new() { ["AppraisedOn"] = TodayText, ["AppraisalOpinion"] = "Đề nghị xem xét" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, url + "?handler=Submit", new() { ["SubmittedOn"] = TodayText }, url)).StatusCode);

        var leader = await SignInAsync("lanhdao.hanoi");
        var before = await FingerprintAsync();
        Assert.Contains("lý do", await ErrorAsync(await PostFormAsync(leader, url + "?handler=Return", new() { ["ReturnedOn"] = TodayText, ["ReturnReason"] = " " }, url)));
        var refused = await ErrorAsync(await PostFormAsync(leader, url + "?handler=Decide",
            new() { ["Approved"] = "true", ["DecisionNumber"] = "126-QĐ/TU", ["DecisionDate"] = TodayText }, url));
        Assert.Contains("Bổ nhiệm lần đầu", refused);
        Assert.Contains("phải ghi lý do", refused);
        Assert.Equal(before, await FingerprintAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, url + "?handler=Decide", new()
        {
            ["Approved"] = "true", ["DecisionNumber"] = "126-QĐ/TU", ["DecisionDate"] = TodayText, ["OverrideReason"] = "Kiện toàn gấp theo yêu cầu nhiệm vụ",
        }, url)).StatusCode);
        var reason = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "personnel_submissions" && a.UserName == "lanhdao.hanoi")
            .Select(a => a.Reason).SingleAsync());
        Assert.Contains("vẫn đồng ý dù có điều kiện không đạt", reason);
        Assert.Contains("Kiện toàn gấp theo yêu cầu nhiệm vụ", reason);
        Assert.True(await WithDbAsync(db => db.Appointments.AnyAsync(a => a.MemberId == near && a.PositionId == position)));
    }

    [Fact]
    public async Task Counts_give_the_cadres_submitted_and_decided_per_period_kind_and_level_in_scope_and_export()
    {
        // The demo: a nomination of 2 cadres decided, an appointment of 1 cadre waiting — both from the ward to the city.
        var year = Today.Year;
        var (submitted, decided) = await WithDbAsync(async db =>
        {
            var rows = await db.SubmissionCadres.Join(db.PersonnelSubmissions, c => c.SubmissionId, s => s.Id, (c, s) => s)
                .Where(s => s.SubmittedOn != null && s.SubmittedOn.Value.Year == year).ToListAsync();
            return (rows.Count, rows.Count(s => s.DecisionDate != null));
        });
        Assert.True(submitted > 0);
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Cadres/Submissions/Counts?Year={year}&Period=year");
        Assert.Equal($"Năm {year}: Trình {submitted} lượt cán bộ; đã có quyết định {decided} lượt.", page.QuerySelector("[data-testid=summary]")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=counts] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Giới thiệu ứng cử") && r.Contains("Đảng bộ tỉnh, thành phố"));

        var excel = await client.GetAsync($"/Cadres/Submissions/Counts?Year={year}&Period=quarter&handler=Excel");
        Assert.Equal(OrgCom.Web.Infrastructure.Export.XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        using var reader = OrgCom.Web.Infrastructure.Export.XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var cells = reader.ReadRows().SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.Contains($"Trình {submitted} lượt cán bộ; đã có quyết định {decided} lượt.", cells);
        Assert.Contains("Giới thiệu ứng cử", cells);

        // Another province sees none of it; a bad year is refused in Vietnamese.
        var hcm = await GetDocumentAsync(await SignInAsync("hcm"), $"/Cadres/Submissions/Counts?Year={year}");
        Assert.Equal($"Năm {year}: Trình 0 lượt cán bộ; đã có quyết định 0 lượt.", hcm.QuerySelector("[data-testid=summary]")!.TextContent);
        Assert.Contains("Năm phải từ 2000 đến 2100", (await GetDocumentAsync(client, "/Cadres/Submissions/Counts?Year=1800")).QuerySelector("[data-testid=errors]")!.TextContent);
    }
}
