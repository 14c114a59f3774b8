using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The history the tree and membership are read from as of any date (ADR 0008):
    /// <list type="bullet">
    /// <item><c>organization_versions</c> is derived from <c>organization_events</c> by statement triggers (insert and
    /// delete, so a bulk COPY costs one set-based rebuild and a reversal restores what was before);</item>
    /// <item><c>org_subtree_as_of(root, d)</c> and <c>members_as_of(root, d, with_subtree)</c> are the readers that
    /// every as-of page and report uses;</item>
    /// <item>existing data is backfilled: versions from the events; placements from the permanent transfers received
    /// (one open placement since the record began for a member who never moved).</item>
    /// </list>
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261123600100_OrganizationHistorySql")]
    public partial class OrganizationHistorySql : Migration
    {
        /// <summary>The kinds of organization event that change where or what an organization is.</summary>
        public const string StateKinds = "'Established','Moved','Renamed','Dissolved','Merged','Split'";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                -- One row per period of constant (parent, name): each state-changing event opens a period that lasts until
                -- the next one; an ending event (dissolved, merged, split) opens none. Periods of zero length (two events on
                -- one day) are dropped. Rebuilding an organization's rows from all its events keeps them right whatever
                -- order the events were recorded in.
                create function organization_versions_rebuild(ids bigint[]) returns void language sql as $$
                    delete from organization_versions where organization_id = any(ids);
                    insert into organization_versions (organization_id, valid_from, valid_to, parent_id, name, kind)
                    select f.organization_id, f.effective_on, f.next_on, f.parent_id, f.name, o.kind
                    from (
                        select g.*,
                            first_value(g.to_parent_id) over (partition by g.organization_id, g.parent_group order by g.effective_on, g.id) as parent_id,
                            first_value(g.to_name) over (partition by g.organization_id, g.name_group order by g.effective_on, g.id) as name
                        from (
                            select e.id, e.organization_id, e.kind, e.effective_on, e.to_parent_id, e.to_name,
                                count(e.id) filter (where e.kind in ('Established', 'Moved')) over w as parent_group,
                                count(e.id) filter (where e.kind in ('Established', 'Renamed')) over w as name_group,
                                lead(e.effective_on) over w as next_on
                            from organization_events e
                            where e.organization_id = any(ids) and e.kind in ({{StateKinds}})
                            window w as (partition by e.organization_id order by e.effective_on, e.id)
                        ) g
                    ) f
                    join organizations o on o.id = f.organization_id
                    where f.kind in ('Established', 'Moved', 'Renamed') and (f.next_on is null or f.next_on > f.effective_on);
                $$;

                create function organization_events_sync_versions() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'DELETE' then
                        perform organization_versions_rebuild(array(select distinct organization_id from old_rows));
                    else
                        perform organization_versions_rebuild(array(select distinct organization_id from new_rows));
                    end if;
                    return null;
                end $$;
                create trigger organization_versions_sync_insert after insert on organization_events
                    referencing new table as new_rows for each statement execute function organization_events_sync_versions();
                create trigger organization_versions_sync_delete after delete on organization_events
                    referencing old table as old_rows for each statement execute function organization_events_sync_versions();

                -- The subtree of root as it stood on d (root included, depth 0): one index range per organization.
                create function org_subtree_as_of(root bigint, d date)
                returns table (organization_id bigint, parent_id bigint, depth int, name varchar, kind varchar)
                language sql stable as $$
                    with recursive t as (
                        select v.organization_id, v.parent_id, 0 as depth, v.name, v.kind
                        from organization_versions v
                        where v.organization_id = root and v.valid_from <= d and (v.valid_to is null or v.valid_to > d)
                        union all
                        select v.organization_id, v.parent_id, t.depth + 1, v.name, v.kind
                        from t join organization_versions v on v.parent_id = t.organization_id
                        where v.valid_from <= d and (v.valid_to is null or v.valid_to > d)
                    )
                    select * from t;
                $$;

                -- The party members registered on d in root (or anywhere in its subtree as of d), with where: placed there
                -- on d, and a member on d (ceremony held, membership not ended). A readmitted member (few: readmissions >
                -- 0) is a member on d when their latest admission or ending recorded up to d (the statistics' stored
                -- flows, ADR 0011) is an admission: not during the gap, and during their first membership too.
                create function members_as_of(root bigint, d date, with_subtree boolean)
                returns table (member_id bigint, organization_id bigint)
                language sql stable as $$
                    select p.member_id, p.organization_id
                    from (select root as organization_id where not with_subtree
                          union all
                          select s.organization_id from org_subtree_as_of(root, d) s where with_subtree) o
                    join member_placements p on p.organization_id = o.organization_id
                        and (p.valid_from is null or p.valid_from <= d) and (p.valid_to is null or p.valid_to > d)
                    join members m on m.id = p.member_id
                    where case when m.readmissions = 0 then m.ceremony_on <= d and (m.ended_on is null or m.ended_on > d)
                          else (select e.counted_flow from member_events e
                                where e.member_id = m.id and e.effective_on <= d
                                  and e.counted_flow in ('Admitted', 'Readmitted', 'Died', 'Expelled', 'Removed', 'Left')
                                order by e.effective_on desc, e.id desc limit 1) in ('Admitted', 'Readmitted') end;
                $$;

                -- Where each member was registered, from the permanent transfers recorded so far (the flows classified by
                -- StatisticsStoredFlows): before the first one with its sender, then with each receiver in turn; one
                -- open placement since the record began for a member who never moved. (Two transfers on one day leave no
                -- period of zero length.)
                insert into member_placements (member_id, organization_id, valid_from, valid_to)
                select m.id, m.organization_id, null, null from members m
                where not exists (select 1 from member_events e where e.member_id = m.id
                                  and e.counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince'));
                with t as (
                    select e.member_id, e.organization_id, e.other_organization_id, e.effective_on,
                           row_number() over w as rn, lead(e.effective_on) over w as next_on
                    from member_events e
                    where e.counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince')
                    window w as (partition by e.member_id order by e.effective_on, e.id))
                insert into member_placements (member_id, organization_id, valid_from, valid_to)
                select member_id, other_organization_id, null, effective_on from t where rn = 1
                union all
                select member_id, organization_id, effective_on, next_on from t where next_on is null or next_on > effective_on;
                select organization_versions_rebuild(array(select id from organizations));
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop function if exists members_as_of(bigint, date, boolean);
                drop function if exists org_subtree_as_of(bigint, date);
                drop trigger if exists organization_versions_sync_insert on organization_events;
                drop trigger if exists organization_versions_sync_delete on organization_events;
                drop function if exists organization_events_sync_versions();
                drop function if exists organization_versions_rebuild(bigint[]);
                delete from member_placements;
                delete from organization_versions;
                """);
        }
    }
}
