#!/usr/bin/env bash
# The yearly rollup of member ratings (docs/benchmarks.md, targets: national ≤ 3 s, one province ≤ 300 ms).
# Works on an existing database that holds the generated national dataset (benchmarks/members.sh leaves one, or
# `generate`): if it has no year round for YEAR yet, `generate-assessments --year YEAR` fills one (one rating per
# counted member, timed). Then the rollup statement of AssessmentReportQuery (read from the source file, so it is the
# statement the report page runs; also its two companions, the members not assessed by reason and the organizations'
# ratings) is timed REPEAT times for the Centre and for the province with the most members,
# and its totals are checked against a direct count of the ratings.
# Usage: benchmarks/assessments.sh <database>   (ORGCOM_PG_PORT, YEAR, REPEAT override the defaults; the server
#        must be running: the script starts no cluster)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:?Cách dùng: benchmarks/assessments.sh <tên cơ sở dữ liệu>}"
PORT="${ORGCOM_PG_PORT:-55432}"
YEAR="${YEAR:-2025}"
REPEAT="${REPEAT:-10}"
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [[ "$(psql_ -c "select exists (select 1 from assessment_rounds where kind = 'Year' and year = $YEAR)")" != t ]]; then
    echo "[bench] $(date '+%d/%m/%Y %H:%M'): generate-assessments --year $YEAR"
    dotnet build "$ROOT/src/OrgCom.Web" -c Release -nologo -v q >/dev/null
    start=$(date +%s.%N)
    (cd "$ROOT/src/OrgCom.Web" && ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres" \
        Logging__LogLevel__Default=Warning dotnet bin/Release/net10.0/OrgCom.Web.dll generate-assessments --year "$YEAR")
    end=$(date +%s.%N)
    printf '[bench] generate-assessments: %.1f s in all\n' "$(echo "$end - $start" | bc)"
fi
psql_ -c "select '[bench] member ratings in ' || $YEAR || ': ' || count(*) from member_ratings r join organization_assessments a on a.id = r.organization_assessment_id join assessment_rounds x on x.id = a.round_id where x.kind = 'Year' and x.year = $YEAR" \
      -c "select '[bench] organization assessments: ' || count(*) from organization_assessments a join assessment_rounds x on x.id = a.round_id where x.kind = 'Year' and x.year = $YEAR"

# The statements as the page runs them, their parameters numbered for PREPARE: the kept counts by unit (UnitsSql),
# the members not assessed by reason (ReasonsSql) and the organizations rated by the level above (OrganizationRatingsSql).
statement() {
    sed -n "/ $1 = \"\"\"/,/\"\"\";/p" "$ROOT/src/OrgCom.Web/Features/Assessments/AssessmentReportQuery.cs" | sed '1d;$d' \
        | sed 's/@path/$1/g; s/@root/$2/g; s/@year/$3/g'
}
SQL=$(statement UnitsSql)
REASONS_SQL=$(statement ReasonsSql)
ORGANIZATIONS_SQL=$(statement OrganizationRatingsSql)

CENTRE=$(psql_ -c "select id || ' ' || path::text from organizations where parent_id is null")
PROVINCE=$(psql_ -c "select p.id || ' ' || p.path::text || ' ' || p.code from organizations p
    join organizations o on o.path <@ p.path
    join organization_assessments a on a.organization_id = o.id
    join assessment_rounds x on x.id = a.round_id and x.kind = 'Year' and x.year = $YEAR
    where p.kind = 'ProvincialCommittee' group by p.id order by sum(a.required_count) desc limit 1")

measure() {
    local label=$1 id=$2 path=$3 target=$4 sql=${5:-$SQL}
    local out
    out=$(psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt <<SQL
prepare rollup(text, bigint, int) as $sql;
execute rollup('$path', $id, $YEAR);
\timing on
$(for _ in $(seq 1 "$REPEAT"); do echo "execute rollup('$path', $id, $YEAR);"; done)
SQL
)
    local times
    times=$(grep -o 'Time: [0-9.]* ms' <<<"$out" | awk '{print $2}' | sort -n)
    local median max
    median=$(awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' <<<"$times")
    max=$(tail -1 <<<"$times")
    printf '[bench] rollup %-28s median %8.1f ms   max %8.1f ms   (target ≤ %s ms, %s runs)\n' "$label" "$median" "$max" "$target" "$REPEAT"
}

read -r cid cpath <<<"$CENTRE"
measure "national (Trung ương)" "$cid" "$cpath" 3000
measure "  + not assessed by reason" "$cid" "$cpath" 3000 "$REASONS_SQL"
measure "  + organizations' ratings" "$cid" "$cpath" 3000 "$ORGANIZATIONS_SQL"
if [[ -n "$PROVINCE" ]]; then
    read -r pid ppath pcode <<<"$PROVINCE"
    measure "province $pcode" "$pid" "$ppath" 300
    measure "  + not assessed by reason" "$pid" "$ppath" 300 "$REASONS_SQL"
    measure "  + organizations' ratings" "$pid" "$ppath" 300 "$ORGANIZATIONS_SQL"
fi
echo "[bench] the page runs the three statements for the year and for the year before (the comparison line)"

# Correctness: the rollup's totals (approved assessments) equal a direct count of the approved ratings.
psql_ <<SQL
select '[bench] check: rollup ' || (select sum(excellent_count + good_count + completed_count + not_completed_count)
        from organization_assessments a join assessment_rounds x on x.id = a.round_id where x.kind = 'Year' and x.year = $YEAR and a.status = 'Approved')
    || ' rated = direct count ' || (select count(*) from member_ratings r join organization_assessments a on a.id = r.organization_assessment_id
        join assessment_rounds x on x.id = a.round_id where x.kind = 'Year' and x.year = $YEAR and a.status = 'Approved' and r.final_level is not null);
SQL
start=$(date +%s%N)
psql_ -c "select count(*) from member_ratings r join organization_assessments a on a.id = r.organization_assessment_id join assessment_rounds x on x.id = a.round_id where x.kind = 'Year' and x.year = $YEAR group by r.final_level" >/dev/null
end=$(date +%s%N)
printf '[bench] for comparison, counting the ratings themselves nationally: %d ms\n' $(((end - start) / 1000000))
