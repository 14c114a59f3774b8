using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The history-aware report reads the history only for the organizations whose path changed in or after its period
    /// (ADR 0011, "Speed of the history-aware report"): those below an organization that was moved, merged or split away
    /// since the opening. The partial index of the changes of parent after a date now also holds the splits (a split
    /// organization is kept under a successor in the current tree, like a merged one), so that finding them is one
    /// index range, not a scan of every organization event. The current counts of a province are one range of
    /// <c>ix_member_counts_level2</c>, like its flows. The index of the events that change a count also holds their
    /// flow, so that the member-by-member count (and the list behind a reorganization column) reads a period's events of
    /// a subtree from the index alone, not from the whole table.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261124700000_StatisticsMovedOrganizations")]
    public partial class StatisticsMovedOrganizations : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop index ix_organization_events_parent_changes;
                create index ix_organization_events_parent_changes on organization_events (effective_on) include (organization_id)
                    where kind in ('Moved', 'Merged', 'Split');
                create index ix_member_counts_level2 on member_counts (level2_id) include (level3_id, probationary, official);
                drop index ix_member_events_count_changes;
                create index ix_member_events_count_changes on member_events (effective_on, member_id)
                    include (id, kind, organization_id, other_organization_id, counted_flow)
                    where member_flow_sign(counted_flow) <> 0;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop index ix_member_counts_level2;
                drop index ix_member_events_count_changes;
                create index ix_member_events_count_changes on member_events (effective_on, member_id)
                    include (id, kind, organization_id, other_organization_id)
                    where member_flow_sign(counted_flow) <> 0;
                drop index ix_organization_events_parent_changes;
                create index ix_organization_events_parent_changes on organization_events (effective_on)
                    where kind in ('Moved', 'Merged');
                """);
        }
    }
}
