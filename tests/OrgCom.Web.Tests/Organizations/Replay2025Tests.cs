using Npgsql;
using OrgCom.Web.Data;
using OrgCom.Web.Data.Replay;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Organizations;

/// <summary>replay-2025 on an empty database (one member per old commune, to stay fast): the counts before and after
/// 1 July 2025 from the history, and every member under the successor of their old commune.</summary>
public sealed class Replay2025Tests : IAsyncLifetime
{
    private readonly string _database = "test_replay_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        await TestDatabase.ExecuteAsync($"create database {_database} template template0 encoding 'UTF8' locale_provider icu icu_locale 'vi-VN' locale 'C.UTF-8'");
        await using var factory = new OrgComAppFactory(_database);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestDatabase.DropAsync(_database);
    }

    private async Task<Dictionary<string, long>> KindsAsOfAsync(NpgsqlConnection c, string date)
    {
        var result = new Dictionary<string, long>();
        await using var cmd = new NpgsqlCommand($"select kind, count(*) from org_subtree_as_of(1, '{date}') group by kind", c);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Replays_the_2025_reorganization_from_the_mapping_data()
    {
        var output = new StringWriter();
        var replay = new Replay2025(TestDatabase.ConnectionString(_database), output);
        var report = await replay.RunAsync(membersPerCommune: 1, seed: 7, CancellationToken.None);
        Assert.True(report.IsSuccess, report.Error?.Message);
        Assert.Contains("34 tỉnh", output.ToString());

        await using var c = new NpgsqlConnection(TestDatabase.ConnectionString(_database));
        await c.OpenAsync();
        var before = await KindsAsOfAsync(c, "2025-06-30");
        Assert.Equal(63, before["ProvincialCommittee"]);
        Assert.Equal(696, before["DistrictCommittee"]);
        Assert.Equal(10_047, before["CommuneCommittee"]);
        var after = await KindsAsOfAsync(c, "2025-07-01");
        Assert.Equal(34, after["ProvincialCommittee"]);
        Assert.False(after.ContainsKey("DistrictCommittee"));
        Assert.Equal(3_321, after["CommuneCommittee"]);
        Assert.Equal(10_047, after["Cell"]);

        // Everyone counted once on either side of the date.
        Assert.Equal(10_047, await ScalarAsync(c, "select count(distinct member_id) from members_as_of(1, '2025-06-30', true)"));
        Assert.Equal(10_047, await ScalarAsync(c, "select count(*) from members_as_of(1, '2025-07-01', true)"));

        // Every member is under the successor of their old commune now, and was under the old commune on 30/06/2025.
        var successors = Replay2025.Successors();
        await using var cmd = new NpgsqlCommand("""
            select m.id, old.code, new.code, then_parent.code
            from members m
            join organizations cell on cell.id = m.organization_id
            join organizations new on new.id = cell.parent_id
            join organization_versions v on v.organization_id = cell.id and v.valid_from <= '2025-06-30' and (v.valid_to is null or v.valid_to > '2025-06-30')
            join organizations then_parent on then_parent.id = v.parent_id
            join organizations old on old.code = substring(cell.code from 1 for length(cell.code) - 3)
            """, c);
        await using var r = await cmd.ExecuteReaderAsync();
        var checkedMembers = 0;
        while (await r.ReadAsync())
        {
            var oldCode = r.GetString(1)[2..];
            Assert.Equal("X" + successors[oldCode], r.GetString(2));
            Assert.Equal(r.GetString(1), r.GetString(3));
            checkedMembers++;
        }
        Assert.Equal(10_047, checkedMembers);
        await r.CloseAsync();

        // A merged province is kept under its successor, and the reorganizations are audited.
        Assert.Equal(1, await ScalarAsync(c, "select count(*) from organizations o join organizations p on p.id = o.parent_id where o.code = 'T02' and p.code = 'T08'"));
        Assert.Equal(await ScalarAsync(c, "select count(*) from reorganizations"),
            await ScalarAsync(c, "select count(*) from audit_log where entity_type = 'reorganizations'"));
        var again = await replay.RunAsync(1, 7, CancellationToken.None);
        Assert.Equal(Replay2025.NotEmpty, again.Error);
    }
}
