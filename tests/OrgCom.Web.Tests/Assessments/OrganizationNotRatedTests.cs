using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Assessments;

/// <summary>
/// The ward rates the cells directly under it: a cell formed under the rule's months before the period's end is
/// proposed "mới thành lập" when the roster is built, the proposal is editable like a member's reason, checked at
/// submission, audited, and counted in the rollup and the statistics form.
/// </summary>
public sealed class OrganizationNotRatedTests : AssessmentTest
{
    private const string NewCell = "X00004.CBMOI";
    private const string NewCellName = "Chi bộ Khu đô thị mới";

    /// <summary>The demo's cells were established on 11/07/2025 with the new wards: in 2025 every one of them is
    /// "mới thành lập"; in 2026 they are not, and the cell established here on 15/09/2026 is.</summary>
    private const int Year = 2026;

    private long _round, _ward, _newCell, _dissolved;
    private List<long> _cells = [];

    private string WardUrl => EntryUrl(_round, _ward);

    /// <summary>A year 2026 round of Hà Nội; a cell established under the ward on 15/09/2026 (under 6 months before
    /// 31/12/2026); every cell of the ward approved with its members rated "tốt" (arranged directly, as the system).</summary>
    private async Task ArrangeAsync()
    {
        _round = await OpenRoundAsync(year: Year);
        _ward = await OrganizationIdAsync("X00004");
        _newCell = await WithDbAsync(db => AssessmentArrange.EstablishCellAsync(db, "X00004", NewCell, NewCellName, new DateOnly(Year, 9, 15)));
        // A cell established with the ward and dissolved (empty) on 31/05/2026: on the roster, proposed "đã giải thể",
        // no approval of its own needed.
        _dissolved = await WithDbAsync(db => AssessmentArrange.EstablishCellAsync(db, "X00004", "X00004.CBGT", "Chi bộ Giải thể", new DateOnly(2025, 8, 1)));
        await WithDbAsync(async db =>
        {
            var cell = await db.Organizations.SingleAsync(o => o.Id == _dissolved);
            Assert.True(cell.Dissolve(new DateOnly(Year, 5, 31), "9-QĐ/ĐU", 0, 0, "(kiểm thử)").IsSuccess);
            return await db.SaveChangesAsync();
        });
        _cells = await WithDbAsync(db => AssessmentArrange.ApproveChildrenAsync(db, _round, _ward, Year));
        Assert.Contains(_newCell, _cells);
        Assert.True(_cells.Count >= 4);
    }

