#!/usr/bin/env bash
# Statistics reports and the home page at scale: the increase/decrease report of one year for the whole country and for
# one province (Hà Nội), the other report forms, and the dashboard home page, timed over HTTP on loopback with curl
# (the whole request: scope, queries, rendering), signed in as admin (whole country) and as hanoi. Also prints the
# database time of the report's aggregate statement alone (EXPLAIN ANALYZE) for the whole country and for Hà Nội.
# Usage: benchmarks/reports.sh <database>        e.g. orgcom_bench_members (the national dataset of benchmarks/members.sh)
#        N=10 YEAR=2025 ORGCOM_PG_PORT=55432 benchmarks/reports.sh <database>   (ORGCOM_PG_CLUSTER=test: the test cluster)
# Targets (issue #4): whole country, one year ≤ 3 s; one province ≤ 300 ms; home page well under 300 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"
[[ $# -ge 1 ]] || { echo "Cách dùng: $0 <database>" >&2; exit 2; }
DB="$1"
PORT="${ORGCOM_PG_PORT:-55432}"
URL="${REPORTS_URL:-http://127.0.0.1:5093}"
N="${N:-10}"
YEAR="${YEAR:-$(( $(date +%Y) - 1 ))}"

CLUSTER="${ORGCOM_PG_CLUSTER:-dev}"
orgcom_pg_start "$CLUSTER" "$PORT" "$([[ $CLUSTER == test ]] && echo no || echo yes)" >/dev/null
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt -d "$DB" "$@"; }
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres"
dotnet build "$ROOT/src/OrgCom.Web" -c Release -nologo -v q >/dev/null
cd "$ROOT/src/OrgCom.Web"
APP=(dotnet bin/Release/net10.0/OrgCom.Web.dll)
"${APP[@]}" migrate >/dev/null

OrgCom__AllowDemoAccounts=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    "${APP[@]}" serve --urls "$URL" >/tmp/orgcom-bench-reports.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done

sign_in() {
    local jar token
    jar=$(mktemp)
    token=$(curl -s -c "$jar" -b "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=OrgCom@2026" \
        --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login"
    echo "$jar"
}
admin=$(sign_in admin)
hanoi=$(sign_in hanoi)
root=$(psql_ -c "select id from organizations where parent_id is null order by id limit 1")
province=$(psql_ -c "select id from organizations where code = 'T01'")
echo "[bench] $(date '+%d/%m/%Y %H:%M') database $DB: $(psql_ -c "select count(*) from members") members, $(psql_ -c "select count(*) from organizations") organizations, $(psql_ -c "select count(*) from member_events") events, $(psql_ -c "select count(*) from member_flows") member_flows rows; year $YEAR; $N requests each after one warm-up"

# Prints p50 / p95 / max of N sequential requests.
time_page() {
    local label="$1" jar="$2" path="$3" times code
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$URL$path")
    [[ "$code" == 200 ]] || { echo "$label: HTTP $code for $path" >&2; return 1; }
    times=$(for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$URL$path"; done | sort -n)
    printf '%-62s p50 %6.0f ms   p95 %6.0f ms   max %6.0f ms\n' "$label" \
        "$(echo "$times" | awk -v n="$N" 'NR == int((n + 1) / 2) { print $1 * 1000 }')" \
        "$(echo "$times" | awk -v n="$N" 'NR == int(n * 0.95 + 0.999) { print $1 * 1000 }')" \
        "$(echo "$times" | tail -1 | awk '{ print $1 * 1000 }')"
}
period="From=01/01/$YEAR&To=31/12/$YEAR"
time_page "increase/decrease, whole country, $YEAR (admin)" "$admin" "/Reports/View?Form=IncreaseDecrease&OrganizationId=$root&$period"
time_page "increase/decrease, Hà Nội, $YEAR (admin)" "$admin" "/Reports/View?Form=IncreaseDecrease&OrganizationId=$province&$period"
time_page "increase/decrease, Hà Nội, $YEAR (hanoi)" "$hanoi" "/Reports/View?Form=IncreaseDecrease&OrganizationId=$province&$period"
time_page "increase/decrease, Hà Nội, $YEAR, Excel (hanoi)" "$hanoi" "/Reports/View?Form=IncreaseDecrease&OrganizationId=$province&$period&handler=Excel"
# "Đối chiếu từng đảng viên": opening and closing counted member by member at the two dates (slower, on demand).
time_page "increase/decrease, Hà Nội, $YEAR, reconciled (hanoi)" "$hanoi" "/Reports/View?Form=IncreaseDecrease&OrganizationId=$province&$period&Reconcile=true"
[[ "${RECONCILE_COUNTRY:-0}" == 1 ]] && time_page "increase/decrease, whole country, $YEAR, reconciled (admin)" "$admin" "/Reports/View?Form=IncreaseDecrease&OrganizationId=$root&$period&Reconcile=true"
time_page "organizations by kind, whole country, 31/12/$YEAR (admin)" "$admin" "/Reports/View?Form=OrganizationsByKind&OrganizationId=$root&To=31/12/$YEAR"
time_page "members by gender, Hà Nội, 31/12/$YEAR (hanoi)" "$hanoi" "/Reports/View?Form=MembersAtDate&OrganizationId=$province&To=31/12/$YEAR&Dimension=Gender"
# Drill-downs (ADR 0011, "Drill-down of every count"): the organizations of the commonest kind in Hà Nội, and the members
# moved in by a reorganization (counted member by member; empty unless the year saw one, as the replay of 2025 does).
kind=$(psql_ -c "select o.kind from organizations o join organizations p on o.path <@ p.path where p.id = $province
    and o.established_on <= '$YEAR-12-31' and o.dissolved_on is null group by o.kind order by count(*) desc limit 1")
time_page "organizations of kind $kind, Hà Nội, 31/12/$YEAR (hanoi)" "$hanoi" "/Reports/Organizations?Form=OrganizationsByKind&OrganizationId=$province&To=31/12/$YEAR&Measure=k:$kind"
time_page "members received by reorganization, Hà Nội, $YEAR (hanoi)" "$hanoi" "/Reports/Members?Form=IncreaseDecrease&OrganizationId=$province&$period&Measure=ReorganizedIn"
time_page "home page (admin, whole country)" "$admin" "/"
time_page "home page (hanoi)" "$hanoi" "/"

# The core of the report's statement when nothing changed parent (StatisticsQueries.FastRows: the country's rows by
# level2_id, a province's by level3_id among its level2_id; one pass over the flows since the opening), without the
# crossing-moves correction and the history part, timed by the server alone.
explain_report() {
    local label="$1" counts="$2" flows="$3"
    echo "[bench] the report's aggregate statement alone, $label, $YEAR: $(psql_ -c "set jit = off" -c "explain (analyze, summary)
        with counts as ($counts), flows as ($flows)
        select row_id, 'Closing', sum(n)::bigint from counts group by 1
        union all
        select row_id, case when day > '$YEAR-12-31' then 'Closing' else flow end,
               sum(case when day > '$YEAR-12-31' then -n * member_flow_sign(flow) else n end)::bigint
        from flows group by 1, 2" | grep -E "Execution Time" | xargs)"
}
children="any(array(select id from organizations where parent_id = $root))"
explain_report "whole country" \
    "select coalesce(c.level2_id, c.organization_id) as row_id, c.probationary + c.official as n from member_counts c
     where c.level2_id = $children or c.organization_id = $root" \
    "select f.level2_id as row_id, f.day, f.flow, f.n from member_flows f where f.level2_id = $children and f.day >= '$YEAR-01-01'
     union all select f.organization_id, f.day, f.flow, f.n from member_flows f where f.organization_id = $root and f.day >= '$YEAR-01-01'"
explain_report "Hà Nội" \
    "select coalesce(c.level3_id, c.organization_id) as row_id, c.probationary + c.official as n from member_counts c where c.level2_id = $province" \
    "select coalesce(f.level3_id, f.organization_id) as row_id, f.day, f.flow, f.n from member_flows f where f.level2_id = $province and f.day >= '$YEAR-01-01'"

echo "[bench] machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "PostgreSQL $(psql_ -c 'show server_version'), shared_buffers $(psql_ -c 'show shared_buffers'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
