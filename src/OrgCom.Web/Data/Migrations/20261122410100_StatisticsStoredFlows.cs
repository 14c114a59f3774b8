using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The statistics classify each member event once, when it is recorded, and keep that on the event (ADR 0011):
    /// <list type="bullet">
    /// <item><c>member_events.transfer_kind</c> (the EF column of <c>MemberEvent.TransferKind</c>, migration
    /// <c>MemberEventTransferKind</c>) is backfilled from <c>transfers</c>: a temporary transfer is known by its kind,
    /// never by the text of <c>detail</c>.</item>
    /// <item><c>member_events.counted_flow</c> (not in the EF model: the database fills it) is the flow the event makes at
    /// its organization — <c>member_event_counted_flow(...)</c> with the tree and the member as they are when the event is
    /// inserted (or when an update changes what it is about); a permanent transfer received also makes
    /// <c>TransferredOut</c> at the sender (<c>member_event_flows(counted_flow, organization, other organization)</c>).
    /// The triggers of <c>member_flows</c>, <see cref="Rebuild"/>, <c>membership_at</c> and the drill-down read only
    /// that column, so what a delete or an update subtracts is what the insert added, whatever has moved since.</item>
    /// <item>Truncating <c>members</c> or <c>member_events</c> clears the pre-aggregates built from them.</item>
    /// </list>
    /// Existing events are classified with today's tree (the best there is) and the pre-aggregates rebuilt.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261122410100_StatisticsStoredFlows")]
    public partial class StatisticsStoredFlows : Migration
    {
        /// <summary>Recomputes both pre-aggregates from the members and the flows stored on their events
        /// (<c>generate</c> after its load, with the triggers off; a test checks it reproduces what the triggers keep).</summary>
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
                select e.other_organization_id, e.effective_on, 'TransferredOut'
                from member_events e
                where e.counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince')) x
            group by 1, 2, 3;
            alter table member_flows add constraint pk_member_flows primary key (organization_id, day, flow);
            create index ix_member_flows_day on member_flows (day, organization_id, flow) include (n);
            """;

        /// <summary>The triggers <c>generate</c> switches off for its load (it writes <c>counted_flow</c> itself and runs
        /// <see cref="Rebuild"/> afterwards), as <c>table:trigger</c>.</summary>
        public static readonly string[] Triggers =
        [
            "members:member_counts_insert", "members:member_counts_update", "members:member_counts_delete",
            "member_events:member_events_classify",
            "member_events:member_flows_insert", "member_events:member_flows_update", "member_events:member_flows_delete",
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The kind of a transfer on its events, from the transfer itself (same member, receiver, day and letter).
                update member_events e set transfer_kind = t.kind
                from transfers t
                where e.kind = 'TransferReceived' and e.transfer_kind is null
                  and t.member_id = e.member_id and t.to_organization_id = e.organization_id and t.received_on = e.effective_on
                  and t.letter_number is not distinct from e.decision_number;
                update member_events e set transfer_kind = t.kind
                from transfers t
                where e.kind in ('TransferIssued', 'TransferCancelled', 'TemporaryTransferEnded') and e.transfer_kind is null
                  and t.member_id = e.member_id and t.to_organization_id = e.other_organization_id
                  and t.letter_number is not distinct from e.decision_number;
                -- A receipt without its transfer row (none is known to exist): once, from what the domain wrote there
                -- (Transfer.DisplayName). Nothing reads detail after this.
                update member_events set transfer_kind = case when detail = 'Tạm thời' then 'Temporary' else 'Permanent' end
                where kind = 'TransferReceived' and transfer_kind is null;

                alter table member_events add column counted_flow varchar(30);
                comment on column member_events.counted_flow is
                    'The statistics flow this event makes at organization_id, classified when it was recorded (ADR 0011); filled by the trigger member_events_classify.';

                drop function membership_at(ltree, date);
                drop function member_event_flows(text, bigint, bigint, text, text, bigint);

                -- What one member event does to the counts at its organization, with the tree and the member as they are
                -- now: called once per event when it is recorded. A permanent transfer counts when the receiver confirms
                -- it (in here, out at the sender: member_event_flows); a temporary one leaves the member with the sender
                -- (a receipt of unknown kind counts as permanent, the usual kind). A death counts only for a member
                -- (ceremony held), not for a candidate.
                create function member_event_counted_flow(p_kind text, p_organization_id bigint, p_other_organization_id bigint,
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
                    end
                $$;

                -- The rows of member_flows one event makes, from its stored flow: the flow at its organization, and for a
                -- transfer received the move out of the sender.
                create function member_event_flows(p_counted_flow text, p_organization_id bigint, p_other_organization_id bigint)
                returns table (organization_id bigint, flow text) language sql immutable parallel safe as $$
                    select p_organization_id, p_counted_flow where p_counted_flow is not null
                    union all
                    select p_other_organization_id, 'TransferredOut'
                    where p_counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince')
                $$;

                -- Classified on insert; kept on an update unless it changes what the event is about (then it is a new fact,
                -- classified as of now: the update trigger of member_flows subtracts the old stored flow, adds the new).
                create function member_events_classify() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' or new.kind is distinct from old.kind or new.member_id is distinct from old.member_id
                       or new.organization_id is distinct from old.organization_id
                       or new.other_organization_id is distinct from old.other_organization_id
                       or new.discipline_level is distinct from old.discipline_level
                       or new.transfer_kind is distinct from old.transfer_kind then
                        new.counted_flow := member_event_counted_flow(new.kind, new.organization_id, new.other_organization_id,
                            new.discipline_level, new.transfer_kind, new.member_id);
                    else
                        new.counted_flow := old.counted_flow;
                    end if;
                    return new;
                end $$;
                create trigger member_events_classify before insert or update on member_events
                    for each row execute function member_events_classify();

                create or replace function member_flows_apply() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' then
                        insert into member_flows as f (organization_id, day, flow, n)
                        select x.organization_id, e.effective_on, x.flow, count(*)
                        from new_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                        group by 1, 2, 3 order by 1, 2, 3
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    elsif tg_op = 'DELETE' then
                        insert into member_flows as f (organization_id, day, flow, n)
                        select x.organization_id, e.effective_on, x.flow, -count(*)
                        from old_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                        group by 1, 2, 3 order by 1, 2, 3
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    else
                        insert into member_flows as f (organization_id, day, flow, n)
                        select organization_id, day, flow, sum(n) from (
                            select x.organization_id, e.effective_on as day, x.flow, 1 as n
                            from new_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                            union all
                            select x.organization_id, e.effective_on, x.flow, -1
                            from old_rows e cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x) d
                        group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
                        on conflict (organization_id, day, flow) do update set n = f.n + excluded.n;
                    end if;
                    return null;
                end $$;

                -- The seam "a member's organization at a date" (docs/architecture.md, Statistics reports), as before but on
                -- the stored flows: consistent by construction with member_counts - member_flows after the date.
                create function membership_at(p_root ltree, p_date date)
                returns table (member_id bigint, organization_id bigint) language sql stable as $$
                    with subtree as (select o.id from organizations o where o.path <@ p_root),
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
                    select c.member_id, case when c.kind = 'TransferReceived' then c.other_organization_id else c.organization_id end
                    from changed c
                    where c.kind not in ('CeremonyHeld', 'Readmitted')
                      and (case when c.kind = 'TransferReceived' then c.other_organization_id else c.organization_id end) in (select id from subtree)
                $$;

                -- A truncate fires no row or statement triggers of insert/delete: clear what was built from the table.
                create function member_counts_truncate() returns trigger language plpgsql as $$
                begin
                    truncate member_counts;
                    return null;
                end $$;
                create function member_flows_truncate() returns trigger language plpgsql as $$
                begin
                    truncate member_flows;
                    return null;
                end $$;
                create trigger member_counts_truncate after truncate on members
                    for each statement execute function member_counts_truncate();
                create trigger member_flows_truncate after truncate on member_events
                    for each statement execute function member_flows_truncate();

                -- Existing events, classified with today's tree.
                alter table member_events disable trigger member_events_classify;
                alter table member_events disable trigger member_flows_update;
                update member_events
                set counted_flow = member_event_counted_flow(kind, organization_id, other_organization_id, discipline_level, transfer_kind, member_id)
                where kind in ('CeremonyHeld', 'Readmitted', 'RecognizedOfficial', 'Left', 'Removed', 'NotRecognized',
                               'Disciplined', 'Deceased', 'TransferReceived');
                alter table member_events enable trigger member_flows_update;
                alter table member_events enable trigger member_events_classify;
                """);
            migrationBuilder.Sql(Rebuild);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger member_counts_truncate on members;
                drop trigger member_flows_truncate on member_events;
                drop function member_counts_truncate();
                drop function member_flows_truncate();
                """);
            // The stored flows stay: the functions of the statistics read them (going further back means the previous
            // migration's Down).
        }
    }
}
