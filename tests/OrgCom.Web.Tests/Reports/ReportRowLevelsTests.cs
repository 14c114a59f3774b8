using Npgsql;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Reports;

/// <summary>
/// The report rows of the whole country and of a province are read from the level 2 and 3 ancestors kept on the
/// pre-aggregates (migration StatisticsRowLevels, ADR 0011 "Speed"): they follow every move that changes them, also
/// under a concurrent member event, and the two reports then say what counting member by member says.
/// </summary>
public sealed class ReportRowLevelsTests : ReportTest
{
    /// <summary>Rows of the pre-aggregates whose kept ancestors are not those of their organization's path now.</summary>
    private const string LevelsDrift = """
        select count(*) from (
            select c.organization_id from member_counts c join organizations o on o.id = c.organization_id
            where (c.level2_id, c.level3_id) is distinct from (organization_level_id(o.path, 2), organization_level_id(o.path, 3))
            union all
            select f.organization_id from member_flows f join organizations o on o.id = f.organization_id
            where (f.level2_id, f.level3_id) is distinct from (organization_level_id(o.path, 2), organization_level_id(o.path, 3))) d
        """;

    private Task<long> ParentAsync(long organization) =>
        ScalarAsync("select parent_id from organizations where id = @o", ("o", organization));

    /// <summary>Every number of the increase/decrease report of 2025 for <paramref name="root"/>, by row and column.</summary>
    private async Task<Dictionary<(string Row, string Column), string>> ReportAsync(HttpClient client, long root, bool reconcile)
    {
        var page = await GetDocumentAsync(client,
            $"/Reports/View?Form=IncreaseDecrease&OrganizationId={root}&From=01/01/2025&To=31/12/2025" + (reconcile ? "&Reconcile=true" : ""));
        var rows = page.QuerySelectorAll("[data-testid=report] tbody tr[data-organization], [data-testid=totals]").ToList();
        Assert.NotEmpty(rows);
        if (reconcile)
            Assert.DoesNotContain("KHÔNG KHỚP", page.QuerySelector("[data-testid=balance]")!.TextContent);
        return rows.SelectMany(r => Cells(r).Where(c => c.Key != "balance")
                .Select(c => (Key: (r.GetAttribute("data-organization") ?? "totals", c.Key), c.Value)))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    /// <summary>The country's and both provinces' reports, pre-aggregated, are the reports counted member by member.</summary>
    private async Task AssertReportsAsync(HttpClient admin, params long[] roots)
    {
        Assert.Equal(0, await ScalarAsync(LevelsDrift));
        Assert.Equal(0, await ScalarAsync(StoredFlowTests.CountsDrift));
        Assert.Equal(0, await ScalarAsync(StoredFlowTests.FlowsDrift));
        foreach (var root in roots)
            Assert.Equal(await ReportAsync(admin, root, reconcile: true), await ReportAsync(admin, root, reconcile: false));
    }

    [Fact]
    public async Task The_country_and_province_reports_follow_moves_across_provinces_and_communes()
    {
        var hanoi = await ParentAsync(Commune);
        var hcmCommune = await OrganizationIdAsync("X26740");
        var hcm = await ParentAsync(hcmCommune);
        var country = await ParentAsync(hanoi);
        Assert.Equal(2, await ScalarAsync("select nlevel(path) from organizations where id = @o", ("o", hanoi)));
        var otherHanoiCommune = await ScalarAsync(
            "select id from organizations where parent_id = @p and id <> @c and kind = (select kind from organizations where id = @c) order by id limit 1",
            ("p", hanoi), ("c", Commune));
        var admin = await SignInAsync("admin");
        await AssertReportsAsync(admin, country, hanoi, hcm);
        var hanoiBefore = await ReportAsync(admin, hanoi, reconcile: false);
        var countryBefore = await ReportAsync(admin, country, reconcile: false);
        const long aClosing = 6; // A on 31/12/2025 (ReportTest)
        Assert.True(N(hanoiBefore, Commune, "Closing") >= aClosing);

        // Moved without a decision (no history: the current tree stands for the whole period, the fast path). B, with
        // the member it received from C, to a commune of Hồ Chí Minh City: both ancestors change.
        await ScalarAsync("update organizations set parent_id = @p where id = @o; select 0", ("p", hcmCommune), ("o", B));
        await AssertReportsAsync(admin, country, hanoi, hcm);
        // A to another commune of Hà Nội: only its level 3 ancestor changes; the row of Hà Nội's report moves.
        await ScalarAsync("update organizations set parent_id = @p where id = @o; select 0", ("p", otherHanoiCommune), ("o", A));
        await AssertReportsAsync(admin, country, hanoi, hcm);
        var hanoiAfter = await ReportAsync(admin, hanoi, reconcile: false);
        Assert.Equal(N(hanoiBefore, Commune, "Closing") - aClosing, N(hanoiAfter, Commune, "Closing"));
        Assert.Equal(N(hanoiBefore, otherHanoiCommune, "Closing") + aClosing, N(hanoiAfter, otherHanoiCommune, "Closing"));
        // A whole commune (A's new one, with its cells) to Hồ Chí Minh City: the organizations under it follow in the
        // statement that re-roots the subtree.
        await ScalarAsync("update organizations set parent_id = @p where id = @o; select 0", ("p", hcm), ("o", otherHanoiCommune));
        Assert.Equal(hcm, await ScalarAsync("select level2_id from member_counts where organization_id = @a", ("a", A)));
        await AssertReportsAsync(admin, country, hanoi, hcm);
        // The country's rows: Hà Nội lost the commune with its members and A's (B had none left); the total is the same.
        var countryAfter = await ReportAsync(admin, country, reconcile: false);
        Assert.Equal(N(hanoiBefore, null, "Closing"), N(countryBefore, hanoi, "Closing"));
        var moved = aClosing + N(hanoiBefore, otherHanoiCommune, "Closing");
        Assert.Equal(N(countryBefore, hanoi, "Closing") - moved, N(countryAfter, hanoi, "Closing"));
        Assert.Equal(N(countryBefore, hcm, "Closing") + moved, N(countryAfter, hcm, "Closing"));
        Assert.Equal(N(countryBefore, null, "Closing"), N(countryAfter, null, "Closing"));

        // The home page of Hà Nội (read by the same kept ancestor) counts what is in Hà Nội now.
        var inHanoi = await ScalarAsync("""
            select count(*) from members m join organizations o on o.id = m.organization_id
            where o.path <@ (select path from organizations where id = @h) and m.status in ('Probationary', 'Official')
            """, ("h", hanoi));
        var home = await GetDocumentAsync(await SignInAsync("hanoi"), "/");
        Assert.Equal(inHanoi.ToString("N0", OrgCom.Web.Features.Reports.ReportRequest.Vietnamese),
            home.QuerySelector("[data-testid=members]")!.TextContent.Trim());
    }

    private static long N(Dictionary<(string Row, string Column), string> report, long? row, string column) =>
        report.TryGetValue((row?.ToString() ?? "totals", column), out var text) ? long.Parse(text.Replace(".", "")) : 0;

    /// <summary>
    /// A member event and a move of its organization to another province at the same time, in both orders: the row a
    /// member event adds carries the ancestors of the path it was recorded under only while that path cannot change
    /// (a share lock on the organization), so the move's update of the pre-aggregates sees it, or the event reads the
    /// moved path.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_member_event_and_a_move_at_the_same_time_leave_the_rows_under_the_right_province(bool eventFirst)
    {
        var hanoi = await ParentAsync(Commune);
        var hcm = await ParentAsync(await OrganizationIdAsync("X26740"));
        var member = People["Lê Văn Tạm Thời"];
        Assert.Equal(0, await ScalarAsync("select count(*) from member_counts where organization_id = @c", ("c", Commune)));
        Assert.Equal(0, await ScalarAsync("select count(*) from member_flows where organization_id = @a and day = '2026-11-01'", ("a", A)));

        await using var memberSide = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        await using var moveSide = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        await memberSide.OpenAsync();
        await moveSide.OpenAsync();
        // Rows the pre-aggregates do not have yet: a flow of A on a new day, and the first member counted directly in
        // the commune.
        async Task RecordAsync(NpgsqlTransaction tx)
        {
            await using var cmd = new NpgsqlCommand($"""
                insert into member_events (member_id, kind, effective_on, decision_number, organization_id, recorded_by)
                values ({member}, 'RecognizedOfficial', '2026-11-01', '9-QĐ', {A}, 'kiểm thử');
                update members set organization_id = {Commune} where id = {member};
                """, memberSide, tx);
            await cmd.ExecuteNonQueryAsync();
        }
        async Task MoveAsync(NpgsqlTransaction tx)
        {
            await using var cmd = new NpgsqlCommand($"update organizations set parent_id = {hcm} where id = {Commune}", moveSide, tx);
            await cmd.ExecuteNonQueryAsync();
        }
        async Task WaitBlockedOrDoneAsync(Task task, int pid)
        {
            for (var i = 0; i < 200 && !task.IsCompleted; i++)
            {
                if (await ScalarAsync("select count(*) from pg_stat_activity where pid = @p and wait_event_type = 'Lock'", ("p", pid)) > 0)
                    return;
                await Task.Delay(50);
            }
        }

        await using var first = await (eventFirst ? memberSide : moveSide).BeginTransactionAsync();
        await using var second = await (eventFirst ? moveSide : memberSide).BeginTransactionAsync();
        await (eventFirst ? RecordAsync(first) : MoveAsync(first));
        var later = eventFirst ? MoveAsync(second) : RecordAsync(second);
        await WaitBlockedOrDoneAsync(later, eventFirst ? moveSide.ProcessID : memberSide.ProcessID);
        await first.CommitAsync();
        await later;
        await second.CommitAsync();

        Assert.Equal(hcm, await ScalarAsync("select level2_id from member_counts where organization_id = @c", ("c", Commune)));
        Assert.Equal(hcm, await ScalarAsync("select level2_id from member_flows where organization_id = @a and day = '2026-11-01'", ("a", A)));
        Assert.Equal(0, await ScalarAsync(LevelsDrift));
        Assert.Equal(0, await ScalarAsync(StoredFlowTests.CountsDrift));
        Assert.Equal(0, await ScalarAsync(StoredFlowTests.FlowsDrift));
        Assert.NotEqual(hanoi, hcm);
    }
}
