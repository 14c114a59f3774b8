#!/usr/bin/env bash
# The tree as of a date (ADR 0008): one level of one province as it stood on a date, as the tree page reads it
# (organization_versions by parent, each child's own child count), and for information the province's counts of
# organizations and members on that date (org_subtree_as_of, members_as_of). Target: the tree level ≤ 100 ms on the
# national dataset (5.6M members, 300k organizations: migrate, seed-demo, generate). Then, for information, the
# statistics' reads of the history (ADR 0011): no target of their own.
# Usage: benchmarks/tree-asof.sh DATABASE [PROVINCE_CODE=T01] [DATE=2025-12-31]
#   The database must already hold the data; the cluster is the dev one (ORGCOM_PG_PORT, default 55432).
#   Nothing is written. N=50 repetitions by default.
set -euo pipefail
DB="${1:?database name (e.g. orgcom_national)}"
PROVINCE="${2:-T01}"
DATE="${3:-2025-12-31}"
PORT="${ORGCOM_PG_PORT:-55432}"
N="${N:-50}"
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

id=$(psql_ -c "select id from organizations where code = '$PROVINCE'")
[ -n "$id" ] || { echo "no organization $PROVINCE in $DB" >&2; exit 2; }
echo "Database $DB: $(psql_ -c "select count(*) from organizations") organizations, $(psql_ -c "select count(*) from members") members, $(psql_ -c "select count(*) from organization_versions") versions, $(psql_ -c "select count(*) from member_placements") placements"

# Runs the statement N times inside the server (no client round trips), after one warm-up; prints p50/p95/max.
measure() {
    local label=$1 sql=$2
    psql_ <<SQL
do \$\$
declare t timestamptz; ms double precision[] := '{}'; r record;
begin
    execute \$q\$ $sql \$q\$;
    for i in 1..$N loop
        t := clock_timestamp();
        for r in execute \$q\$ $sql \$q\$ loop end loop;
        ms := ms || extract(epoch from clock_timestamp() - t) * 1000;
    end loop;
    select array_agg(x order by x) into ms from unnest(ms) x;
    raise notice '%', rpad('$label', 64) || ' p50 ' || to_char(ms[greatest(1, ($N * 0.5)::int)], 'FM99990.0')
        || ' ms   p95 ' || to_char(ms[greatest(1, ($N * 0.95)::int)], 'FM99990.0')
        || ' ms   max ' || to_char(ms[$N], 'FM99990.0') || ' ms   (n=$N)';
end \$\$;
SQL
}

level="select o.id, o.code, v.name, v.kind,
    (select count(*) from organization_versions c where c.parent_id = v.organization_id and c.valid_from <= date '$DATE' and (c.valid_to is null or c.valid_to > date '$DATE'))
  from organization_versions v join organizations o on o.id = v.organization_id
  where v.parent_id = $id and v.valid_from <= date '$DATE' and (v.valid_to is null or v.valid_to > date '$DATE')
  order by v.kind = 'CentralBodyCommittee', v.name, o.code"
echo "$PROVINCE as of $DATE: $(psql_ -c "select count(*) from ($level) x") children"
measure "tree level of $PROVINCE as of $DATE (children + child counts)" "$level" 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
measure "organizations in $PROVINCE as of $DATE (org_subtree_as_of)" "select count(*) from org_subtree_as_of($id, date '$DATE')" 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
N=$(( N < 10 ? N : 10 )) measure "members in $PROVINCE as of $DATE (members_as_of)" "select count(*) from members_as_of($id, date '$DATE', true)" 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
# The statistics on the history (ADR 0011, "Reorganizations"): the report rows of the whole country as the tree stood
# (what the increase/decrease report computes twice when an organization changed parent since the period's opening),
# the moves of one year inside one row of the Centre's report (subtracted from every row), and the members of the
# province at the date with where they were (the members-at-a-date form and drill-down).
centre=$(psql_ -c "select id from organizations where code = 'TW'")
year=${DATE:0:4}
N=$(( N < 10 ? N : 10 )) measure "report rows of the country as of $DATE (org_rows_as_of)" "select count(*) from org_rows_as_of($centre, date '$DATE')" 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
N=$(( N < 10 ? N : 10 )) measure "moves inside one row of the Centre report, $year" "with subtree as (
      select o.id, case when nlevel(o.path) > nlevel(r.path) then ltree2text(subpath(o.path, nlevel(r.path), 1))::bigint else o.id end as row_id
      from organizations r join organizations o on o.path <@ r.path where r.id = $centre)
    select a.row_id, count(*) from member_events e join subtree a on a.id = e.organization_id
      join subtree b on b.id = e.other_organization_id and b.row_id = a.row_id
    where e.counted_flow in ('TransferredInWithinProvince', 'TransferredInOtherProvince', 'ReorganizedIn')
      and e.effective_on between date '$year-01-01' and date '$year-12-31' group by 1" 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
N=$(( N < 5 ? N : 5 )) measure "members of $PROVINCE at $DATE with where (membership_at)" "select count(*) from membership_at((select path from organizations where id = $id), date '$DATE')" 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
