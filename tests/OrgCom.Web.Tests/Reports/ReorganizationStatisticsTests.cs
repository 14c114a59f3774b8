using OrgCom.Web.Features.Reports;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Tests.Reports;

/// <summary>
/// The statistics read the organization history (ADR 0011, "Reorganizations"): a reorganization's mass move is a flow
/// of its own ("Chuyển do sắp xếp tổ chức"), counted only where it crosses a row's subtree; the counts at a date see
/// the members where they were then; a transfer inside one row is neither in nor out there. Every row balances.
/// </summary>
public sealed class ReorganizationStatisticsTests : ReportTest
{
    // Reconciled where the period allows it (no organization changed parent since its opening): then the balance column is a real check.
    private static string Url(long org, string from, string to) => $"/Reports/View?Form=IncreaseDecrease&OrganizationId={org}&From={from}&To={to}&Reconcile=true";

    private async Task<Dictionary<string, string>> RowAsync(HttpClient client, long root, long row, string from = "01/01/2025", string to = "31/12/2025")
    {
        var page = await GetDocumentAsync(client, Url(root, from, to));
        var tr = page.QuerySelector($"[data-testid=report] tbody tr[data-organization='{row}']");
        Assert.True(tr is not null, $"no row {row} in the report of {root}");
        AssertBalances(page);
        await AssertCountedAlikeAsync(root, from, to);
        return Cells(tr!);
    }

    /// <summary>How many of the reports checked by <see cref="AssertCountedAlikeAsync"/> were counted organization by
    /// organization (the rest fell back to member by member).</summary>
    private int countedByOrganizations;

    /// <summary>The report counted organization by organization (the default over a changed tree) has exactly the numbers
    /// of the report counted member by member (what the drill-down lists).</summary>
    private async Task AssertCountedAlikeAsync(long root, string from, string to)
    {
        var f = DateOnly.ParseExact(from, "dd/MM/yyyy");
        var t = DateOnly.ParseExact(to, "dd/MM/yyyy");
        var reportRoot = new ReportRoot(root, "(kiểm thử)", await PathAsync(root), OrganizationKind.GrassrootsCell);
        using var scope = Factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<StatisticsQueries>();
        var members = await queries.IncreaseDecreaseAsync(reportRoot, f, t, false, CancellationToken.None, HistoryCount.Members);
        static string Text(ReportTable table) => string.Join("; ", table.Columns.Select(c => c.Key)) + "\n" + string.Join("\n",
            table.Rows.Select(r => r.OrganizationId + ": " + string.Join(", ", r.Values)));
        // Both ways of counting organization by organization, and the one the report chooses.
        foreach (var count in new[] { HistoryCount.Automatic, HistoryCount.MovedSubtrees, HistoryCount.WholeSubtree })
        {
            var table = await queries.IncreaseDecreaseAsync(reportRoot, f, t, false, CancellationToken.None, count);
            Assert.True(Text(members) == Text(table), $"{count}, report of {root} {from}–{to}:\n{Text(table)}\nmember by member:\n{Text(members)}");
            if (!table.CountedByMembers && count == HistoryCount.Automatic)
                countedByOrganizations++;
        }
    }

    private static void AssertBalances(IDocument page)
    {
        foreach (var tr in page.QuerySelectorAll("[data-testid=report] tbody tr[data-organization]"))
        {
            // Opening + increases − decreases + moved in − moved out by a reorganization = closing, from the cells shown.
            var cells = Cells(tr);
            var net = StatisticsQueries.Increases.Sum(k => N(cells, k)) - StatisticsQueries.Decreases.Sum(k => N(cells, k))
                + N(cells, "ReorganizedIn") - N(cells, "ReorganizedOut");
            Assert.True(N(cells, "Opening") + net == N(cells, "Closing"), "row " + tr.GetAttribute("data-organization") + " does not balance");
            // Where the period could be reconciled member by member, the real check holds too.
            if (cells.TryGetValue("balance", out var check))
                Assert.True(check == "✓", "row " + tr.GetAttribute("data-organization") + " does not reconcile: " + check);
        }
        if (page.QuerySelector("[data-testid=balance]") is { } summary)
            Assert.Contains("khớp", summary.TextContent);
    }

    private static long N(Dictionary<string, string> cells, string key) =>
        cells.TryGetValue(key, out var v) && v.Length > 0 ? long.Parse(v.Replace(".", "")) : 0;

