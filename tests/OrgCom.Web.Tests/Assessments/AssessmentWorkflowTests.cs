using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Tests.Assessments;

public sealed class AssessmentWorkflowTests : AssessmentTest
{
    [Fact]
    public async Task A_round_is_opened_by_a_commission_and_refused_twice_for_the_same_year()
    {
        var hanoi = await SignInAsync("hanoi");
        var t01 = await OrganizationIdAsync("T01");
        var fields = new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = t01.ToString(), ["Input.Kind"] = "Year", ["Input.Year"] = "2025", ["Input.Title"] = "",
            ["Input.OpensOn"] = "15/11/2025", ["Input.MembersDueOn"] = "31/12/2025", ["Input.ClosesOn"] = "31/01/2026",
        };
        // Write on a cell is not enough: a cell's own year round would block the city's for it.
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var byCell = await PostFormAsync(await SignInAsync("xa.badinh"), "/Assessments", new(fields) { ["Input.OrganizationId"] = cell.ToString() });
        Assert.Contains("không mở được đợt đánh giá", await PageErrorsAsync(byCell));
        Assert.False(await WithDbAsync(db => db.AssessmentRounds.AnyAsync()));
        var opened = await PostFormAsync(hanoi, "/Assessments", fields);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var round = await WithDbAsync(db => db.AssessmentRounds.SingleAsync());
        Assert.Equal("Đánh giá, xếp loại chất lượng năm 2025", round.Title);
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "assessment_rounds" && a.Action == AuditAction.Insert)));

        // A year round of the same year below it (the ward) overlaps.
        var ward = await OrganizationIdAsync("X00004");
        var badinh = await SignInAsync("xa.badinh");
        var again = await PostFormAsync(badinh, "/Assessments", new(fields) { ["Input.OrganizationId"] = ward.ToString() });
        Assert.Contains("đã có đợt đánh giá hằng năm", await PageErrorsAsync(again));
        Assert.Equal(1, await WithDbAsync(db => db.AssessmentRounds.CountAsync()));

        // The ward sees the city's round; Hồ Chí Minh City does not.
        Assert.Contains(round.Title, (await GetDocumentAsync(badinh, "/Assessments")).QuerySelector("[data-testid=rounds]")!.TextContent);
        var hcm = await SignInAsync("hcm");
        var hcmList = (await GetDocumentAsync(hcm, "/Assessments")).QuerySelector("[data-testid=rounds]")!.OuterHtml;
        Assert.False(hcmList.Contains(round.Title), hcmList);
        await GetDocumentAsync(hcm, $"/Assessments/Round/{round.Id}", HttpStatusCode.NotFound);
        // Opening for an organization outside one's grants is refused.
        var hcmOpen = await PostFormAsync(hcm, "/Assessments", new(fields) { ["Input.Year"] = "2024" });
        Assert.Equal(HttpStatusCode.NotFound, hcmOpen.StatusCode);
    }

    [Fact]
    public async Task A_whole_round_for_one_cell_entry_cap_refused_override_by_a_leader_submission_approval_lock_reopen()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        var leader = await SignInAsync("lanhdao.hanoi");

        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(staff, url)).StatusCode);
        var members = await CellMembersAsync();
        Assert.Equal(members.Count, (await AssessmentAsync(round, cell))!.Members.Count);
        var excellent = members.Count / 2;
        await RateAllAsync(staff, url, members, excellent);
        var stored = (await AssessmentAsync(round, cell))!;
        Assert.Equal((excellent, members.Count - excellent), (stored.ExcellentCount, stored.GoodCount));

        // The cap is broken: submission refused, with the regulation, and nothing changes.
        var page = await GetDocumentAsync(staff, url);
        Assert.Contains("Quy định 366-QĐ/TW", page.QuerySelector("[data-testid=findings]")!.TextContent);
        var before = await SnapshotAsync();
        var refused = await PageErrorsAsync(await StepAsync(staff, url, "Submit"));
        Assert.Contains("vượt quá 20%", refused);
        Assert.Contains("Quy định 366-QĐ/TW", refused);
        Assert.Equal(before, await SnapshotAsync());

        // Staff may not override or approve; a leader must give a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(staff, url, "Override", new() { ["RuleKey"] = "assessment.excellent_cap_percent_of_good", ["Reason"] = "Lý do đủ dài để ghi nhận" })).StatusCode);
        Assert.Contains("lý do", (await PageErrorsAsync(await StepAsync(leader, url, "Override", new() { ["RuleKey"] = "assessment.excellent_cap_percent_of_good", ["Reason"] = "" }))).ToLowerInvariant());
        Assert.Equal(before, await SnapshotAsync());
        var reason = "Chi bộ đạt thành tích xuất sắc trong phòng chống dịch";
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Override", new() { ["RuleKey"] = "assessment.excellent_cap_percent_of_good", ["Reason"] = reason })).StatusCode);
        Assert.Contains(reason, (await GetDocumentAsync(staff, url)).QuerySelector("[data-testid=override]")!.TextContent);

        // The override covers the members rated "xuất sắc" when it was given: one more needs a new one.
        Assert.True((await PostRowAsync(staff, url, members[excellent].Id, "Excellent")).GetProperty("ok").GetBoolean());
        Assert.Contains("vượt quá 20%", await PageErrorsAsync(await StepAsync(staff, url, "Submit")));
        Assert.Equal(AssessmentStatus.Draft, (await AssessmentAsync(round, cell))!.Status);
        Assert.True((await PostRowAsync(staff, url, members[excellent].Id, "Good")).GetProperty("ok").GetBoolean());

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        Assert.Equal(AssessmentStatus.Submitted, (await AssessmentAsync(round, cell))!.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(staff, url, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Approve")).StatusCode);
        Assert.Equal(AssessmentStatus.Approved, (await AssessmentAsync(round, cell))!.Status);

        // Locked: a rating after approval is refused and changes nothing.
        before = await SnapshotAsync();
        var locked = await PostRowAsync(staff, url, members[^1].Id, "NotCompleted");
        Assert.False(locked.GetProperty("ok").GetBoolean());
        Assert.Contains("khóa", locked.GetProperty("message").GetString());
        Assert.Equal(before, await SnapshotAsync());

        // The dossier shows the rating; the report counts it (approved only).
        var dossier = await GetDocumentAsync(staff, $"/Members/Details/{members[0].Id}");
        Assert.Contains("Hoàn thành xuất sắc nhiệm vụ", dossier.QuerySelector("[data-testid=section-ratings]")!.TextContent);
        var ward = await OrganizationIdAsync("X00004");
        var report = await GetDocumentAsync(staff, $"/Assessments/Report?year=2025&organizationId={ward}");
        var row = report.QuerySelector($"[data-testid=rollup] tr[data-organization='{cell}']")!.TextContent;
        Assert.Contains(excellent.ToString(), row);

        // Reopening needs a reason; it is audited with it.
        Assert.Contains("lý do", (await PageErrorsAsync(await StepAsync(leader, url, "Reopen", new() { ["Reason"] = "sai" }))).ToLowerInvariant());
        Assert.Equal(before, await SnapshotAsync());
        var why = "Điều chỉnh theo kết luận kiểm tra của Ủy ban Kiểm tra";
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Reopen", new() { ["Reason"] = why })).StatusCode);
        Assert.Equal(AssessmentStatus.Draft, (await AssessmentAsync(round, cell))!.Status);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "organization_assessments").OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Reason == why && a.UserName == "lanhdao.hanoi" && a.Changes!.Contains("Approved"));
        Assert.Contains(audit, a => a.Reason == reason);
        Assert.Contains(audit, a => a.UserName == "xa.badinh" && a.Changes!.Contains("Submitted"));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "member_ratings" && a.UserName == "xa.badinh" && a.OrganizationId == cell)));
    }

    [Fact]
    public async Task A_level_for_a_member_outside_the_organization_or_bad_values_are_refused_and_change_nothing()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        var members = await CellMembersAsync();
        var other = (await CellMembersAsync("X00004.CB01"))[0];
        var before = await SnapshotAsync();

        foreach (var (memberId, level, reason, points, expected) in new (long, string?, string?, string?, string)[]
                 {
                     (other.Id, "Good", null, null, "không thuộc danh sách"),
                     (members[0].Id, "Brilliant", null, null, "không phải là một mức xếp loại"),
                     (members[0].Id, "Good", null, "101", "điểm từ 0 đến 100"),
                     (members[0].Id, "Good", null, "tám mươi", "không phải là một số"),
                     (members[0].Id, "Good", "Ill", null, "vừa có mức xếp loại vừa có lý do"),
                     (members[0].Id, null, "Other", null, "ghi rõ"),
                 })
        {
            var json = await PostRowAsync(staff, url, memberId, level, reason, points);
            Assert.False(json.GetProperty("ok").GetBoolean());
            Assert.Contains(expected, json.GetProperty("message").GetString());
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Rows_saved_at_the_same_time_keep_the_counts_exact()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        var members = await CellMembersAsync();
        var token = await AntiforgeryTokenAsync(staff, url);
        // The grid sends several rows at once when typing fast; each save recounts the levels.
        var responses = await Task.WhenAll(members.Select(m => staff.PostAsync($"{url}?handler=Row", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["memberId"] = m.Id.ToString(), ["finalLevel"] = "Good" }))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = (await AssessmentAsync(round, cell))!;
        Assert.Equal(members.Count, stored.Members.Count(m => m.FinalLevel == QualityLevel.Good));
        Assert.Equal(members.Count, stored.GoodCount);
    }

    [Fact]
    public async Task A_period_the_rule_data_does_not_cover_is_refused_when_opening_and_shown_not_crashed_on_entry()
    {
        var hanoi = await SignInAsync("hanoi");
        var t01 = await OrganizationIdAsync("T01");
        // The assessment rules take effect on 21/10/2019: a term ending before that cannot be checked.
        var refused = await PostFormAsync(hanoi, "/Assessments", new()
        {
            ["Input.OrganizationId"] = t01.ToString(), ["Input.Kind"] = "Term", ["Input.Year"] = "2020", ["Input.Title"] = "",
            ["Input.PeriodFrom"] = "01/01/2015", ["Input.PeriodTo"] = "30/06/2019",
            ["Input.OpensOn"] = "01/07/2019", ["Input.MembersDueOn"] = "15/07/2019", ["Input.ClosesOn"] = "31/07/2019",
        });
        var errors = await PageErrorsAsync(refused);
        Assert.Contains("chưa có phiên bản có hiệu lực vào ngày 30/06/2019", errors);
        Assert.False(await WithDbAsync(db => db.AssessmentRounds.AnyAsync()));

        // A round stored before (or rules edited since): the entry page says so instead of failing.
        var round = await WithDbAsync(async db =>
        {
            var r = AssessmentRound.Open(t01, RoundKind.Term, 2020, null, null, new DateOnly(2015, 1, 1), new DateOnly(2019, 6, 30),
                new DateOnly(2019, 7, 1), new DateOnly(2019, 7, 15), new DateOnly(2019, 7, 31)).Value!;
            db.AssessmentRounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        var page = await GetDocumentAsync(staff, url);
        Assert.Contains("chưa có phiên bản có hiệu lực", page.QuerySelector("[data-testid=errors]")!.TextContent);
        var before = await SnapshotAsync();
        Assert.Contains("chưa có phiên bản có hiệu lực", await PageErrorsAsync(await StepAsync(staff, url, "Submit")));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_report_counts_assessments_with_overrides_and_organizations_that_never_started_as_not_approved()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        var leader = await SignInAsync("lanhdao.hanoi");
        await StartAsync(staff, url);
        var members = await CellMembersAsync();
        await RateAllAsync(staff, url, members, members.Count / 2);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Override",
            new() { ["RuleKey"] = "assessment.excellent_cap_percent_of_good", ["Reason"] = "Chi bộ đạt thành tích xuất sắc" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Approve")).StatusCode);

        var ward = await OrganizationIdAsync("X00004");
        var report = await GetDocumentAsync(staff, $"/Assessments/Report?year=2025&organizationId={ward}");
        // The cell's own assessment carries the override (it rates no organizations of its own).
        Assert.Contains("Có 1 tổ chức", report.QuerySelector("[data-testid=overrides]")!.TextContent);
        // Every other organization of the ward never opened its roster: all of them are "not approved".
        var organizations = await OrgCom.Web.Tests.Infrastructure.TestDatabase.ScalarAsync<long>(DatabaseName,
            $"select count(*) from organizations o where o.dissolved_on is null and o.path <@ (select path from organizations where id = {ward})");
        var total = report.QuerySelector("[data-testid=total]")!.QuerySelectorAll("td");
        Assert.Equal((organizations - 1).ToString(), total[^1].TextContent.Trim());
        Assert.Equal("0", report.QuerySelector($"[data-testid=rollup] tr[data-organization='{cell}']")!.QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task Two_starts_at_once_make_one_roster_a_rule_that_cannot_be_overridden_is_refused_a_bad_report_year_is_explained()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        var token = await AntiforgeryTokenAsync(staff, url);
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => staff.PostAsync($"{url}?handler=Start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))));
        Assert.All(starts, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await WithDbAsync(db => db.OrganizationAssessments.CountAsync()));

        var leader = await SignInAsync("lanhdao.hanoi");
        var before = await SnapshotAsync();
        var refused = await PageErrorsAsync(await StepAsync(leader, url, "Override",
            new() { ["RuleKey"] = "assessment.newly_admitted_months", ["Reason"] = "Lý do đủ dài để ghi nhận" }));
        Assert.Contains("không cho phép vượt", refused);
        Assert.Equal(before, await SnapshotAsync());

        var report = await GetDocumentAsync(staff, $"/Assessments/Report?year=1999&organizationId={await OrganizationIdAsync("X00004")}");
        Assert.Contains("Năm 1999 không hợp lệ", report.QuerySelector("[data-testid=errors]")!.TextContent);
    }

    [Fact]
    public async Task Excellent_organizations_over_the_cap_are_shown_with_the_rule_and_a_leaders_override_covers_them()
    {
        var round = await OpenRoundAsync();
        var ward = await OrganizationIdAsync("X00004");
        var url = EntryUrl(round, ward);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        var cells = (await AssessmentAsync(round, ward))!.Organizations.Select(o => o.SubjectOrganizationId).ToList();
        Assert.InRange(cells.Count, 3, 11); // two "xuất sắc" break the cap: fewer than ten "tốt" allow one
        for (var i = 0; i < cells.Count; i++)
        {
            var response = await PostFormAsync(staff, url + "?handler=OrganizationRow", new()
            {
                ["subjectId"] = cells[i].ToString(), ["finalLevel"] = i < 2 ? "Excellent" : "Good", ["note"] = "",
            }, url);
            var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(json.GetProperty("ok").GetBoolean(), json.ToString());
        }
        var findings = (await GetDocumentAsync(staff, url)).QuerySelector("[data-testid=findings]")!;
        var cap = findings.QuerySelector("[data-rule='assessment.organization_excellent_cap_percent_of_good']");
        Assert.True(cap is not null, findings.TextContent);
        Assert.Contains("tổ chức đảng trực thuộc", cap.TextContent);
        Assert.Contains("Quy định 366-QĐ/TW", cap.TextContent);

        var leader = await SignInAsync("lanhdao.hanoi");
        var reason = "Chi bộ dẫn đầu phong trào thi đua của thành phố";
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Override",
            new() { ["RuleKey"] = "assessment.organization_excellent_cap_percent_of_good", ["Reason"] = reason })).StatusCode);
        var stored = Assert.Single((await AssessmentAsync(round, ward))!.Overrides);
        Assert.Equal([cells[0], cells[1]], stored.SubjectIds);
        Assert.Contains(reason, (await GetDocumentAsync(staff, url)).QuerySelector("[data-testid=override]")!.TextContent);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "organization_assessments" && a.Reason == reason)));

        // A third "xuất sắc" is not covered: the finding is back.
        await PostFormAsync(staff, url + "?handler=OrganizationRow", new() { ["subjectId"] = cells[2].ToString(), ["finalLevel"] = "Excellent", ["note"] = "" }, url);
        var again = (await GetDocumentAsync(staff, url)).QuerySelector("[data-testid=findings] [data-rule='assessment.organization_excellent_cap_percent_of_good']")!;
        Assert.Contains("Vi phạm", again.TextContent);
    }

    [Fact]
    public async Task Lower_levels_are_approved_before_the_ward_can_submit()
    {
        var round = await OpenRoundAsync();
        var ward = await OrganizationIdAsync("X00004");
        var url = EntryUrl(round, ward);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        var before = await SnapshotAsync();
        var errors = await PageErrorsAsync(await StepAsync(staff, url, "Submit"));
        Assert.Contains("Cấp dưới phải được phê duyệt trước", errors);
        Assert.Contains("tổ chức trực thuộc chưa được phê duyệt", errors);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Another_province_sees_and_changes_nothing_and_an_expired_session_saves_nothing()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        var member = (await CellMembersAsync())[0];
        var before = await SnapshotAsync();

        var hcm = await SignInAsync("hcm");
        await GetDocumentAsync(hcm, url, HttpStatusCode.NotFound);
        var token = await AntiforgeryTokenAsync(hcm, "/");
        foreach (var handler in new[] { "Row", "Submit", "Approve", "Override", "Reopen", "Start" })
        {
            var response = await hcm.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["memberId"] = member.Id.ToString(), ["finalLevel"] = "Good", ["Reason"] = "Lý do đủ dài để ghi",
            }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var report = await GetDocumentAsync(hcm, $"/Assessments/Report?year=2025&organizationId={cell}", HttpStatusCode.NotFound);
        Assert.Equal(before, await SnapshotAsync());

        // A viewer-like leader of the city may read but not enter ratings.
        var leader = await SignInAsync("lanhdao.hanoi");
        var page = await GetDocumentAsync(leader, url);
        Assert.NotNull(page.QuerySelector("[data-testid=grid] select[disabled]"));
        var leaderToken = await AntiforgeryTokenAsync(leader, url);
        var forbidden = await leader.PostAsync($"{url}?handler=Row", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = leaderToken, ["memberId"] = member.Id.ToString(), ["finalLevel"] = "Good" }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // The session has expired: the autosave is sent to sign in again and nothing is stored.
        var expired = Anonymous();
        var response2 = await expired.PostAsync($"{url}?handler=Row", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["memberId"] = member.Id.ToString(), ["finalLevel"] = "Good" }));
        Assert.Equal(HttpStatusCode.Redirect, response2.StatusCode);
        Assert.Contains("/Account/Login", response2.Headers.Location!.OriginalString);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_rollup_exports_an_official_sheet_with_merged_headers_and_totals()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        var leader = await SignInAsync("lanhdao.hanoi");
        await StartAsync(staff, url);
        var members = await CellMembersAsync();
        await RateAllAsync(staff, url, members, 1);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, url, "Approve")).StatusCode);

        var ward = await OrganizationIdAsync("X00004");
        var excel = await leader.GetAsync($"/Assessments/Report?handler=Excel&year=2025&organizationId={ward}");
        Assert.Equal(XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        using var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var rows = reader.ReadRows().ToList();
        Assert.Equal("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025", rows[0][1].Text);
        Assert.Contains("Đảng bộ phường Ba Đình", rows[1][1].Text);
        var merged = reader.ReadMergedRanges();
        Assert.Contains(merged, m => m.FirstRow == m.LastRow && m.LastColumn - m.FirstColumn == 1); // a level's two columns
        Assert.Contains(rows, r => r.Cells.Any(c => c.Text == "Hoàn thành xuất sắc nhiệm vụ"));
        var data = rows.Single(r => r[2].Text == "Chi bộ Trạm Y tế");
        Assert.Equal(members.Count, data[3].Number);
        Assert.Equal(1, data[5].Number);
        var totals = rows.Single(r => r[1].Text == "Tổng cộng");
        Assert.Equal(members.Count, totals[3].Number);
        Assert.Equal(1, totals[5].Number);
    }
}
