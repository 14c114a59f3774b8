using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Tests.Reports;

public sealed class DashboardTests : ReportTest
{
    [Fact]
    public async Task The_home_page_shows_the_figures_of_the_users_scope_only()
    {
        var hanoiPath = await WithDbAsync(async db => (await db.Organizations.Where(o => o.Code == "T01")
            .Select(o => EF.Property<LTree>(o, OrgComDbContext.PathProperty)).SingleAsync()).ToString());
        var expected = await ScalarAsync("""
            select count(*) from members m join organizations o on o.id = m.organization_id
            where o.path <@ @p::ltree and m.status in ('Probationary', 'Official')
            """, ("p", hanoiPath));
        var admissions = await ScalarAsync("""
            select count(*) from member_events e join members m on m.id = e.member_id join organizations o on o.id = e.organization_id
            where o.path <@ @p::ltree and e.kind = 'CeremonyHeld' and e.effective_on between '2026-01-01' and '2026-11-20'
            """, ("p", hanoiPath));
        var all = await ScalarAsync("select count(*) from members where status in ('Probationary', 'Official')");

        var hanoi = await GetDocumentAsync(await SignInAsync("hanoi"), "/");
        Assert.Equal(expected.ToString("N0", OrgCom.Web.Features.Reports.ReportRequest.Vietnamese), hanoi.QuerySelector("[data-testid=members]")!.TextContent.Trim());
        Assert.Equal(admissions.ToString("N0", OrgCom.Web.Features.Reports.ReportRequest.Vietnamese), hanoi.QuerySelector("[data-testid=admissions]")!.TextContent.Trim());
        // The transfer in transit set up by the report fixture was received; none is pending.
        Assert.Equal("0", hanoi.QuerySelector("[data-testid=transfers]")!.TextContent.Trim());
        Assert.NotNull(hanoi.QuerySelector("canvas#trend[data-chart]"));

        var admin = await GetDocumentAsync(await SignInAsync("admin"), "/");
        Assert.Equal(all.ToString("N0", OrgCom.Web.Features.Reports.ReportRequest.Vietnamese), admin.QuerySelector("[data-testid=members]")!.TextContent.Trim());
        Assert.NotEqual(expected, all);
    }

