using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The statistics read the organization history (ADR 0011, "Reorganizations"; ADR 0008):
    /// <list type="bullet">
    /// <item>A member moved by a reorganization (<c>Reassigned</c> event) is a flow of its own: <c>ReorganizedIn</c> at
    /// the receiving organization, <c>ReorganizedOut</c> at the one they left (only for a counted member), so that
    /// <c>member_counts</c> − <c>member_flows</c> after a date stays exact per organization under a mass move and its
    /// reversal (deleting the events subtracts what they added).</item>
    /// <item><c>membership_at(root path, date)</c> takes the subtree as it stood on the date
    /// (<c>org_rows_as_of</c>) and undoes a reassignment like a transfer.</item>
    /// <item><c>org_rows_as_of(root, date)</c>: each organization of the root's subtree on the date with its report row
    /// (the child of the root above it, or the root).</item>
    /// <item>Indexes: the transfers and reassignments of a period (to leave out those inside one report row) and the
    /// changes of parent after a date (whether the current tree can stand for the past).</item>
    /// </list>
    /// Existing <c>Reassigned</c> events (none on a database migrated from main) are classified and the pre-aggregates
    /// follow by the update trigger.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261123600200_StatisticsOrganizationHistory")]
    public partial class StatisticsOrganizationHistory : Migration
    {
        /// <summary>The flows that pair an arrival at one organization with a departure from another, as
        /// (arrival, departure): what a report row counts only when the move crosses its subtree's boundary.</summary>
        public static readonly (string In, string Out)[] Crossings =
        [
            ("TransferredInWithinProvince", "TransferredOut"),
            ("TransferredInOtherProvince", "TransferredOut"),
            ("ReorganizedIn", "ReorganizedOut"),
        ];

        /// <summary>Recomputes both pre-aggregates from the members and the flows stored on their events (<c>generate</c>
        /// after its load with the triggers off; tests check it reproduces what the triggers keep). Supersedes
        /// <see cref="StatisticsStoredFlows.Rebuild"/>: a reassignment also leaves its organization.</summary>
        public const string Rebuild = """
            truncate member_counts, member_flows;
            insert into member_counts (organization_id, probationary, official)
            select organization_id, count(*) filter (where status = 'Probationary'), count(*) filter (where status = 'Official')
            from members where status in ('Probationary', 'Official')
            group by organization_id;
            -- Loaded without its indexes, which are built afterwards (several times faster for millions of rows).
            alter table member_flows drop constraint pk_member_flows;
            drop index ix_member_flows_day;
            insert into member_flows (organization_id, day, flow, n)
            select organization_id, day, flow, count(*) from (
                select e.organization_id, e.effective_on as day, e.counted_flow as flow
                from member_events e where e.counted_flow is not null
                union all
                select e.other_organization_id, e.effective_on, case when e.counted_flow = 'ReorganizedIn' then 'ReorganizedOut' else 'TransferredOut' end
                from member_events e
                where e.counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince', 'ReorganizedIn')) x
            group by 1, 2, 3;
            alter table member_flows add constraint pk_member_flows primary key (organization_id, day, flow);
            create index ix_member_flows_day on member_flows (day, organization_id, flow) include (n);
            """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create or replace function member_flow_sign(flow text) returns integer language sql immutable parallel safe as $$
                    select case
                        when flow in ('Admitted', 'Readmitted', 'TransferredInWithinProvince', 'TransferredInOtherProvince', 'ReorganizedIn') then 1
                        when flow in ('Died', 'Expelled', 'Removed', 'Left', 'TransferredOut', 'ReorganizedOut') then -1
                        else 0 end
                $$;

                -- As before (StatisticsStoredFlows), and a member moved by a reorganization (counted members only: a
                -- candidate moves without changing any count).
                create or replace function member_event_counted_flow(p_kind text, p_organization_id bigint, p_other_organization_id bigint,
                    p_discipline_level text, p_transfer_kind text, p_member_id bigint)
                returns text language sql stable as $$
                    select case
                        when p_kind = 'CeremonyHeld' then 'Admitted'
                        when p_kind = 'Readmitted' then 'Readmitted'
                        when p_kind = 'RecognizedOfficial' then 'RecognizedOfficial'
                        when p_kind = 'Left' then 'Left'
                        when p_kind in ('Removed', 'NotRecognized') then 'Removed'
                        when p_kind = 'Disciplined' and p_discipline_level = 'Expulsion' then 'Expelled'
                        when p_kind = 'Deceased' then
                            case when exists (select 1 from members m where m.id = p_member_id and m.ceremony_on is not null) then 'Died' end
                        when p_kind = 'TransferReceived' and p_other_organization_id is not null
                             and p_transfer_kind is distinct from 'Temporary' then
                            case when (select organization_province_path(o.path) from organizations o where o.id = p_organization_id)
                                    = (select organization_province_path(o.path) from organizations o where o.id = p_other_organization_id)
                                 then 'TransferredInWithinProvince' else 'TransferredInOtherProvince' end
                        when p_kind = 'Reassigned' and p_other_organization_id is not null then
                            case when exists (select 1 from members m where m.id = p_member_id and m.status in ('Probationary', 'Official'))
                                 then 'ReorganizedIn' end
                    end
                $$;

                create or replace function member_event_flows(p_counted_flow text, p_organization_id bigint, p_other_organization_id bigint)
                returns table (organization_id bigint, flow text) language sql immutable parallel safe as $$
                    select p_organization_id, p_counted_flow where p_counted_flow is not null
                    union all
                    select p_other_organization_id, case when p_counted_flow = 'ReorganizedIn' then 'ReorganizedOut' else 'TransferredOut' end
                    where p_counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince', 'ReorganizedIn')
                $$;

                -- Each organization of root's subtree as it stood on d, with its report row: the child of root above it
                -- (as of d), or root itself for root. For counting, an organization stands before its establishment where
                -- it was established (its first version reaches back): members recorded with a history older than their
                -- organization (an import, the organizations re-established on 01/07/2025) are counted there, and an
                -- organization that did not exist has no members by its flows anyway.
                create function org_rows_as_of(root bigint, d date)
                returns table (organization_id bigint, row_id bigint) language sql stable as $$
                    with recursive t as (
                        select root as organization_id, root as row_id, 0 as depth
                        union all
                        select v.organization_id, case when t.depth = 0 then v.organization_id else t.row_id end, t.depth + 1
                        from t join organization_versions v on v.parent_id = t.organization_id
                        where (v.valid_to is null or v.valid_to > d)
                          and (v.valid_from <= d or not exists (select 1 from organization_versions w
                                                               where w.organization_id = v.organization_id and w.valid_from < v.valid_from))
                    )
                    select t.organization_id, t.row_id from t;
                $$;

                -- The seam "a member's organization at a date" (docs/architecture.md, Statistics reports) on the history:
                -- the subtree as it stood on the date (org_rows_as_of); a member's first count-changing event after the date undone (an
                -- admission: not yet a member; a transfer received or a reassignment: was with the organization they
                -- left; an ending: was with that organization). Consistent by construction with member_counts -
                -- member_flows after the date, per organization.
                drop function membership_at(ltree, date);
                create function membership_at(p_root ltree, p_date date)
                returns table (member_id bigint, organization_id bigint) language sql stable as $$
                    with subtree as (
                        select s.organization_id as id
                        from organizations r cross join lateral org_rows_as_of(r.id, p_date) s
                        where r.path = p_root),
                    changed as (
                        select distinct on (e.member_id) e.member_id, e.kind, e.organization_id, e.other_organization_id
                        from member_events e
                        where e.effective_on > p_date
                          and (e.organization_id in (select id from subtree) or e.other_organization_id in (select id from subtree))
                          and member_flow_sign(e.counted_flow) <> 0
                        order by e.member_id, e.effective_on, e.id)
                    select m.id, m.organization_id from members m
                    where m.organization_id in (select id from subtree) and m.status in ('Probationary', 'Official')
                      and not exists (select 1 from changed c where c.member_id = m.id)
                    union all
                    select c.member_id, case when c.kind in ('TransferReceived', 'Reassigned') then c.other_organization_id else c.organization_id end
                    from changed c
                    where c.kind not in ('CeremonyHeld', 'Readmitted')
                      and (case when c.kind in ('TransferReceived', 'Reassigned') then c.other_organization_id else c.organization_id end) in (select id from subtree)
                $$;

                -- The moves of a period between two organizations (both ends in one report row cancel out there).
                create index ix_member_events_crossing on member_events (effective_on)
                    include (organization_id, other_organization_id, counted_flow)
                    where counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince', 'ReorganizedIn');
                -- Whether any organization changed parent after a date (if not, the current tree is the tree then).
                create index ix_organization_events_parent_changes on organization_events (effective_on)
                    where kind in ('Moved', 'Merged');

                alter table member_events disable trigger member_events_classify;
                update member_events
                set counted_flow = member_event_counted_flow(kind, organization_id, other_organization_id, discipline_level, transfer_kind, member_id)
                where kind = 'Reassigned';
                alter table member_events enable trigger member_events_classify;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop index ix_member_events_crossing;
                drop index ix_organization_events_parent_changes;
                drop function org_rows_as_of(bigint, date);
                """);
            // The functions keep their new shape (going further back means the previous migrations' Down).
        }
    }
}
