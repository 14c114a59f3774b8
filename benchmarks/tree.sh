#!/usr/bin/env bash
# Tree browsing at national scale: ~300,000 organizations (the demo tree + 9 grassroots committees with 9 cells each
# under every one of the 3,321 communes). Measures the pages the tree browser uses, over HTTP, signed in.
# Usage: benchmarks/tree.sh   (uses the private dev cluster; creates a fresh database orgcom_bench_tree)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"
PORT="${ORGCOM_PG_PORT:-55432}"
DB=orgcom_bench_tree
URL=http://127.0.0.1:5091
N="${N:-200}"

orgcom_pg_start dev "$PORT" yes >/dev/null
psql_() { psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_ -d postgres -c "drop database if exists $DB with (force)"
orgcom_pg_createdb dev "$PORT" "$DB" >/dev/null
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres"
dotnet build "$ROOT/src/OrgCom.Web" -c Release -nologo -v q >/dev/null
cd "$ROOT/src/OrgCom.Web"
APP=(dotnet bin/Release/net10.0/OrgCom.Web.dll)
"${APP[@]}" migrate >/dev/null
"${APP[@]}" seed-demo >/dev/null

echo "Generating the national tree..."
start=$(date +%s.%N)
psql_ -d "$DB" <<'SQL'
insert into organizations (code, name, kind, parent_id, established_on)
select c.code || '.G' || g, 'Đảng bộ cơ sở số ' || g || ' ' || c.name, 'GrassrootsCommittee', c.id, date '2025-07-15'
from organizations c cross join generate_series(1, 9) g
where c.kind = 'CommuneCommittee';
insert into organizations (code, name, kind, parent_id, established_on)
select g.code || '.C' || n, 'Chi bộ số ' || n, 'Cell', g.id, date '2025-07-20'
from organizations g cross join generate_series(1, 9) n
where g.kind = 'GrassrootsCommittee' and g.code like '%.G%';
-- Each organization's founding event: the history the tree (as of today) is read from (ADR 0008).
insert into organization_events (organization_id, kind, effective_on, to_parent_id, to_name, recorded_by)
select o.id, 'Established', o.established_on, o.parent_id, o.name, '(benchmark)'
from organizations o where o.code like '%.G%';
analyze organizations, organization_events, organization_versions;
SQL
end=$(date +%s.%N)
total=$(psql_ -d "$DB" -c "select count(*) from organizations")
printf 'organizations: %s (generated in %.1f s)\n' "$total" "$(echo "$end - $start" | bc)"

OrgCom__AllowDemoAccounts=true ASPNETCORE_ENVIRONMENT=Production "${APP[@]}" serve --urls "$URL" >/tmp/orgcom-bench-tree.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done

jar=$(mktemp)
login() {
    local token
    token=$(curl -s -c "$jar" -b "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=OrgCom@2026" \
        --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login"
}
id_of() { psql_ -d "$DB" -c "select id from organizations where code = '$1'"; }

measure() {
    local label=$1 path=$2
    curl -s -o /dev/null -b "$jar" "$URL$path"   # warm-up
    local times
    times=$(for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$jar" "$URL$path"; done)
    if echo "$times" | grep -qv '^200 '; then echo "$label: non-200 answers" >&2; echo "$times" | sort | uniq -c | head -3 >&2; fi
    echo "$times" | awk '{print $2*1000}' | sort -n | awk -v label="$label" -v n="$N" '
        { a[NR]=$1 } END { printf "%-58s p50 %6.1f ms   p95 %6.1f ms   (n=%d)\n", label, a[int(NR*0.5)], a[int(NR*0.95)], n }'
}

login admin
echo "Signed in as admin (whole country). HTTP, sequential, loopback:"
measure "tree roots (/Organizations)" "/Organizations"
measure "children of the Centre (40)" "/Organizations/Children/$(id_of TW)"
measure "children of Hà Nội (126 communes)" "/Organizations/Children/$(id_of T01)"
measure "children of a commune (9 grassroots + demo cells)" "/Organizations/Children/$(id_of X00004)"
measure "children of a grassroots committee (9 cells)" "/Organizations/Children/$(id_of X00004.G1)"
measure "organization page of Hà Nội (subtree counts)" "/Organizations/Details/$(id_of T01)"
measure "organization page of the Centre (whole-country counts)" "/Organizations/Details/$(id_of TW)"
login hanoi
echo "Signed in as hanoi (scope filter active):"
measure "children of Hà Nội (126 communes)" "/Organizations/Children/$(id_of T01)"
measure "children of a commune" "/Organizations/Children/$(id_of X00004)"
measure "organization page of Hà Nội (subtree counts)" "/Organizations/Details/$(id_of T01)"

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
