#!/usr/bin/env bash
# Dossier page throughput: wrk against /Members/Details/{id} on loopback, signed in, random members of the scope.
# Every request loads the dossier and writes a View line to the audit log, as in production.
# Usage: benchmarks/dossier.sh [database]   (default: a fresh orgcom_bench_dossier with the demo data)
#        DURATION=20s CONNECTIONS=32 benchmarks/dossier.sh orgcom_bench_members   (an existing, e.g. national, dataset)
#        EXTRA_CONNECTION_OPTIONS=";Max Auto Prepare=0" …   (appended to the connection string, for A/B runs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"
PORT="${ORGCOM_PG_PORT:-55432}"
DB="${1:-orgcom_bench_dossier}"
URL=http://127.0.0.1:5092
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null || orgcom_ensure_packages wrk

orgcom_pg_start dev "$PORT" yes >/dev/null
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres;Maximum Pool Size=64${EXTRA_CONNECTION_OPTIONS:-}"
dotnet build "$ROOT/src/OrgCom.Web" -c Release -nologo -v q >/dev/null
cd "$ROOT/src/OrgCom.Web"
APP=(dotnet bin/Release/net10.0/OrgCom.Web.dll)
if [[ $# -eq 0 ]]; then
    psql_ -d postgres -c "drop database if exists $DB with (force)"
    orgcom_pg_createdb dev "$PORT" "$DB" >/dev/null
    "${APP[@]}" migrate >/dev/null
    "${APP[@]}" seed-demo >/dev/null
fi

OrgCom__AllowDemoAccounts=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    "${APP[@]}" serve --urls "$URL" >/tmp/orgcom-bench-dossier.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done

jar=$(mktemp)
token=$(curl -s -c "$jar" -b "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.UserName=hanoi" --data-urlencode "Input.Password=OrgCom@2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login"
# Every cookie of the session, as a browser sends them (the sign-in and the antiforgery cookie).
cookie=$(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")

# Members of Hà Nội (the signed-in user's scope), as a Lua table of ids.
ids=$(psql_ -d "$DB" -c "select string_agg(m.id::text, ',') from (select m.id from members m join organizations o on o.id = m.organization_id
    where o.path <@ (select path from organizations where code = 'T01') and m.status in ('Official','Probationary') order by random() limit 5000) m")
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<LUA
local ids = {$ids}
request = function()
  return wrk.format("GET", "/Members/Details/" .. ids[math.random(#ids)], { ["Cookie"] = "$cookie" })
end
LUA
curl -s -o /dev/null -w "warm-up: %{http_code}\n" -H "Cookie: $cookie" "$URL/Members/Details/$(echo "$ids" | cut -d, -f1)"
before=$(psql_ -d "$DB" -c "select count(*) from audit_log where action = 'View'")
echo "wrk: $DURATION, 2 threads, $CONNECTIONS connections, $(echo "$ids" | tr ',' '\n' | wc -l) distinct members, signed in as hanoi"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$URL" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx"
after=$(psql_ -d "$DB" -c "select count(*) from audit_log where action = 'View'")
echo "view lines written: $((after - before))"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
