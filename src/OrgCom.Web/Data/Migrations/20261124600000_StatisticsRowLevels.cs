using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The pre-aggregates carry the report rows of the two widest reports (ADR 0011, "Speed"): each row of
    /// <c>member_counts</c> and <c>member_flows</c> keeps its organization's ancestors at levels 2 and 3 of the tree
    /// (<c>level2_id</c>: the committee directly under the Centre, <c>level3_id</c>: the organization under that; an
    /// organization at that level is its own, one above it has none). The report of the whole country is rolled up by
    /// <c>level2_id</c>, that of a province by <c>level3_id</c> among its <c>level2_id</c>, without walking the tree: a
    /// province reads its own flows by <c>ix_member_flows_level2</c> instead of finding them among the whole country's.
    /// <list type="bullet">
    /// <item>Set on insert by the triggers that keep the pre-aggregates, from the organization's path, after taking a
    /// share lock on the organization: a move that changes those ancestors waits for the member's transaction to end, or
    /// the member's waits for the move and reads the new path.</item>
    /// <item>Updated by <c>organizations_statistics_levels</c> when a move (or a reorganization) changes them, for the
    /// moved organization and every organization under it (the subtree's paths change in one nested statement).</item>
    /// <item>Rebuilt with everything else by <see cref="Rebuild"/>.</item>
    /// </list>
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261124600000_StatisticsRowLevels")]
    public partial class StatisticsRowLevels : Migration
    {
        /// <summary>Recomputes both pre-aggregates from the members and the flows stored on their events (<c>generate</c>
        /// after its load with the triggers off; tests check it reproduces what the triggers keep). Supersedes
        /// <see cref="StatisticsOrganizationHistory.Rebuild"/>: the rows carry their level 2 and 3 ancestors.</summary>
        public const string Rebuild = """
            truncate member_counts, member_flows;
            insert into member_counts (organization_id, level2_id, level3_id, probationary, official)
            select m.organization_id, organization_level_id(o.path, 2), organization_level_id(o.path, 3),
                   count(*) filter (where m.status = 'Probationary'), count(*) filter (where m.status = 'Official')
            from members m left join organizations o on o.id = m.organization_id
            where m.status in ('Probationary', 'Official')
            group by m.organization_id, o.path;
            -- Loaded without its indexes, which are built afterwards (several times faster for millions of rows).
            alter table member_flows drop constraint pk_member_flows;
            drop index ix_member_flows_day;
            drop index if exists ix_member_flows_level2;
            insert into member_flows (organization_id, level2_id, level3_id, day, flow, n)
            select x.organization_id, organization_level_id(o.path, 2), organization_level_id(o.path, 3), x.day, x.flow, x.n
            from (
                select organization_id, day, flow, count(*) as n from (
                    select e.organization_id, e.effective_on as day, e.counted_flow as flow
                    from member_events e where e.counted_flow is not null
                    union all
                    select e.other_organization_id, e.effective_on, case when e.counted_flow = 'ReorganizedIn' then 'ReorganizedOut' else 'TransferredOut' end
                    from member_events e
                    where e.counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince', 'ReorganizedIn')) y
                group by 1, 2, 3) x
            left join organizations o on o.id = x.organization_id;
            alter table member_flows add constraint pk_member_flows primary key (organization_id, day, flow);
            create index ix_member_flows_day on member_flows (day, organization_id, flow) include (n);
            create index ix_member_flows_level2 on member_flows (level2_id, day) include (level3_id, organization_id, flow, n);
            """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The id of the organization's ancestor at a level of the tree (1 = the root), itself at that level; null
                -- for an organization above it.
                create or replace function organization_level_id(p ltree, level integer) returns bigint language sql immutable parallel safe as
                $$ select case when nlevel(p) >= level then ltree2text(subpath(p, level - 1, 1))::bigint end $$;

                alter table member_counts add column if not exists level2_id bigint, add column if not exists level3_id bigint;
                alter table member_flows add column if not exists level2_id bigint, add column if not exists level3_id bigint;
                comment on column member_flows.level2_id is
                    'The organization''s ancestor at level 2 of the tree (itself there; null at the root), kept by triggers: the report row of the whole country (ADR 0011).';
                comment on column member_flows.level3_id is
                    'The organization''s ancestor at level 3 of the tree (itself there; null above), kept by triggers: the report row of a province (ADR 0011).';

                -- As before (StatisticsAggregates and StatisticsStoredFlows), and each row with its organization's level 2 and
                -- 3 ancestors, read under a share lock on that organization (see organizations_statistics_levels). Only the
                -- organizations whose numbers change are locked: an update of a member's details locks and writes nothing.
                create or replace function member_counts_apply() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' then
                        insert into member_counts as c (organization_id, level2_id, level3_id, probationary, official)
                        select d.organization_id, organization_level_id(l.path, 2), organization_level_id(l.path, 3), d.p, d.o
                        from (select organization_id, count(*) filter (where status = 'Probationary') as p, count(*) filter (where status = 'Official') as o
                              from new_rows where status in ('Probationary', 'Official')
                              group by organization_id) d
                        left join lateral (select o.path from organizations o where o.id = d.organization_id for share) l on true
                        order by d.organization_id
                        on conflict (organization_id) do update
                            set probationary = c.probationary + excluded.probationary, official = c.official + excluded.official;
                    elsif tg_op = 'DELETE' then
                        insert into member_counts as c (organization_id, level2_id, level3_id, probationary, official)
                        select d.organization_id, organization_level_id(l.path, 2), organization_level_id(l.path, 3), d.p, d.o
                        from (select organization_id, -count(*) filter (where status = 'Probationary') as p, -count(*) filter (where status = 'Official') as o
                              from old_rows where status in ('Probationary', 'Official')
                              group by organization_id) d
                        left join lateral (select o.path from organizations o where o.id = d.organization_id for share) l on true
                        order by d.organization_id
                        on conflict (organization_id) do update
                            set probationary = c.probationary + excluded.probationary, official = c.official + excluded.official;
                    else
                        insert into member_counts as c (organization_id, level2_id, level3_id, probationary, official)
                        select d.organization_id, organization_level_id(l.path, 2), organization_level_id(l.path, 3), d.p, d.o
                        from (select organization_id, sum(p) as p, sum(o) as o from (
                                  select organization_id, (status = 'Probationary')::int as p, (status = 'Official')::int as o
                                  from new_rows where status in ('Probationary', 'Official')
                                  union all
                                  select organization_id, -(status = 'Probationary')::int, -(status = 'Official')::int
                                  from old_rows where status in ('Probationary', 'Official')) x
                              group by organization_id having sum(p) <> 0 or sum(o) <> 0) d
                        left join lateral (select o.path from organizations o where o.id = d.organization_id for share) l on true
                        order by d.organization_id
                        on conflict (organization_id) do update
                            set probationary = c.probationary + excluded.probationary, official = c.official + excluded.official;
                    end if;
                    return null;
                end $$;

                create or replace function member_flows_apply() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' then
                        insert into member_flows as f (organization_id, level2_id, level3_id, day, flow, n)
                        select d.organization_id, organization_level_id(l.path, 2), organization_level_id(l.path, 3), d.day, d.flow, d.n
                        from (select x.organization_id, e.effective_on as day, x.flow, count(*) as n
                              from new_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                              group by 1, 2, 3) d
                        left join lateral (select o.path from organizations o where o.id = d.organization_id for share) l on true
                        order by 1, 4, 5
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    elsif tg_op = 'DELETE' then
                        insert into member_flows as f (organization_id, level2_id, level3_id, day, flow, n)
                        select d.organization_id, organization_level_id(l.path, 2), organization_level_id(l.path, 3), d.day, d.flow, d.n
                        from (select x.organization_id, e.effective_on as day, x.flow, -count(*) as n
                              from old_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                              group by 1, 2, 3) d
                        left join lateral (select o.path from organizations o where o.id = d.organization_id for share) l on true
                        order by 1, 4, 5
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    else
                        insert into member_flows as f (organization_id, level2_id, level3_id, day, flow, n)
                        select d.organization_id, organization_level_id(l.path, 2), organization_level_id(l.path, 3), d.day, d.flow, d.n
                        from (select organization_id, day, flow, sum(n) as n from (
                                  select x.organization_id, e.effective_on as day, x.flow, 1 as n
                                  from new_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                                  union all
                                  select x.organization_id, e.effective_on, x.flow, -1
                                  from old_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x) y
                              group by 1, 2, 3 having sum(n) <> 0) d
                        left join lateral (select o.path from organizations o where o.id = d.organization_id for share) l on true
                        order by 1, 4, 5
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    end if;
                    return null;
                end $$;

                -- A move that changes an organization's level 2 or 3 ancestor (the moved organization, and each one under
                -- it in the nested statement that re-roots the subtree) carries its rows of the pre-aggregates along.
                create function organizations_statistics_levels() returns trigger language plpgsql as $$
                begin
                    update member_counts c set level2_id = organization_level_id(n.path, 2), level3_id = organization_level_id(n.path, 3)
                    from new_rows n join old_rows o on o.id = n.id
                    where c.organization_id = n.id
                      and (organization_level_id(n.path, 2) is distinct from organization_level_id(o.path, 2)
                           or organization_level_id(n.path, 3) is distinct from organization_level_id(o.path, 3));
                    update member_flows f set level2_id = organization_level_id(n.path, 2), level3_id = organization_level_id(n.path, 3)
                    from new_rows n join old_rows o on o.id = n.id
                    where f.organization_id = n.id
                      and (organization_level_id(n.path, 2) is distinct from organization_level_id(o.path, 2)
                           or organization_level_id(n.path, 3) is distinct from organization_level_id(o.path, 3));
                    return null;
                end $$;
                create trigger organizations_statistics_levels after update on organizations
                    referencing old table as old_rows new table as new_rows
                    for each statement execute function organizations_statistics_levels();
                """);
            migrationBuilder.Sql(Rebuild);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger organizations_statistics_levels on organizations;
                drop function organizations_statistics_levels();
                drop index ix_member_flows_level2;
                """);
            // The columns stay, filled by the functions that keep their new shape (going further back means the previous
            // migrations' Down); without the trigger they may fall behind a move, and nothing before this migration reads them.
        }
    }
}
