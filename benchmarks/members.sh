#!/usr/bin/env bash
# Member search at national scale: a fresh database on the private dev cluster with the demo data plus the generated
# national tree (~300,000 organizations, 5,600,000 members), then the search timed at the database call by
# benchmarks/MemberBench (the exact statement EF generates for a page, run through the app's services and scope filter):
# name searches (250 varied names) and first pages of a province's list, as the root administrator and as the Hà Nội
# user. Prints the generation time too.
# Usage: benchmarks/members.sh   (MEMBERS, ORGANIZATIONS, REPEAT and ORGCOM_PG_PORT override the defaults;
#        EXPLAIN=1 adds EXPLAIN ANALYZE of the slowest statements)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"
PORT="${ORGCOM_PG_PORT:-55432}"
DB=orgcom_bench_members
MEMBERS="${MEMBERS:-5600000}"
ORGANIZATIONS="${ORGANIZATIONS:-300000}"
REPEAT="${REPEAT:-30}"

orgcom_pg_start dev "$PORT" yes >/dev/null
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_ -d postgres -c "drop database if exists $DB with (force)"
orgcom_pg_createdb dev "$PORT" "$DB" >/dev/null
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres"
export Logging__LogLevel__Default=Warning
dotnet build "$ROOT/benchmarks/MemberBench/MemberBench.csproj" -c Release -nologo -v q >/dev/null
cd "$ROOT/src/OrgCom.Web"
APP=(dotnet bin/Release/net10.0/OrgCom.Web.dll)
"${APP[@]}" migrate >/dev/null
"${APP[@]}" seed-demo >/dev/null

echo "[bench] $(date '+%d/%m/%Y %H:%M'): generate --members $MEMBERS --organizations $ORGANIZATIONS"
start=$(date +%s.%N)
"${APP[@]}" generate --members "$MEMBERS" --organizations "$ORGANIZATIONS"
end=$(date +%s.%N)
printf '[bench] generate: %.1f s in all (process start to exit)\n' "$(echo "$end - $start" | bc)"
psql_ -d "$DB" -c "select 'members: ' || count(*) from members" -c "select 'organizations: ' || count(*) from organizations" \
    -c "select 'member table + indexes: ' || pg_size_pretty(pg_total_relation_size('members'))"

args=(--repeat "$REPEAT")
[[ "${EXPLAIN:-0}" == 1 ]] && args+=(--explain)
dotnet "$ROOT/benchmarks/MemberBench/bin/Release/net10.0/MemberBench.dll" "${args[@]}"

echo "[bench] machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "PostgreSQL $(psql_ -d postgres -c 'show server_version'), shared_buffers $(psql_ -d postgres -c 'show shared_buffers');" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
