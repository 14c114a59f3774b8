#!/usr/bin/env bash
# Time of whole pages (worklists, home page) as a user sees them: the app in Release/Production on loopback, signed in,
# each page requested REPEAT times after one warm-up request; prints min / median / max of curl's time_total.
# Usage: benchmarks/pages.sh <database> [user] [path ...]
#   benchmarks/pages.sh orgcom_bench_members hanoi / /Members/Probation /Members/Badges /Members/Transfers
#   USERS="admin hanoi" benchmarks/pages.sh orgcom_bench_members      (default pages, for each user)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"
PORT="${ORGCOM_PG_PORT:-55432}"
DB="${1:?Cách dùng: benchmarks/pages.sh <cơ sở dữ liệu> [người dùng] [đường dẫn ...]}"
shift
USERS="${USERS:-${1:-hanoi}}"
[[ $# -gt 0 ]] && shift
PAGES=("$@")
[[ ${#PAGES[@]} -eq 0 ]] && PAGES=(/ /Members/Probation /Members/Badges /Members/Transfers "/Members/Search?q=nguyen+van+an")
REPEAT="${REPEAT:-5}"
URL=http://127.0.0.1:5093

orgcom_pg_start dev "$PORT" yes >/dev/null
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres"
dotnet build "$ROOT/src/OrgCom.Web" -c Release -nologo -v q >/dev/null
cd "$ROOT/src/OrgCom.Web"
OrgCom__AllowDemoAccounts=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/OrgCom.Web.dll serve --urls "$URL" >/tmp/orgcom-bench-pages.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done

echo "Máy: $(nproc) lõi, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; CSDL $DB; $REPEAT lần mỗi trang"
printf '%-10s %-45s %8s %8s %8s %6s\n' "người" "trang" "min s" "median s" "max s" "HTTP"
for user in $USERS; do
    jar=$(mktemp)
    token=$(curl -s -c "$jar" -b "$jar" "$URL/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=OrgCom@2026" \
        --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login"
    for page in "${PAGES[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$URL$page")
        times=$(for _ in $(seq 1 "$REPEAT"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$URL$page"; done | sort -n)
        printf '%-10s %-45s %8s %8s %8s %6s\n' "$user" "$page" "$(echo "$times" | head -1)" \
            "$(echo "$times" | sed -n "$(( (REPEAT + 1) / 2 ))p")" "$(echo "$times" | tail -1)" "$code"
    done
    rm -f "$jar"
done
