using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;

namespace OrgCom.Web.Tests.Reports;

/// <summary>
/// Each member event is classified once, when it is recorded, and the pre-aggregates read only that (ADR 0011): a
/// temporary transfer is known by its kind, not by its text; a later move of an organization to another province does
/// not change what deleting or correcting an old event subtracts; a truncate clears the pre-aggregates.
/// </summary>
public sealed class StoredFlowTests : ReportTest
{
    /// <summary>Rows where member_counts differs from a recount of the members.</summary>
    public const string CountsDrift = """
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
        """;

    /// <summary>Rows where member_flows differs from the flows stored on the events (what a rebuild makes).</summary>
    public const string FlowsDrift = """
        with expected as (
            select x.organization_id, e.effective_on as day, x.flow, count(*)::int as n from member_events e
            cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
            group by 1, 2, 3)
        select count(*) from ((select organization_id, day, flow, n from member_flows where n <> 0 except select * from expected)
                              union all (select * from expected except select organization_id, day, flow, n from member_flows)) d
        """;

    private Task<long> FlowAsync(long organization, string flow) =>
        ScalarAsync("select coalesce(sum(n), 0) from member_flows where organization_id = @o and flow = @f", ("o", organization), ("f", flow));

    [Fact]
    public async Task A_temporary_transfer_is_known_by_its_kind_not_by_the_text_of_its_detail()
    {
        var temporary = People["Lê Văn Tạm Thời"];
        var within = People["Lê Văn Trong Tỉnh"];
        var kinds = await WithDbAsync(db => db.Set<MemberEvent>().AsNoTracking()
            .Where(e => (e.MemberId == temporary || e.MemberId == within) && e.Kind == MemberEventKind.TransferReceived)
            .Select(e => new { e.MemberId, e.TransferKind }).ToListAsync());
        Assert.Equal(TransferKind.Temporary, kinds.Single(k => k.MemberId == temporary).TransferKind);
        Assert.Equal(TransferKind.Permanent, kinds.Single(k => k.MemberId == within).TransferKind);
        var inA = await FlowAsync(A, "TransferredInWithinProvince");
        var outB = await FlowAsync(B, "TransferredOut");

        // The texts swapped: nothing the statistics say changes.
        await ScalarAsync("""
            update member_events set detail = case when member_id = @t then 'Chuyển sinh hoạt chính thức' else 'Tạm thời' end
            where kind = 'TransferReceived' and member_id in (@t, @w); select 0
            """, ("t", temporary), ("w", within));
        Assert.Equal(inA, await FlowAsync(A, "TransferredInWithinProvince"));
        Assert.Equal(outB, await FlowAsync(B, "TransferredOut"));
        await ScalarAsync(OrgCom.Web.Data.Migrations.StatisticsRowLevels.Rebuild + "; select 0");
        Assert.Equal(inA, await FlowAsync(A, "TransferredInWithinProvince"));
        Assert.Equal(outB, await FlowAsync(B, "TransferredOut"));
        Assert.Equal(0, await ScalarAsync("select count(*) from member_events where counted_flow is not null and member_id = @t and kind = 'TransferReceived'", ("t", temporary)));
    }

    [Fact]
    public async Task Deleting_or_correcting_an_old_event_after_its_organization_moved_province_subtracts_what_was_added()
    {
        // B sent a member to A within Hà Nội (05/06/2025); C (Hồ Chí Minh City) sent one to A (01/02/2025).
        Assert.Equal(2, await FlowAsync(A, "TransferredInWithinProvince") + await FlowAsync(A, "TransferredInOtherProvince"));
        // B moves to Hồ Chí Minh City: the 2025 transfer stays "within the province", as it was when recorded.
        var hcmCommune = await OrganizationIdAsync("X26740");
        await ScalarAsync("update organizations set parent_id = @p where id = @b; select 0", ("p", hcmCommune), ("b", B));
        Assert.Equal(1, await FlowAsync(A, "TransferredInWithinProvince"));

        // Correct the old event (its date), then delete the other: no stray ±1 anywhere.
        await ScalarAsync("update member_events set effective_on = '2025-06-06' where member_id = @m and kind = 'TransferReceived'; select 0",
            ("m", People["Lê Văn Trong Tỉnh"]));
        Assert.Equal(1, await FlowAsync(A, "TransferredInWithinProvince"));
        Assert.Equal(1, await FlowAsync(A, "TransferredInOtherProvince"));
        await ScalarAsync("delete from member_events where member_id = @m and kind = 'TransferReceived'; select 0", ("m", People["Lê Văn Trong Tỉnh"]));
        Assert.Equal(0, await FlowAsync(A, "TransferredInWithinProvince"));
        Assert.Equal(1, await FlowAsync(A, "TransferredInOtherProvince"));
        Assert.Equal(0, await FlowAsync(B, "TransferredOut"));
        Assert.Equal(0, await ScalarAsync("select count(*) from member_flows where n < 0"));
        Assert.Equal(0, await ScalarAsync(FlowsDrift));
        Assert.Equal(0, await ScalarAsync(CountsDrift));

        // And a rebuild keeps history as recorded (C's transfer is still from another province).
        await ScalarAsync("create table flows_kept as select * from member_flows where n <> 0; select 0");
        await ScalarAsync(OrgCom.Web.Data.Migrations.StatisticsRowLevels.Rebuild + "; select 0");
        Assert.Equal(0, await ScalarAsync("""
            select count(*) from ((select * from flows_kept except select * from member_flows)
                                  union all (select * from member_flows except select * from flows_kept)) d
            """));
    }

    [Fact]
    public async Task Truncating_the_members_and_their_events_clears_the_pre_aggregates()
    {
        Assert.True(await ScalarAsync("select count(*) from member_flows") > 0);
        await ScalarAsync("truncate member_events; select 0");
        Assert.Equal(0, await ScalarAsync("select count(*) from member_flows"));
        Assert.True(await ScalarAsync("select count(*) from member_counts") > 0);
        await ScalarAsync("truncate members cascade; select 0");
        Assert.Equal(0, await ScalarAsync("select count(*) from member_counts"));
        Assert.Equal(0, await ScalarAsync(CountsDrift));
    }
}