    [Fact]
    public async Task A_commune_user_sees_the_figures_of_its_subtree_and_not_the_citys()
    {
        var communePath = await WithDbAsync(async db => (await db.Organizations.Where(o => o.Id == Commune)
            .Select(o => EF.Property<LTree>(o, OrgComDbContext.PathProperty)).SingleAsync()).ToString());
        long Q(string sql) => ScalarAsync(sql, ("p", communePath)).GetAwaiter().GetResult();
        var members = Q("select count(*) from members m join organizations o on o.id = m.organization_id where o.path <@ @p::ltree and m.status in ('Probationary', 'Official')");
        var probationary = Q("select count(*) from members m join organizations o on o.id = m.organization_id where o.path <@ @p::ltree and m.status = 'Probationary'");
        var organizations = Q("select count(*) from organizations o where o.path <@ @p::ltree and o.dissolved_on is null");
        // The probation worklist's rule: ceremony on or before today + 1 month − 12 months (20/11/2026 → 20/12/2025).
        var due = Q("select count(*) from members m join organizations o on o.id = m.organization_id where o.path <@ @p::ltree and m.status = 'Probationary' and m.ceremony_on <= '2025-12-20'");
        var city = await ScalarAsync("""
            select count(*) from members m join organizations o on o.id = m.organization_id join organizations t on t.code = 'T01'
            where o.path <@ t.path and m.status in ('Probationary', 'Official')
            """);
        Assert.True(city > members, $"{city} > {members}");

        var page = await GetDocumentAsync(await SignInAsync("xa.badinh"), "/");
        string Text(string id) => page.QuerySelector($"[data-testid={id}]")!.TextContent.Trim();
        string N(long n) => OrgCom.Web.Features.Reports.ReportRequest.Number(n);
        Assert.Equal(N(members), Text("members"));
        Assert.Contains($"{N(probationary)} dự bị", page.QuerySelector("[data-testid=dashboard]")!.TextContent);
        Assert.Equal(N(organizations), Text("organizations"));
        Assert.Equal(N(due), Text("probation"));
        // The trend has twelve months and ends with today's count of the commune.
        var trend = System.Text.Json.JsonDocument.Parse(page.QuerySelector("canvas#members-trend")!.GetAttribute("data-chart")!);
        var points = trend.RootElement.GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.Equal(12, points.Count);
        Assert.Equal(members, points[^1]);
        Assert.DoesNotContain(N(city), page.QuerySelector("[data-testid=dashboard]")!.TextContent);
        // A scope the user is not granted is ignored (the default, its own, is shown).
        var hcmCell = C;
        var other = await GetDocumentAsync(await SignInAsync("xa.badinh"), $"/?scope={hcmCell}");
        Assert.Equal(N(members), other.QuerySelector("[data-testid=members]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_pre_aggregates_stay_exact_under_concurrent_edits()
    {
        var rules = Factory.Services.GetRequiredService<RuleBookProvider>();
        // 24 writers at once on the same two cells: admissions, deaths, and transfers both ways (A→B and B→A in the same
        // moment, which locks the two counters in opposite orders unless the triggers order their upserts).
        var ids = await WithDbAsync(db => db.Members.Where(m => (m.OrganizationId == A || m.OrganizationId == B) && m.Status == MemberStatus.Official)
            .Select(m => new { m.Id, m.OrganizationId }).ToListAsync());
        var tasks = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
            var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
            var context = await rules.ContextAsync("(kiểm thử)", CancellationToken.None);
            if (i % 3 == 0 || i / 3 >= ids.Count)
            {
                db.Members.Add(Member.Import(i % 2 == 0 ? A : B, new Identity($"Song Song {i}", null, Gender.Male, D(1990, 1, 1), false,
                    null, null, null, null, null, null, null), MemberStatus.Probationary, D(2026, 10, 1), D(2026, 10, 5), null, null, "(kiểm thử)"));
            }
            else
            {
                var target = ids[i / 3];
                var member = await db.Members.Include(m => m.Events).SingleAsync(m => m.Id == target.Id);
                if (i % 3 == 1)
                    Assert.True(member.Die(D(2026, 10, 2), context).IsSuccess);
                else
                {
                    var t = member.IssueTransfer(TransferKind.Permanent, member.OrganizationId == A ? B : A, D(2026, 10, 3), null, null, null, context).Value!;
                    db.Transfers.Add(t);
                    Assert.True(member.ReceiveTransfer(t, D(2026, 10, 4), context).IsSuccess);
                }
            }
            await db.SaveChangesAsync();
        })).ToList();
        await Task.WhenAll(tasks);

        Assert.Equal(0, await ScalarAsync("""
            select count(*) from (
                (select organization_id, probationary, official from member_counts where probationary <> 0 or official <> 0
                 except
                 select organization_id, count(*) filter (where status = 'Probationary'), count(*) filter (where status = 'Official')
                 from members where status in ('Probationary', 'Official') group by organization_id)
                union all
                (select organization_id, count(*) filter (where status = 'Probationary'), count(*) filter (where status = 'Official')
                 from members where status in ('Probationary', 'Official') group by organization_id
                 except
                 select organization_id, probationary, official from member_counts)) d
            """));
        Assert.Equal(0, await ScalarAsync("""
            with expected as (
                select x.organization_id, e.effective_on as day, x.flow, count(*)::int as n from member_events e
                cross join lateral member_event_flows(
                    member_event_counted_flow(e.kind, e.organization_id, e.other_organization_id, e.discipline_level, e.transfer_kind, e.member_id),
                    e.organization_id, e.other_organization_id) x
                group by 1, 2, 3)
            select count(*) from ((select organization_id, day, flow, n from member_flows where n <> 0 except select * from expected)
                                  union all (select * from expected except select organization_id, day, flow, n from member_flows)) d
            """));
        Assert.True(await ScalarAsync("select count(*) from member_events where effective_on = '2026-10-04' and kind = 'TransferReceived'") >= 4);

        // The bulk rebuild (migration, generate) reproduces exactly what the triggers kept, transfers and deaths included.
        await ScalarAsync("create table flows_kept as select * from member_flows where n <> 0; create table counts_kept as select * from member_counts where probationary <> 0 or official <> 0; select 0");
        await ScalarAsync(OrgCom.Web.Data.Migrations.StatisticsRowLevels.Rebuild + "; select 0");
        Assert.Equal(0, await ScalarAsync("""
            select count(*) from ((select * from flows_kept except select * from member_flows)
                                  union all (select * from member_flows except select * from flows_kept)) d
            """));
        Assert.Equal(0, await ScalarAsync("""
            select count(*) from ((select * from counts_kept except select * from member_counts)
                                  union all (select * from member_counts except select * from counts_kept)) d
            """));
        Assert.True(await ScalarAsync("select count(*) from member_flows where flow in ('TransferredOut', 'Died', 'TransferredInWithinProvince', 'TransferredInOtherProvince', 'Expelled', 'Readmitted')") >= 6);
    }