    /// <summary>The members listed behind a reorganization number (all pages), checked against the number clicked.</summary>
    private async Task<List<string>> DrillAsync(HttpClient client, long root, long? row, string measure, long expected,
        string from = "01/01/2025", string to = "31/12/2025")
    {
        var report = await GetDocumentAsync(client, Url(root, from, to));
        var cell = row is { } r
            ? report.QuerySelector($"[data-testid=report] tbody tr[data-organization='{r}'] td[data-column={measure}]")
            : report.QuerySelector($"[data-testid=report] [data-testid=totals] td[data-column={measure}]");
        Assert.True(cell is not null, $"no {measure} cell for {row?.ToString() ?? "totals"} in the report of {root}");
        Assert.Equal(expected, N(new() { ["x"] = cell!.TextContent.Trim() }, "x"));
        var link = cell.QuerySelector("a");
        Assert.True(link is not null, $"{measure} of {row?.ToString() ?? "totals"} is not a link");
        var url = WebUtility.HtmlDecode(link!.GetAttribute("href")!);
        var names = new List<string>();
        for (var p = 1; ; p++)
        {
            var page = await GetDocumentAsync(client, url + "&p=" + p);
            Assert.Contains($"Tổng số: {ReportRequest.Number(expected)} đảng viên", page.QuerySelector("[data-testid=drill-summary]")!.TextContent);
            var rows = page.QuerySelectorAll("[data-testid=members] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
            names.AddRange(rows);
            if (rows.Count < MembersModel.PageSize)
                break;
        }
        Assert.Equal(expected, names.Count);
        return names;
    }

    private async Task<string> PathAsync(long id) => (await WithDbAsync(async db =>
        await db.Organizations.Where(o => o.Id == id).Select(o => EF.Property<LTree>(o, "Path")).SingleAsync())).ToString();

    private async Task<long> AtAsync(long org, DateOnly day) =>
        await ScalarAsync("select count(*) from membership_at(@p::ltree, @d)", ("p", await PathAsync(org)), ("d", day));

    /// <summary>Both shapes of the seam agree for the subtree as it stood on the day.</summary>
    private async Task AssertSeamAgreesAsync(long org, DateOnly day)
    {
        var counts = await ScalarAsync($"""
            with subtree as (select organization_id as id from org_rows_as_of(@o, @d))
            select coalesce(sum(n), 0) from ({OrgCom.Web.Features.Reports.MembershipAtDate.CountsSql.Replace("@date", "@d")}) x
            """, ("o", org), ("d", day));
        Assert.True(counts == await AtAsync(org, day), $"{org} on {day}: counts {counts}, membership_at {await AtAsync(org, day)}");
    }

    private async Task<long> CountedInAsync(long org) => await ScalarAsync(
        "select count(*) from members where organization_id = @o and status in ('Probationary', 'Official')", ("o", org));

    [Fact]
    public async Task A_merge_across_provinces_moves_the_members_in_their_own_column_and_every_row_balances_also_after_its_reversal()
    {
        var admin = await SignInAsync("admin");
        var hanoi = await OrganizationIdAsync("T01");
        var hcm = await OrganizationIdAsync("T79");
        var hcmCommune = await OrganizationIdAsync("X26740");
        var centre = await OrganizationIdAsync("TW");
        var moving = await CountedInAsync(A);
        Assert.True(moving > 0);
        var beforeA = await RowAsync(admin, Commune, A);
        var beforeHanoi = await RowAsync(admin, centre, hanoi);
        var beforeHcm = await RowAsync(admin, centre, hcm);
        var beforeC = await RowAsync(admin, hcmCommune, C);
        var hanoiOnMergeEve = await AtAsync(hanoi, D(2025, 8, 31));
        var hcmOnMergeEve = await AtAsync(hcm, D(2025, 8, 31));
        Assert.False(beforeA.ContainsKey("ReorganizedOut"));

        // Cell A of Hà Nội merged into cell C of Hồ Chí Minh City on 01/09/2025.
        var form = new Dictionary<string, string>
        {
            ["SourceCodes"] = "X00004.TKA", ["DecisionNumber"] = "90-QĐ/TW", ["EffectiveOn"] = "01/09/2025",
            ["NewTarget"] = "false", ["TargetCode"] = "X26740.TKC",
        };
        var applied = await PostFormAsync(admin, $"/Organizations/Merge/{A}?handler=Apply", form, $"/Organizations/Merge/{A}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var reorganizationUrl = applied.Headers.Location!.OriginalString;
        Assert.Equal(0, await CountedInAsync(A));

        // A, in its commune's report (it stands under C now, but was Ba Đình's in the period): its members left by
        // the reorganization, not by transfers; opening and the other flows as before.
        var a = await RowAsync(admin, Commune, A);
        Assert.Equal(N(beforeA, "Opening"), N(a, "Opening"));
        Assert.Equal(N(beforeA, "TransferredOut"), N(a, "TransferredOut"));
        Assert.Equal(moving, N(a, "ReorganizedOut"));
        Assert.Equal(0, N(a, "ReorganizedIn"));
        Assert.Equal(0, N(a, "Closing"));
        // C took them in by the reorganization.
        var c = await RowAsync(admin, hcmCommune, C);
        Assert.Equal(moving, N(c, "ReorganizedIn"));
        Assert.Equal(N(beforeC, "Closing") + moving, N(c, "Closing"));
        Assert.Equal(N(beforeC, "TransferredInOtherProvince"), N(c, "TransferredInOtherProvince"));
        // The provinces, in the Centre's report: the same move, out of one and into the other; nothing else changed.
        var hanoiRow = await RowAsync(admin, centre, hanoi);
        var hcmRow = await RowAsync(admin, centre, hcm);
        Assert.Equal(N(beforeHanoi, "Opening"), N(hanoiRow, "Opening"));
        Assert.Equal(moving, N(hanoiRow, "ReorganizedOut"));
        Assert.Equal(N(beforeHanoi, "Closing") - moving, N(hanoiRow, "Closing"));
        Assert.Equal(moving, N(hcmRow, "ReorganizedIn"));
        Assert.Equal(N(beforeHcm, "Closing") + moving, N(hcmRow, "Closing"));
        Assert.Equal(N(beforeHanoi, "Admitted"), N(hanoiRow, "Admitted"));
        Assert.Equal(N(beforeHanoi, "TransferredOut"), N(hanoiRow, "TransferredOut"));
        // Every reorganization number opens the members behind it: those of A, who left Hà Nội for C.
        var ofA = await WithDbAsync(db => db.Members.Where(m => m.OrganizationId == C).Select(m => m.FullName).ToListAsync());
        var outOfA = await DrillAsync(admin, Commune, A, "ReorganizedOut", moving);
        Assert.All(outOfA, n => Assert.Contains(n, ofA));
        Assert.Equal(outOfA.Order(), (await DrillAsync(admin, hcmCommune, C, "ReorganizedIn", moving)).Order());
        Assert.Equal(outOfA.Order(), (await DrillAsync(admin, centre, hanoi, "ReorganizedOut", moving)).Order());
        Assert.Equal(outOfA.Order(), (await DrillAsync(admin, centre, hcm, "ReorganizedIn", moving)).Order());
        Assert.Equal(outOfA.Order(), (await DrillAsync(admin, centre, null, "ReorganizedIn", moving)).Order());
        // Hà Nội's staff open Hà Nội's number (the members now stand in Hồ Chí Minh City: counted, not shown).
        var hanoiStaff = await SignInAsync("hanoi");
        var hidden = await GetDocumentAsync(hanoiStaff,
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=31/12/2025&Measure=ReorganizedOut");
        Assert.Contains($"Tổng số: {ReportRequest.Number(moving)} đảng viên", hidden.QuerySelector("[data-testid=drill-summary]")!.TextContent);
        Assert.Empty(hidden.QuerySelectorAll("[data-testid=members] tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await hanoiStaff.GetAsync(
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={hcmCommune}&From=01/01/2025&To=31/12/2025&Measure=ReorganizedIn")).StatusCode);
        // A period ending before the merge knows nothing of it.
        var firstHalf = await RowAsync(admin, centre, hanoi, "01/01/2025", "31/08/2025");
        Assert.Equal(0, N(firstHalf, "ReorganizedOut"));

        // Counts at a date: where they were then.
        Assert.Equal(hanoiOnMergeEve, await AtAsync(hanoi, D(2025, 8, 31)));
        Assert.Equal(hcmOnMergeEve, await AtAsync(hcm, D(2025, 8, 31)));
        Assert.Equal(hanoiOnMergeEve - moving, await AtAsync(hanoi, D(2025, 9, 1)));
        Assert.Equal(hcmOnMergeEve + moving, await AtAsync(hcm, D(2025, 9, 1)));
        foreach (var org in new[] { hanoi, hcm, Commune, hcmCommune, A, C, centre })
            foreach (var day in new[] { D(2025, 8, 31), D(2025, 9, 1), D(2026, 11, 20) })
                await AssertSeamAgreesAsync(org, day);
        var membersThen = await GetDocumentAsync(admin, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=31/08/2025&Dimension=Gender");
        Assert.Equal(N(beforeA, "Closing") + 0, N(Cells(membersThen.QuerySelector($"[data-testid=report] tbody tr[data-organization='{A}']")!), "Members"));

        // Reversed: the pre-aggregates subtract exactly what the merge added.
        var reversed = await PostFormAsync(admin, reorganizationUrl + "?handler=Reverse", new() { ["Reason"] = "Nhập nhầm" }, reorganizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Equal(moving, await CountedInAsync(A));
        var again = await RowAsync(admin, centre, hanoi);
        Assert.Equal(N(beforeHanoi, "Closing"), N(again, "Closing"));
        Assert.False(again.ContainsKey("ReorganizedOut"));
        Assert.Equal(N(beforeA, "Closing"), N(await RowAsync(admin, Commune, A), "Closing"));
        Assert.Equal(hanoiOnMergeEve, await AtAsync(hanoi, D(2025, 9, 1)));
        Assert.Equal(0, await ScalarAsync("select count(*) from member_flows where flow like 'Reorganized%' and n <> 0"));
        foreach (var org in new[] { hanoi, hcm, A, C })
            await AssertSeamAgreesAsync(org, D(2025, 9, 1));
        Assert.True(countedByOrganizations > 0, "no report of this history was counted organization by organization");
    }

    [Fact]
    public async Task A_commune_merged_into_another_province_takes_its_cells_along_and_the_rows_read_the_tree_as_it_stood()
    {
        var admin = await SignInAsync("admin");
        var hanoi = await OrganizationIdAsync("T01");
        var hcm = await OrganizationIdAsync("T79");
        var centre = await OrganizationIdAsync("TW");
        var eve = await AtAsync(Commune, D(2025, 8, 31));
        Assert.True(eve > 0);
        var beforeHanoi = await RowAsync(admin, centre, hanoi);
        var beforeHcm = await RowAsync(admin, centre, hcm);
        var beforeCommune = await RowAsync(admin, hanoi, Commune);
        var hanoiEve = await AtAsync(hanoi, D(2025, 8, 31));
        var communeAtClose = await AtAsync(Commune, D(2025, 12, 31));

        // Ba Đình (Hà Nội) merged into Sài Gòn (Hồ Chí Minh City) on 01/09/2025: its chi bộ follow without member events.
        var applied = await PostFormAsync(admin, $"/Organizations/Merge/{Commune}?handler=Apply", new()
        {
            ["SourceCodes"] = "X00004", ["DecisionNumber"] = "91-QĐ/TW", ["EffectiveOn"] = "01/09/2025",
            ["NewTarget"] = "false", ["TargetCode"] = "X26740",
        }, $"/Organizations/Merge/{Commune}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        // Hà Nội's report keeps Ba Đình's row for the period (it stands in Hồ Chí Minh City now): as before up to the
        // merge, then everyone carried out by the reorganization.
        var commune = await RowAsync(admin, hanoi, Commune);
        Assert.Equal(N(beforeCommune, "Opening"), N(commune, "Opening"));
        Assert.Equal(N(beforeCommune, "TransferredInOtherProvince"), N(commune, "TransferredInOtherProvince"));
        Assert.Equal(0, N(commune, "Closing"));
        Assert.Equal(eve, N(commune, "ReorganizedOut") - N(commune, "ReorganizedIn"));
        var hanoiRow = await RowAsync(admin, centre, hanoi);
        var hcmRow = await RowAsync(admin, centre, hcm);
        Assert.Equal(N(beforeHanoi, "Opening"), N(hanoiRow, "Opening"));
        // Closing: without Ba Đình as it stood at the end of the year (its flows since the merge are Sài Gòn's).
        Assert.Equal(N(beforeHanoi, "Closing") - communeAtClose, N(hanoiRow, "Closing"));
        Assert.Equal(eve, N(hanoiRow, "ReorganizedOut"));
        Assert.Equal(N(beforeHcm, "Opening"), N(hcmRow, "Opening"));
        Assert.Equal(N(beforeHcm, "Closing") + communeAtClose, N(hcmRow, "Closing"));
        Assert.Equal(eve, N(hcmRow, "ReorganizedIn"));
        // Reports rooted at the merged commune (it changed parent), at one of its cells (its parent did), at its
        // successor and at the province that received it, over periods around the merge: counted organization by
        // organization (only the moved subtrees read the history) with the numbers counted member by member.
        var saigon = await OrganizationIdAsync("X26740");
        var before = countedByOrganizations;
        foreach (var root in new[] { Commune, A, saigon, hcm, centre })
            foreach (var (from, to) in new[] { ("01/01/2025", "31/12/2025"), ("01/09/2025", "31/12/2025"), ("01/01/2025", "31/08/2025"), ("01/10/2025", "31/12/2025") })
                await AssertCountedAlikeAsync(root, from, to);
        Assert.True(countedByOrganizations - before >= 10, $"only {countedByOrganizations - before} of 20 reports counted organization by organization");
        // Counts at a date: in Hà Nội until the merge, in Hồ Chí Minh City from it.
        Assert.Equal(hanoiEve, await AtAsync(hanoi, D(2025, 8, 31)));
        Assert.Equal(hanoiEve - eve, await AtAsync(hanoi, D(2025, 9, 1)));
        foreach (var org in new[] { hanoi, hcm, centre, A })
            foreach (var day in new[] { D(2025, 8, 31), D(2025, 9, 1) })
                await AssertSeamAgreesAsync(org, day);
        var kinds = await GetDocumentAsync(admin, $"/Reports/View?Form=OrganizationsByKind&OrganizationId={hanoi}&To=31/08/2025");
        Assert.NotNull(kinds.QuerySelector($"[data-testid=report] tbody tr[data-organization='{Commune}']"));
        Assert.True(countedByOrganizations > 0, "no report of this history was counted organization by organization");
    }

    private async Task<List<string>> NamesAtAsync(long org, DateOnly day)
    {
        var path = await PathAsync(org);
        return await WithDbAsync(async db =>
        {
            var ids = await db.Database.SqlQueryRaw<long>("select member_id as \"Value\" from membership_at(@p::ltree, @d)",
                new Npgsql.NpgsqlParameter("p", path), new Npgsql.NpgsqlParameter("d", day)).ToListAsync();
            return await db.Members.IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).Select(m => m.FullName).ToListAsync();
        });
    }

    [Fact]
    public async Task A_row_that_loses_one_cell_and_receives_another_shows_both_moves_and_each_number_lists_its_members()
    {
        var client = await SignInAsync("hanoi");
        var hanoi = await OrganizationIdAsync("T01");
        var other = await OrganizationIdAsync("X00008");
        var cell = await OrganizationIdAsync("X00008.CB01");
        var ofA = await NamesAtAsync(A, D(2025, 12, 31));
        var ofCell = await NamesAtAsync(cell, D(2025, 12, 31));
        Assert.NotEmpty(ofA);
        Assert.NotEmpty(ofCell);

        // Cell A leaves Ba Đình for commune X00008 on 01/09/2025; X00008's first cell comes to Ba Đình on 01/10/2025.
        foreach (var (org, parent, decision, day) in new[] { (A, "X00008", "81-QĐ/TU", "01/09/2025"), (cell, "X00004", "82-QĐ/TU", "01/10/2025") })
        {
            var moved = await PostFormAsync(client, $"/Organizations/Move/{org}", new()
            {
                ["NewParentCode"] = parent, ["DecisionNumber"] = decision, ["EffectiveOn"] = day,
            });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        // Gross, not the net: Ba Đình's row sent A's members and received the cell's (every row balances).
        var badinh = await RowAsync(client, hanoi, Commune);
        Assert.Equal(ofA.Count, N(badinh, "ReorganizedOut"));
        Assert.Equal(ofCell.Count, N(badinh, "ReorganizedIn"));
        var x8 = await RowAsync(client, hanoi, other);
        Assert.Equal(ofA.Count, N(x8, "ReorganizedIn"));
        Assert.Equal(ofCell.Count, N(x8, "ReorganizedOut"));

        // Each number lists exactly its members; the totals list both rows' members.
        Assert.Equal(ofA.Order(), (await DrillAsync(client, hanoi, Commune, "ReorganizedOut", ofA.Count)).Order());
        Assert.Equal(ofCell.Order(), (await DrillAsync(client, hanoi, Commune, "ReorganizedIn", ofCell.Count)).Order());
        Assert.Equal(ofA.Order(), (await DrillAsync(client, hanoi, other, "ReorganizedIn", ofA.Count)).Order());
        Assert.Equal(ofA.Concat(ofCell).Order(), (await DrillAsync(client, hanoi, null, "ReorganizedIn", ofA.Count + ofCell.Count)).Order());
        // In Ba Đình's own report, A's row (it stands in X00008 now) sent its members.
        Assert.Equal(ofA.Order(), (await DrillAsync(client, Commune, A, "ReorganizedOut", ofA.Count)).Order());

        // Its Excel is audited like every drill-down's, naming the row and the report.
        var excel = await client.GetAsync($"/Reports/Members?Form=IncreaseDecrease&OrganizationId={hanoi}&From=01/01/2025&To=31/12/2025"
            + $"&Measure=ReorganizedIn&Row={Commune}&handler=Excel");
        Assert.Equal(OrgCom.Web.Infrastructure.Export.XlsxWriter.ContentType, excel.Content.Headers.ContentType!.MediaType);
        var line = Assert.Single(await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.EntityType == "members" && a.EntityKey == "export").ToListAsync()));
        Assert.Equal(("hanoi", hanoi), (line.UserName, line.OrganizationId!.Value));
        Assert.Contains("Nhận do sắp xếp tổ chức — Đảng bộ phường Ba Đình (báo cáo của", line.Reason);

        // Another province's staff: not found; a bad period: a Vietnamese message.
        var hcm = await SignInAsync("hcm");
        Assert.Equal(HttpStatusCode.NotFound, (await hcm.GetAsync(
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=31/12/2025&Measure=ReorganizedIn")).StatusCode);
        var bad = await GetDocumentAsync(client,
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2026&To=31/12/2025&Measure=ReorganizedIn");
        Assert.Contains("Ngày đầu kỳ (01/01/2026) phải trước hoặc bằng ngày cuối kỳ", bad.Body!.TextContent);
        Assert.True(countedByOrganizations > 0, "no report of this history was counted organization by organization");
    }

    [Fact]
    public async Task A_split_that_places_members_under_another_parent_without_any_change_of_parent_is_counted_member_by_member_too()
    {
        var client = await SignInAsync("hanoi");
        var hanoi = await OrganizationIdAsync("T01");
        var other = await OrganizationIdAsync("X00008");
        var cell = await OrganizationIdAsync("X00008.CB01");
        var members = await WithDbAsync(db => db.Members.Where(m => m.OrganizationId == cell
                && (m.Status == OrgCom.Core.Members.MemberStatus.Official || m.Status == OrgCom.Core.Members.MemberStatus.Probationary
                    || m.Status == OrgCom.Core.Members.MemberStatus.Candidate))
            .Select(m => m.Id).OrderBy(i => i).ToListAsync());
        // X00008's cell split on 01/10/2025: half of its members into a new cell of Ba Đình, half into X00008's second
        // cell — reassignments only, no organization changes parent (the current tree is the tree of the whole year).
        var form = new Dictionary<string, string>
        {
            ["Targets[0].IsNew"] = "true", ["Targets[0].Code"] = "X00004.CB81", ["Targets[0].Name"] = "Chi bộ Tổ dân phố số 81",
            ["Targets[0].Kind"] = "Cell", ["Targets[0].ParentCode"] = "X00004",
            ["Targets[1].IsNew"] = "false", ["Targets[1].ExistingCode"] = "X00008.CB02",
            ["DecisionNumber"] = "83-QĐ/TU", ["EffectiveOn"] = "01/10/2025",
        };
        for (var i = 0; i < members.Count; i++)
            form[$"MemberTargets[{members[i]}]"] = (i % 2).ToString();
        var applied = await PostFormAsync(client, $"/Organizations/Split/{cell}?handler=Apply", form, $"/Organizations/Split/{cell}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(0, await ScalarAsync("select count(*) from organization_events where kind in ('Moved', 'Merged')"));
        var moved = await NamesAtAsync(await OrganizationIdAsync("X00004.CB81"), D(2025, 12, 31));
        Assert.NotEmpty(moved);

        var badinh = await RowAsync(client, hanoi, Commune);
        Assert.Equal(moved.Count, N(badinh, "ReorganizedIn"));
        Assert.Equal(moved.Count, N(await RowAsync(client, hanoi, other), "ReorganizedOut"));
        Assert.Equal(moved.Order(), (await DrillAsync(client, hanoi, Commune, "ReorganizedIn", moved.Count)).Order());
        Assert.Equal(moved.Order(), (await DrillAsync(client, hanoi, other, "ReorganizedOut", moved.Count)).Order());
        // Inside X00008's own report, the cell's row sent everyone it had (to both targets).
        var sent = await NamesAtAsync(cell, D(2025, 9, 30));
        Assert.Equal(sent.Order(), (await DrillAsync(client, other, cell, "ReorganizedOut", sent.Count)).Order());
    }

    [Fact]
    public async Task A_cell_moved_away_and_back_in_one_period_is_counted_member_by_member_and_nobody_is_received_or_sent_for_the_year()
    {
        var client = await SignInAsync("admin");
        var hanoi = await OrganizationIdAsync("T01");
        var before = await RowAsync(client, hanoi, Commune, from: "01/01/2025", to: "30/06/2025");
        // Cell A to commune X00008 on 01/08/2025, and back to Ba Đình on 01/11/2025.
        foreach (var (parent, decision, day) in new[] { ("X00008", "83-QĐ/TU", "01/08/2025"), ("X00004", "84-QĐ/TU", "01/11/2025") })
        {
            var moved = await PostFormAsync(client, $"/Organizations/Move/{A}", new()
            {
                ["NewParentCode"] = parent, ["DecisionNumber"] = decision, ["EffectiveOn"] = day,
            });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        // Organization by organization, A would be sent and received twice; member by member (what the drill-down lists)
        // its members were in Ba Đình at both ends of the year: the count falls back to that, with the same numbers.
        var year = await RowAsync(client, hanoi, Commune);
        Assert.Equal(0, N(year, "ReorganizedIn"));
        Assert.Equal(0, N(year, "ReorganizedOut"));
        var root = new ReportRoot(hanoi, "(kiểm thử)", await PathAsync(hanoi), OrganizationKind.GrassrootsCell);
        using var scope = Factory.Services.CreateScope();
        var table = await scope.ServiceProvider.GetRequiredService<StatisticsQueries>()
            .IncreaseDecreaseAsync(root, D(2025, 1, 1), D(2025, 12, 31), false, CancellationToken.None);
        Assert.True(table.CountedByMembers);
        // The third quarter holds the first move only: X00008's row received A's members, Ba Đình's sent them
        // (counted organization by organization, compared with member by member in RowAsync).
        var x8 = await OrganizationIdAsync("X00008");
        var quarter = await RowAsync(client, hanoi, x8, from: "01/07/2025", to: "30/09/2025");
        Assert.True(N(quarter, "ReorganizedIn") > 0);
        Assert.Equal(0, N(quarter, "ReorganizedOut"));
        Assert.Equal(N(quarter, "ReorganizedIn"), N(await RowAsync(client, hanoi, Commune, from: "01/07/2025", to: "30/09/2025"), "ReorganizedOut"));
        Assert.Equal(N(before, "Closing"), N(await RowAsync(client, hanoi, Commune, from: "01/01/2025", to: "30/06/2025"), "Closing"));
    }

    [Fact]
    public async Task A_transfer_counts_only_at_the_rows_whose_subtree_it_crosses()
    {
        var client = await SignInAsync("hanoi");
        var hanoi = await OrganizationIdAsync("T01");
        // B → A (05/06/2025), both in Ba Đình; C (Hồ Chí Minh City) → A (01/02/2025).
        // The cell itself (its own row in its own report): both transfers came in.
        var cell = await RowAsync(client, A, A, "01/01/2025", "30/06/2025");
        Assert.Equal(1, N(cell, "TransferredInWithinProvince"));
        Assert.Equal(1, N(cell, "TransferredInOtherProvince"));
        // The commune committee's rows A and B: the transfer between them crosses both.
        Assert.Equal(1, N(await RowAsync(client, Commune, A, "01/01/2025", "30/06/2025"), "TransferredInWithinProvince"));
        Assert.Equal(1, N(await RowAsync(client, Commune, B, "01/01/2025", "30/06/2025"), "TransferredOut"));
        // The province's row of the commune: the transfer inside it is neither in nor out; the one from another
        // province still comes in.
        var commune = await RowAsync(client, hanoi, Commune, "01/01/2025", "30/06/2025");
        Assert.Equal(0, N(commune, "TransferredInWithinProvince"));
        Assert.Equal(0, N(commune, "TransferredOut"));
        Assert.Equal(1, N(commune, "TransferredInOtherProvince"));
        // Its drill-down lists nobody for the transfer inside.
        var list = await GetDocumentAsync(client,
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=30/06/2025&Measure=TransferredInWithinProvince");
        Assert.DoesNotContain("Lê Văn Trong Tỉnh", list.QuerySelector("[data-testid=members]")?.TextContent ?? "");
        // ... while a flow that is no move (an admission) still lists its member there.
        var admitted = await GetDocumentAsync(client,
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=30/06/2025&Measure=Admitted");
        Assert.Contains("Lê Văn Kết Nạp", admitted.QuerySelector("[data-testid=members]")!.TextContent);
        var from = await GetDocumentAsync(client,
            $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=30/06/2025&Measure=TransferredInOtherProvince");
        Assert.Contains("Lê Thị Tỉnh Khác", from.QuerySelector("[data-testid=members]")!.TextContent);
        // The Centre: Hà Nội's row takes in the transfer from Hồ Chí Minh City, whose row lets it out (in the second
        // half, the other way round).
        var admin = await SignInAsync("admin");
        var centre = await OrganizationIdAsync("TW");
        Assert.Equal(1, N(await RowAsync(admin, centre, hanoi, "01/01/2025", "30/06/2025"), "TransferredInOtherProvince"));
        Assert.Equal(1, N(await RowAsync(admin, centre, await OrganizationIdAsync("T79"), "01/01/2025", "30/06/2025"), "TransferredOut"));
        Assert.Equal(1, N(await RowAsync(admin, centre, hanoi, "01/07/2025", "31/12/2025"), "TransferredOut"));
    }

    [Fact]
    public async Task The_as_of_member_list_leaves_out_a_readmitted_member_during_the_gap_and_shows_the_status_of_that_date()
    {
        // Lê Văn Kết Nạp Lại: ceremony 01/01/2000, left 01/01/2020, readmitted by decision of 15/04/2025 (ceremony 20/04/2025).
        async Task<bool> ListedAsync(DateOnly day) => await ScalarAsync(
            "select count(*) from members_as_of(@o, @d, false) where member_id = @m", ("o", A), ("d", day), ("m", People["Lê Văn Kết Nạp Lại"])) == 1;
        Assert.True(await ListedAsync(D(2019, 6, 1)));
        Assert.False(await ListedAsync(D(2022, 6, 1)));
        Assert.True(await ListedAsync(D(2025, 5, 1)));
        foreach (var day in new[] { D(2019, 6, 1), D(2022, 6, 1), D(2025, 5, 1), D(2025, 12, 1) })
            Assert.Equal(await ScalarAsync("select count(*) from members_as_of(@o, @d, false)", ("o", A), ("d", day)), await AtAsync(A, day));

        // Lê Văn Kết Nạp (ceremony 10/03/2025) is recognised official now: the list of 01/12/2025 shows him probationary.
        var rules = Factory.Services.GetRequiredService<OrgCom.Web.Infrastructure.Rules.RuleBookProvider>();
        var context = await rules.ContextAsync("(kiểm thử)", CancellationToken.None);
        await WithDbAsync(async db =>
        {
            var m = await db.Members.Include(x => x.Events).SingleAsync(x => x.FullName == "Lê Văn Kết Nạp");
            var r = m.RecognizeOfficial(D(2026, 3, 12), "12-QĐ/ĐU", context);
            Assert.True(r.IsSuccess, r.Error?.Message);
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync("hanoi");
        async Task<string> StatusAsync(string date, string name)
        {
            var page = await GetDocumentAsync(client, $"/Organizations/Details/{A}?date={date}");
            var link = page.QuerySelectorAll("[data-testid=member-name]").Single(a => a.TextContent.Trim() == name);
            return link.Closest("tr")!.QuerySelectorAll("td")[4].TextContent.Trim();
        }
        Assert.Equal("Dự bị", await StatusAsync("01/12/2025", "Lê Văn Kết Nạp"));
        Assert.Equal("Chính thức", await StatusAsync("20/11/2026", "Lê Văn Kết Nạp"));
    }
}