    private async Task<JsonElement> PostOrganizationRowAsync(HttpClient client, long subject, string? level, string? reason = null, string? note = null)
    {
        var response = await PostFormAsync(client, WardUrl + "?handler=OrganizationRow", new()
        {
            ["subjectId"] = subject.ToString(), ["finalLevel"] = level ?? "", ["notRatedReason"] = reason ?? "", ["note"] = note ?? "",
        }, WardUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static Dictionary<string, string> Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("td[data-column]").ToDictionary(td => td.GetAttribute("data-column")!, td => td.TextContent.Trim());

    [Fact]
    public async Task A_newly_formed_cell_is_proposed_not_rated_editable_checked_at_submission_audited_and_counted()
    {
        await ArrangeAsync();
        var staff = await SignInAsync("xa.badinh");
        var leader = await SignInAsync("lanhdao.hanoi");
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(staff, WardUrl)).StatusCode);

        // Proposed when the roster of organizations is built: only the new cell.
        var stored = (await AssessmentAsync(_round, _ward))!;
        Assert.Equal(OrganizationNotRatedReason.NewlyFormed, stored.Organizations.Single(o => o.SubjectOrganizationId == _newCell).NotRatedReason);
        Assert.Equal(OrganizationNotRatedReason.Dissolved, stored.Organizations.Single(o => o.SubjectOrganizationId == _dissolved).NotRatedReason);
        Assert.Equal(_cells.Count + 1, stored.Organizations.Count);
        Assert.All(stored.Organizations.Where(o => o.SubjectOrganizationId != _newCell && o.SubjectOrganizationId != _dissolved),
            o => Assert.Null(o.NotRatedReason));

        // Shown with the rule that produced it.
        var page = await GetDocumentAsync(staff, WardUrl);
        var rule = page.QuerySelector("[data-testid=organization-new-rule]")!.TextContent;
        Assert.Contains($"01/07/{Year}", rule);
        Assert.Contains("6 tháng", rule);
        Assert.Contains("Hướng dẫn 43-HD/BTCTW", rule);
        Assert.Contains("chưa được xác nhận", rule);
        var row = page.QuerySelector($"[data-testid=organizations] tr[data-key='{_newCell}']")!;
        Assert.Contains($"mới thành lập 15/09/{Year}", row.QuerySelector("[data-testid=newly-formed]")!.TextContent);
        Assert.Equal("NewlyFormed", row.QuerySelector("select[name=notRatedReason] option[selected]")!.GetAttribute("value"));
        var gone = page.QuerySelector($"[data-testid=organizations] tr[data-key='{_dissolved}']")!;
        Assert.Contains("đã giải thể 31/05/2026", gone.QuerySelector("[data-testid=dissolved]")!.TextContent);
        Assert.Equal("Dissolved", gone.QuerySelector("select[name=notRatedReason] option[selected]")!.GetAttribute("value"));

        // The ward's own members (if any) and the other cells are rated "tốt".
        foreach (var m in stored.Members)
            Assert.True((await PostRowAsync(staff, WardUrl, m.MemberId, "Good")).GetProperty("ok").GetBoolean());

        var old = _cells.Where(c => c != _newCell).ToList();
        foreach (var cell in old)
            Assert.True((await PostOrganizationRowAsync(staff, cell, "Good")).GetProperty("ok").GetBoolean());

        // Bad input is refused with a message and changes nothing.
        var before = await SnapshotAsync();
        var otherWardCell = await WithDbAsync(db => db.Organizations.Where(o => o.ParentId != null && o.ParentId != _ward && o.Kind == OrganizationKind.GrassrootsCell)
            .Select(o => o.Id).FirstAsync());
        foreach (var (subject, level, reason, note, expected) in new (long, string?, string?, string?, string)[]
                 {
                     (_newCell, "Good", "NewlyFormed", null, "vừa có mức xếp loại vừa có lý do"),
                     (old[0], null, "Other", null, "ghi rõ"),
                     (old[0], null, "Reorganizing", "", "ghi rõ"),
                     (old[0], null, "Closed", null, "không hợp lệ"),
                     (otherWardCell, "Good", null, null, "không trực thuộc"),
                 })
        {
            var json = await PostOrganizationRowAsync(staff, subject, level, reason, note);
            Assert.False(json.GetProperty("ok").GetBoolean());
            Assert.Contains(expected, json.GetProperty("message").GetString());
        }
        Assert.Equal(before, await SnapshotAsync());

        // "Mới thành lập" for a cell established long ago is refused at submission, with the rule, and nothing changes.
        Assert.True((await PostOrganizationRowAsync(staff, old[0], null, "NewlyFormed")).GetProperty("ok").GetBoolean());
        var finding = (await GetDocumentAsync(staff, WardUrl)).QuerySelector("[data-testid=findings] [data-rule='assessment.organization_new_months']")!;
        Assert.Contains("phải xếp loại", finding.TextContent);
        before = await SnapshotAsync();
        var refused = await PageErrorsAsync(await StepAsync(staff, WardUrl, "Submit"));
        Assert.Contains("không ghi lý do \"mới thành lập\"", refused);
        Assert.Contains("43-HD/BTCTW", refused);
        Assert.Equal(before, await SnapshotAsync());

        // "Đã giải thể" for a cell that is not dissolved is refused as well.
        Assert.True((await PostOrganizationRowAsync(staff, old[0], null, "Dissolved")).GetProperty("ok").GetBoolean());
        before = await SnapshotAsync();
        Assert.Contains("Chưa giải thể nên phải xếp loại", await PageErrorsAsync(await StepAsync(staff, WardUrl, "Submit")));
        Assert.Equal(before, await SnapshotAsync());

        // An unrated cell without a reason is refused too.
        Assert.True((await PostOrganizationRowAsync(staff, old[0], null)).GetProperty("ok").GetBoolean());
        before = await SnapshotAsync();
        Assert.Contains("chưa ghi lý do không xếp loại", await PageErrorsAsync(await StepAsync(staff, WardUrl, "Submit")));
        Assert.Equal(before, await SnapshotAsync());

        // Another reason with its note; then the ward submits and the city's leader approves.
        var why = "Chi bộ đang kiện toàn cấp ủy sau khi bí thư chuyển công tác";
        Assert.True((await PostOrganizationRowAsync(staff, old[0], null, "Other", why)).GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, WardUrl, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, WardUrl, "Approve")).StatusCode);
        Assert.Equal(AssessmentStatus.Approved, (await AssessmentAsync(_round, _ward))!.Status);

        // Locked: a reason after approval is refused and changes nothing.
        before = await SnapshotAsync();
        var locked = await PostOrganizationRowAsync(staff, old[1], null, "Other", "Lý do khác đủ dài để ghi");
        Assert.False(locked.GetProperty("ok").GetBoolean());
        Assert.Contains("khóa", locked.GetProperty("message").GetString());
        Assert.Equal(before, await SnapshotAsync());

        // Audited: the proposal (with the roster) and the reasons entered, by the user who entered them.
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "organization_ratings" && a.UserName == "xa.badinh")
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Changes!.Contains("NewlyFormed") && a.OrganizationId == _ward);
        Assert.Contains(audit, a => a.Changes!.Contains("Other") && a.Changes.Contains("kiện toàn cấp ủy"));

        // Counted in the ward's rollup, per cell and in the total, and the year before stays empty.
        var report = await GetDocumentAsync(staff, $"/Assessments/Report?year={Year}&organizationId={_ward}");
        var newRow = Cells(report.QuerySelector($"[data-testid=organization-rollup] tr[data-organization='{_newCell}']")!);
        Assert.Equal(("1", "0", "1"), (newRow["o:Required"], newRow["o:Rated"], newRow["o:r:NewlyFormed"]));
        var total = Cells(report.QuerySelector("[data-testid=organization-total]")!);
        Assert.Equal((_cells.Count + 1).ToString(), total["o:Required"]);
        Assert.Equal((old.Count - 1).ToString(), total["o:Rated"]);
        Assert.Equal((old.Count - 1).ToString(), total["o:Good"]);
        Assert.Equal("3", total["o:NotRated"]);
        Assert.Equal(("1", "1", "0", "1"), (total["o:r:NewlyFormed"], total["o:r:Other"], total["o:r:Reorganizing"], total["o:r:Dissolved"]));
        Assert.StartsWith("100", total["o:s:Good"]);
        Assert.Equal("0", Cells(report.QuerySelector("[data-testid=organization-previous]")!)["o:Required"]);
        // The members' side shows the rated and the not assessed by reason next to the levels.
        var members = Cells(report.QuerySelector("[data-testid=total]")!);
        Assert.Equal(members["Required"], members["Rated"]);
        Assert.Equal("0", members["r:Ill"]);

        // Rolled up: the city's report shows the ward's organizations the same way.
        var city = await OrganizationIdAsync("T01");
        var cityReport = await GetDocumentAsync(leader, $"/Assessments/Report?year={Year}&organizationId={city}");
        var wardRow = Cells(cityReport.QuerySelector($"[data-testid=organization-rollup] tr[data-organization='{_ward}']")!);
        Assert.Equal(((_cells.Count + 1).ToString(), "1", "1", "1"), (wardRow["o:Required"], wardRow["o:r:NewlyFormed"], wardRow["o:r:Other"], wardRow["o:r:Dissolved"]));

        // The statistics form reads the same query.
        var form = await GetDocumentAsync(staff, $"/Reports/View?Form=AssessmentResults&OrganizationId={_ward}&Year={Year}");
        var formRow = Cells(form.QuerySelector($"[data-testid=report] tbody tr[data-organization='{_newCell}']")!);
        Assert.Equal(("1", "1"), (formRow["o:Required"], formRow["o:r:NewlyFormed"]));
        var formTotals = Cells(form.QuerySelector("[data-testid=totals]")!);
        Assert.Equal((total["o:Required"], total["o:Rated"], "3"), (formTotals["o:Required"], formTotals["o:Rated"], formTotals["o:NotRated"]));
        Assert.Equal(members["Required"], formTotals["Required"]);
        // Each count of organizations rated by the level above opens the organizations behind it (the new cell among
        // those not rated as newly formed).
        Assert.True(await OrgCom.Web.Tests.Reports.OrganizationDrill.CheckAllAsync(u => GetDocumentAsync(staff, u), form,
            "[data-testid=report] td[data-column^='o:']") >= 4);
        var newlyFormed = form.QuerySelector($"[data-testid=report] tbody tr[data-organization='{_newCell}'] td[data-column='o:r:NewlyFormed'] a")!;
        var formed = await GetDocumentAsync(staff, WebUtility.HtmlDecode(newlyFormed.GetAttribute("href")!));
        Assert.NotNull(formed.QuerySelector($"[data-testid=organizations] tr[data-organization='{_newCell}']"));

        // And the Excel sheet in the official layout.
        var excel = await leader.GetAsync($"/Assessments/Report?handler=Excel&year={Year}&organizationId={_ward}");
        using var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var rows = reader.ReadRows().ToList();
        var header = rows.First(r => r.Cells.Any(c => c.Text == "Mới thành lập (chưa đủ thời gian)"));
        var column = header.Cells.Select((c, i) => (c, i)).First(x => x.c.Text == "Mới thành lập (chưa đủ thời gian)").i;
        Assert.Contains(rows, r => r.Cells.Any(c => c.Text == "Tổ chức đảng không xếp loại"));
        Assert.Equal(1, rows.Single(r => r[1].Text == "Tổng cộng").Cells[column].Number);
        Assert.Equal(1, rows.Single(r => r[2].Text == NewCellName).Cells[column].Number);
    }

    [Fact]
    public async Task Another_province_cannot_read_or_change_the_organizations_ratings_and_a_reader_may_not_write_them()
    {
        await ArrangeAsync();
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, WardUrl);
        var before = await SnapshotAsync();

        var hcm = await SignInAsync("hcm");
        await GetDocumentAsync(hcm, WardUrl, HttpStatusCode.NotFound);
        var token = await AntiforgeryTokenAsync(hcm, "/");
        var foreign = await hcm.PostAsync($"{WardUrl}?handler=OrganizationRow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["subjectId"] = _newCell.ToString(), ["finalLevel"] = "", ["notRatedReason"] = "Other",
            ["note"] = "Lý do khác đủ dài để ghi",
        }));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await GetDocumentAsync(hcm, $"/Assessments/Report?year={Year}&organizationId={_ward}", HttpStatusCode.NotFound);
        await GetDocumentAsync(hcm, $"/Reports/View?Form=AssessmentResults&OrganizationId={_ward}&Year={Year}", HttpStatusCode.NotFound);

        var leader = await SignInAsync("lanhdao.hanoi");
        var leaderToken = await AntiforgeryTokenAsync(leader, WardUrl);
        var forbidden = await leader.PostAsync($"{WardUrl}?handler=OrganizationRow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = leaderToken, ["subjectId"] = _newCell.ToString(), ["finalLevel"] = "Good", ["notRatedReason"] = "",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }
}