    /// <summary>The bars "Tăng" and "Giảm" of the home page's trend for 03/2026 and 04/2026 (the fixed clock's last twelve months).</summary>
    private async Task<(long UpMarch, long DownMarch, long UpApril, long DownApril)> TrendAsync(string user)
    {
        var page = await GetDocumentAsync(await SignInAsync(user), "/");
        var chart = System.Text.Json.JsonDocument.Parse(page.QuerySelector("canvas#trend")!.GetAttribute("data-chart")!).RootElement;
        var labels = chart.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToList();
        long Bar(int dataset, string month) => chart.GetProperty("datasets")[dataset].GetProperty("data")[labels.IndexOf(month)].GetInt64();
        return (Bar(0, "03/2026"), Bar(1, "03/2026"), Bar(0, "04/2026"), Bar(1, "04/2026"));
    }

    [Fact]
    public async Task A_transfer_inside_the_scope_is_neither_an_increase_nor_a_decrease_of_the_trend()
    {
        var hanoiBefore = await TrendAsync("hanoi");
        var adminBefore = await TrendAsync("admin");
        var rules = Factory.Services.GetRequiredService<RuleBookProvider>();
        var context = await rules.ContextAsync("(kiểm thử)", CancellationToken.None);
        await WithDbAsync(async db =>
        {
            Member Import(string name, long org)
            {
                var m = Member.Import(org, new Identity(name, null, Gender.Male, D(1980, 5, 5), false, null, null, null, null, "Kinh", "Không", null),
                    MemberStatus.Official, D(2010, 1, 1), D(2010, 1, 11), D(2011, 1, 11), null, "(kiểm thử)");
                db.Members.Add(m);
                return m;
            }
            var inside = Import("Trần Văn Trong Thành Phố", A);
            var fromHcm = Import("Trần Văn Từ Miền Nam", C);
            await db.SaveChangesAsync();
            foreach (var (member, to, issued, received) in new[] { (inside, B, D(2026, 3, 2), D(2026, 3, 10)), (fromHcm, A, D(2026, 4, 1), D(2026, 4, 6)) })
            {
                var transfer = member.IssueTransfer(TransferKind.Permanent, to, issued, null, "GT-XH-" + member.Id, null, context);
                Assert.True(transfer.IsSuccess, transfer.Error?.Message);
                db.Transfers.Add(transfer.Value!);
                Assert.True(member.ReceiveTransfer(transfer.Value!, received, context).IsSuccess);
            }
            await db.SaveChangesAsync();
            return 0;
        });

        // Hà Nội: the move between its two cells in March is neither; the arrival from Hồ Chí Minh City in April is an increase.
        Assert.Equal(hanoiBefore with { UpApril = hanoiBefore.UpApril + 1 }, await TrendAsync("hanoi"));
        // The whole country: both are moves inside it.
        Assert.Equal(adminBefore, await TrendAsync("admin"));
    }
}

/// <summary>A database too slow to answer the dashboard within its timeout: the home page says so instead of failing.</summary>
public sealed class DashboardTimeoutTests : ReportTest
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["OrgCom:DashboardTimeoutSeconds"] = "1" };

    [Fact]
    public async Task A_slow_database_gives_a_message_not_a_500_and_the_connection_is_returned()
    {
        var client = await SignInAsync("xa.badinh");
        Assert.NotNull((await GetDocumentAsync(client, "/")).QuerySelector("[data-testid=dashboard]"));
        await using (var blocker = new Npgsql.NpgsqlConnection(OrgCom.Web.Tests.Infrastructure.TestDatabase.ConnectionString(DatabaseName)))
        {
            await blocker.OpenAsync();
            await using var tx = await blocker.BeginTransactionAsync();
            await using (var cmd = new Npgsql.NpgsqlCommand("lock table member_counts in access exclusive mode", blocker, tx))
                await cmd.ExecuteNonQueryAsync();
            for (var i = 0; i < 3; i++)
            {
                var page = await GetDocumentAsync(client, "/");
                Assert.Contains("chưa tải được", page.QuerySelector("[data-testid=dashboard-unavailable]")!.TextContent);
                Assert.Null(page.QuerySelector("[data-testid=dashboard]"));
            }
            await tx.RollbackAsync();
        }
        // Nothing was left open or broken: the figures come back at once.
        var again = await GetDocumentAsync(client, "/");
        Assert.NotNull(again.QuerySelector("[data-testid=members]"));
        Assert.Null(again.QuerySelector("[data-testid=dashboard-unavailable]"));
    }
}
