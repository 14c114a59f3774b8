#!/usr/bin/env bash
# Cadres outside the party (ADR 0014): the cadre functions read a person from the view cadre_people (members ∪
# non_member_cadres) instead of members. This measures the two reads that matter through the view and, for comparison,
# the same reads joined to members directly: the cadre list (CadreQueries.CadresAsync, grouped in SQL) and the retirement
# forecast's pre-filter (active posts of people born in a window). Target: the view costs no more than the direct join
# (same plan shape: the join on id pushed into both branches of the UNION ALL, index scans on each primary key).
# Usage: benchmarks/cadre-people.sh DATABASE   (the dev cluster, ORGCOM_PG_PORT default 55432; nothing is written)
#   The national generator writes no appointments: on that dataset the figures are those of the demo cadres plus any
#   recorded since; run it after loading real or synthetic appointments for a meaningful national figure. N=50 by default.
set -euo pipefail
DB="${1:?database name (e.g. orgcom_national)}"
PORT="${ORGCOM_PG_PORT:-55432}"
N="${N:-50}"
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "Database $DB: $(psql_ -c "select count(*) from members") members, $(psql_ -c "select count(*) from non_member_cadres") non-member cadres, $(psql_ -c "select count(*) from appointments where ended_on is null") active posts"

measure() {
    local label=$1 sql=$2
    psql_ <<SQL 2>&1 | sed -E 's/^(psql:.*)?NOTICE:  //'
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
    raise notice '%', rpad('$label', 60) || ' p50 ' || to_char(ms[greatest(1, ($N * 0.5)::int)], 'FM99990.00')
        || ' ms   p95 ' || to_char(ms[greatest(1, ($N * 0.95)::int)], 'FM99990.00') || ' ms   (n=$N)';
end \$\$;
SQL
}

for source in cadre_people members; do
    list="select m.id, m.full_name, string_agg(a.position_name, '; ') from appointments a join $source m on m.id = a.member_id
          where a.ended_on is null group by m.id, m.full_name order by m.full_name, m.id limit 2000"
    forecast="select a.id, m.id, m.full_name, m.birth_date from appointments a join $source m on m.id = a.member_id
          where a.ended_on is null and ((m.gender = 'Male' and m.birth_date between date '1963-01-01' and date '1966-12-31')
             or (m.gender = 'Female' and m.birth_date between date '1966-01-01' and date '1972-12-31'))
          order by m.birth_date, a.id limit 5001"
    measure "cadre list through $source" "$list"
    measure "forecast pre-filter through $source" "$forecast"
done
echo "Plan of the cadre list through the view:"
psql_ -c "explain (costs off) select m.id, m.full_name, string_agg(a.position_name, '; ') from appointments a join cadre_people m on m.id = a.member_id where a.ended_on is null group by m.id, m.full_name order by m.full_name, m.id limit 2000" | sed 's/^/  /'
