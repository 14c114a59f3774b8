using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// Two partial indexes for the report forms (ADR 0011), nothing else:
    /// <list type="bullet">
    /// <item><c>ix_member_events_count_changes</c>: the events that change a count, by day — what the per-member count at
    /// a date reads (the events after the date, one per member: <c>MembershipAtDate.CountsAtSql</c>, the opening and
    /// closing of the increase/decrease report, and <c>membership_at</c>), without scanning every event. Its predicate is
    /// the one those statements write (<c>member_flow_sign(counted_flow) &lt;&gt; 0</c>).</item>
    /// <item><c>ix_member_ratings_not_assessed</c>: the few ratings of members not rated, by assessment, for the
    /// assessment results form's reasons (<c>AssessmentReportQuery</c>).</item>
    /// </list>
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261123200000_ReportsIndexes")]
    public partial class ReportsIndexes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create index ix_member_events_count_changes on member_events (effective_on, member_id)
                    include (id, kind, organization_id, other_organization_id)
                    where member_flow_sign(counted_flow) <> 0;
                create index ix_member_ratings_not_assessed on member_ratings (organization_assessment_id, not_assessed_reason)
                    where not_assessed_reason is not null;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop index ix_member_ratings_not_assessed;
                drop index ix_member_events_count_changes;
                """);
        }
    }
}
