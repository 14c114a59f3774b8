using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The statistics reports' pre-aggregates and the seam "membership at a date" (ADR 0011):
    /// <list type="bullet">
    /// <item><c>member_event_flows(...)</c>: what one member event does to the counts — the only place that classifies
    /// events into the rows of the increase/decrease report (admitted, readmitted, transferred in within / from outside
    /// the province, recognised official, died, expelled, removed, left, transferred out).</item>
    /// <item><c>member_counts</c>: counted members (probationary, official) per organization now, kept by statement
    /// triggers on <c>members</c>.</item>
    /// <item><c>member_flows</c>: those flows per organization and day, kept by statement triggers on
    /// <c>member_events</c>.</item>
    /// <item><c>membership_at(root, date)</c>: the members counted in a subtree at the end of a day, and where.</item>
    /// </list>
    /// Both tables are changed by upserts in the writer's own transaction (row locks taken in key order), so they are
    /// exact under concurrent edits; the triggers are statement-level with transition tables so a bulk insert costs one
    /// grouped upsert.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261122400500_StatisticsAggregates")]
    public partial class StatisticsAggregates : Migration
    {
        /// <summary>Recomputed both pre-aggregates when this migration ran on an existing database. Superseded by
        /// <see cref="StatisticsStoredFlows.Rebuild"/>, which reads the flows stored on the events.</summary>
        private const string RebuildAtCreation = """
            truncate member_counts, member_flows;
            insert into member_counts (organization_id, probationary, official)
            select organization_id, count(*) filter (where status = 'Probationary'), count(*) filter (where status = 'Official')
            from members where status in ('Probationary', 'Official')
            group by organization_id;
            -- Loaded without its indexes, which are built afterwards (several times faster for millions of rows). The
            -- statement is member_event_flows written set-wise (twice as fast as calling it per event); a test checks
            -- that it reproduces what the triggers keep.
            alter table member_flows drop constraint pk_member_flows;
            drop index ix_member_flows_day;
            insert into member_flows (organization_id, day, flow, n)
            select organization_id, day, flow, count(*) from (
                select e.organization_id, e.effective_on as day, case e.kind
                        when 'CeremonyHeld' then 'Admitted' when 'Readmitted' then 'Readmitted'
                        when 'RecognizedOfficial' then 'RecognizedOfficial' when 'Left' then 'Left'
                        when 'Removed' then 'Removed' when 'NotRecognized' then 'Removed' else 'Expelled' end as flow
                from member_events e
                where e.kind in ('CeremonyHeld', 'Readmitted', 'RecognizedOfficial', 'Left', 'Removed', 'NotRecognized')
                   or (e.kind = 'Disciplined' and e.discipline_level = 'Expulsion')
                union all
                select e.organization_id, e.effective_on, 'Died'
                from member_events e join members m on m.id = e.member_id
                where e.kind = 'Deceased' and m.ceremony_on is not null
                union all
                select e.organization_id, e.effective_on,
                       case when organization_province_path(r.path) = organization_province_path(s.path)
                            then 'TransferredInWithinProvince' else 'TransferredInOtherProvince' end
                from member_events e join organizations r on r.id = e.organization_id left join organizations s on s.id = e.other_organization_id
                where e.kind = 'TransferReceived' and e.other_organization_id is not null and e.detail is distinct from 'Tạm thời'
                union all
                select e.other_organization_id, e.effective_on, 'TransferredOut'
                from member_events e
                where e.kind = 'TransferReceived' and e.other_organization_id is not null and e.detail is distinct from 'Tạm thời') x
            group by 1, 2, 3;
            alter table member_flows add constraint pk_member_flows primary key (organization_id, day, flow);
            create index ix_member_flows_day on member_flows (day, organization_id, flow) include (n);
            """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The province (committee directly under the Centre) of an organization: the first two levels of its path.
                create function organization_province_path(p ltree) returns ltree language sql immutable parallel safe as
                $$ select subpath(p, 0, least(2, nlevel(p))) $$;

                -- +1 for a flow into the count, -1 out of it, 0 for a change of status only (official recognition).
                create function member_flow_sign(flow text) returns integer language sql immutable parallel safe as $$
                    select case
                        when flow in ('Admitted', 'Readmitted', 'TransferredInWithinProvince', 'TransferredInOtherProvince') then 1
                        when flow in ('Died', 'Expelled', 'Removed', 'Left', 'TransferredOut') then -1
                        else 0 end
                $$;

                -- What one member event does to the counts, and at which organization. A permanent transfer counts when
                -- the receiver confirms it (in at the receiver, out at the sender); a transfer in transit and a temporary
                -- one (detail 'Tạm thời', Transfer.DisplayName(TransferKind.Temporary)) leave the member with the
                -- sender. A death counts only for a member (ceremony held), not for a candidate.
                create function member_event_flows(p_kind text, p_organization_id bigint, p_other_organization_id bigint,
                    p_discipline_level text, p_detail text, p_member_id bigint)
                returns table (organization_id bigint, flow text) language sql stable as $$
                    select p_organization_id, case p_kind
                            when 'CeremonyHeld' then 'Admitted' when 'Readmitted' then 'Readmitted'
                            when 'RecognizedOfficial' then 'RecognizedOfficial' when 'Deceased' then 'Died'
                            when 'Left' then 'Left' when 'Removed' then 'Removed' when 'NotRecognized' then 'Removed'
                            else 'Expelled' end
                    where p_kind in ('CeremonyHeld', 'Readmitted', 'RecognizedOfficial', 'Left', 'Removed', 'NotRecognized')
                       or (p_kind = 'Disciplined' and p_discipline_level = 'Expulsion')
                       or (p_kind = 'Deceased' and exists (select 1 from members m where m.id = p_member_id and m.ceremony_on is not null))
                    union all
                    select x.organization_id, x.flow from (
                        select p_organization_id as organization_id,
                               case when (select organization_province_path(o.path) from organizations o where o.id = p_organization_id)
                                       = (select organization_province_path(o.path) from organizations o where o.id = p_other_organization_id)
                                    then 'TransferredInWithinProvince' else 'TransferredInOtherProvince' end as flow
                        union all
                        select p_other_organization_id, 'TransferredOut') x
                    where p_kind = 'TransferReceived' and p_other_organization_id is not null and p_detail is distinct from 'Tạm thời'
                $$;

                -- Derived data, rebuilt from members and events at will: no foreign keys to check on every write.
                create table member_counts (
                    organization_id bigint primary key,
                    probationary integer not null default 0,
                    official integer not null default 0
                );
                create table member_flows (
                    organization_id bigint not null,
                    day date not null,
                    flow varchar(30) not null,
                    n integer not null,
                    constraint pk_member_flows primary key (organization_id, day, flow)
                );
                -- A period of the whole country is one range of this index, read without visiting the table.
                create index ix_member_flows_day on member_flows (day, organization_id, flow) include (n);
                -- Drill-down to the members behind a transfer out of a subtree.
                create index ix_member_events_other_organization on member_events (other_organization_id, effective_on)
                    where other_organization_id is not null;

                create function member_counts_apply() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' then
                        insert into member_counts as c (organization_id, probationary, official)
                        select organization_id, count(*) filter (where status = 'Probationary'), count(*) filter (where status = 'Official')
                        from new_rows where status in ('Probationary', 'Official')
                        group by organization_id order by organization_id
                        on conflict (organization_id) do update
                            set probationary = c.probationary + excluded.probationary, official = c.official + excluded.official;
                    elsif tg_op = 'DELETE' then
                        insert into member_counts as c (organization_id, probationary, official)
                        select organization_id, -count(*) filter (where status = 'Probationary'), -count(*) filter (where status = 'Official')
                        from old_rows where status in ('Probationary', 'Official')
                        group by organization_id order by organization_id
                        on conflict (organization_id) do update
                            set probationary = c.probationary + excluded.probationary, official = c.official + excluded.official;
                    else
                        insert into member_counts as c (organization_id, probationary, official)
                        select organization_id, sum(p), sum(o) from (
                            select organization_id, (status = 'Probationary')::int as p, (status = 'Official')::int as o
                            from new_rows where status in ('Probationary', 'Official')
                            union all
                            select organization_id, -(status = 'Probationary')::int, -(status = 'Official')::int
                            from old_rows where status in ('Probationary', 'Official')) d
                        group by organization_id having sum(p) <> 0 or sum(o) <> 0 order by organization_id
                        on conflict (organization_id) do update
                            set probationary = c.probationary + excluded.probationary, official = c.official + excluded.official;
                    end if;
                    return null;
                end $$;
                create trigger member_counts_insert after insert on members referencing new table as new_rows
                    for each statement execute function member_counts_apply();
                create trigger member_counts_update after update on members referencing old table as old_rows new table as new_rows
                    for each statement execute function member_counts_apply();
                create trigger member_counts_delete after delete on members referencing old table as old_rows
                    for each statement execute function member_counts_apply();

                create function member_flows_apply() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' then
                        insert into member_flows as f (organization_id, day, flow, n)
                        select x.organization_id, e.effective_on, x.flow, count(*)
                        from new_rows e
                        cross join lateral member_event_flows(e.kind, e.organization_id, e.other_organization_id, e.discipline_level, e.detail, e.member_id) x
                        group by 1, 2, 3 order by 1, 2, 3
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    elsif tg_op = 'DELETE' then
                        insert into member_flows as f (organization_id, day, flow, n)
                        select x.organization_id, e.effective_on, x.flow, -count(*)
                        from old_rows e
                        cross join lateral member_event_flows(e.kind, e.organization_id, e.other_organization_id, e.discipline_level, e.detail, e.member_id) x
                        group by 1, 2, 3 order by 1, 2, 3
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    else
                        insert into member_flows as f (organization_id, day, flow, n)
                        select organization_id, day, flow, sum(n) from (
                            select x.organization_id, e.effective_on as day, x.flow, 1 as n
                            from new_rows e
                            cross join lateral member_event_flows(e.kind, e.organization_id, e.other_organization_id, e.discipline_level, e.detail, e.member_id) x
                            union all
                            select x.organization_id, e.effective_on, x.flow, -1
                            from old_rows e
                            cross join lateral member_event_flows(e.kind, e.organization_id, e.other_organization_id, e.discipline_level, e.detail, e.member_id) x) d
                        group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    end if;
                    return null;
                end $$;
                create trigger member_flows_insert after insert on member_events referencing new table as new_rows
                    for each statement execute function member_flows_apply();
                create trigger member_flows_update after update on member_events referencing old table as old_rows new table as new_rows
                    for each statement execute function member_flows_apply();
                create trigger member_flows_delete after delete on member_events referencing old table as old_rows
                    for each statement execute function member_flows_apply();

                -- The seam "a member's organization at a date" (docs/architecture.md, Statistics reports): the members
                -- counted at the end of p_date in the subtree p_root, with the organization that counted them. From the
                -- member's current row, undone by the first event after the date that changed the count: an admission
                -- or readmission (not yet a member), a permanent transfer received (was with the sender), an ending (was
                -- with the organization of the ending). Consistent by construction with member_counts - member_flows
                -- after the date. Until the organization history lands it ignores reorganizations (current paths).
                create function membership_at(p_root ltree, p_date date)
                returns table (member_id bigint, organization_id bigint) language sql stable as $$
                    with subtree as (select o.id from organizations o where o.path <@ p_root),
                    -- Each member's first count-changing event after the date among the events that touch the subtree.
                    -- Enough to decide membership in the subtree: a member in it at the date leaves it (or dies, ...)
                    -- through an event at one of its organizations, and one who came in did so through such an event.
                    changed as (
                        select distinct on (e.member_id) e.member_id, e.kind, e.organization_id, e.other_organization_id
                        from member_events e
                        where e.effective_on > p_date
                          and (e.organization_id in (select id from subtree) or e.other_organization_id in (select id from subtree))
                          and exists (select 1 from member_event_flows(e.kind, e.organization_id, e.other_organization_id,
                                              e.discipline_level, e.detail, e.member_id) f
                                      where member_flow_sign(f.flow) <> 0)
                        order by e.member_id, e.effective_on, e.id)
                    select m.id, m.organization_id from members m
                    where m.organization_id in (select id from subtree) and m.status in ('Probationary', 'Official')
                      and not exists (select 1 from changed c where c.member_id = m.id)
                    union all
                    select c.member_id, case when c.kind = 'TransferReceived' then c.other_organization_id else c.organization_id end
                    from changed c
                    where c.kind not in ('CeremonyHeld', 'Readmitted')
                      and (case when c.kind = 'TransferReceived' then c.other_organization_id else c.organization_id end) in (select id from subtree)
                $$;
                """);
            migrationBuilder.Sql(RebuildAtCreation);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop function membership_at(ltree, date);
                drop trigger member_flows_insert on member_events;
                drop trigger member_flows_update on member_events;
                drop trigger member_flows_delete on member_events;
                drop function member_flows_apply();
                drop trigger member_counts_insert on members;
                drop trigger member_counts_update on members;
                drop trigger member_counts_delete on members;
                drop function member_counts_apply();
                drop index ix_member_events_other_organization;
                drop table member_flows;
                drop table member_counts;
                drop function member_event_flows(text, bigint, bigint, text, text, bigint);
                drop function member_flow_sign(text);
                drop function organization_province_path(ltree);
                """);
        }
    }
}
