#!/usr/bin/env bash
# Chạy toàn bộ kiểm thử. Xem: ./test.sh --help
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

usage() {
    cat <<EOF
Cách dùng: ./test.sh [--stop | --help | tham số thêm cho dotnet test]

  (không tham số)  Khởi động cụm PostgreSQL 'test' (giữ chạy cho lần sau), build
                   và chạy mọi kiểm thử, in dòng tổng kết ở cuối.
  --stop           Dừng cụm PostgreSQL 'test'.
  --help           In hướng dẫn này.
  Tham số khác được chuyển nguyên cho dotnet test, ví dụ:
                   ./test.sh --filter "FullyQualifiedName~Import"

Biến môi trường:
  ORGCOM_TEST_PG_PORT  Cổng của cụm PostgreSQL 'test' (mặc định 55433).
EOF
}

case "${1:-}" in
    --help | -h)
        usage
        exit 0
        ;;
    --stop)
        orgcom_pg_stop test
        exit 0
        ;;
esac

# Prints "passed failed skipped" summed over the .trx files under $1.
sum_trx() {
    local dir="$1"
    if command -v python3 >/dev/null 2>&1 && python3 -c '' >/dev/null 2>&1; then
        python3 - "$dir" <<'PY'
import pathlib, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as err:
        print(f"[orgcom] Không đọc được {trx}: {err}", file=sys.stderr)
        failed += 1
        continue
    for counters in root.iter():
        if counters.tag.rsplit("}", 1)[-1] != "Counters":
            continue
        c = {k: int(v) for k, v in counters.attrib.items() if v.lstrip("-").isdigit()}
        p = c.get("passed", 0)
        f = sum(c.get(k, 0) for k in ("failed", "error", "timeout", "aborted"))
        passed += p
        failed += f
        skipped += max(c.get("total", 0) - p - f, 0)
print(passed, failed, skipped)
PY
    else
        local trx line p f e t a total
        local passed=0 failed=0 skipped=0
        while IFS= read -r -d '' trx; do
            line="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
            [[ -n "$line" ]] || continue
            total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$line")"
            p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")"
            f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")"
            e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$line")"
            t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$line")"
            a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$line")"
            f=$((${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
            passed=$((passed + ${p:-0}))
            failed=$((failed + f))
            if ((${total:-0} > ${p:-0} + f)); then
                skipped=$((skipped + ${total:-0} - ${p:-0} - f))
            fi
        done < <(find "$dir" -name '*.trx' -type f -print0)
        echo "$passed $failed $skipped"
    fi
}

# CI reads the last line, so it must be printed even when a step before the
# tests aborts the script (the exit code still reports the failure).
summary_printed=no
trap 'if [[ "$summary_printed" == no ]]; then echo "0 passed, 0 failed, 0 skipped"; fi' EXIT

orgcom_ensure_packages postgresql postgresql-contrib chromium fonts-dejavu-core poppler-utils

pg_port="${ORGCOM_TEST_PG_PORT:-55433}"
orgcom_pg_start test "$pg_port" no
export ORGCOM_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"
# Each test class starts its own app; watching appsettings for changes would take one inotify instance per app
# (128 per user by default, shared with everything else the user runs).
export DOTNET_hostBuilder__reloadConfigOnChange=false

command -v dotnet >/dev/null 2>&1 ||
    _orgcom_die "Không tìm thấy lệnh dotnet. Hãy cài .NET SDK 10 (xem global.json)."

cd "$ROOT"
results="$ROOT/TestResults/$(date +%Y%m%d-%H%M%S)"
if [[ -e "$results" ]]; then
    results="$results-$$"
fi
mkdir -p "$results"

build_rc=0
test_rc=0
echo "[orgcom] Build giải pháp (Release)..."
dotnet build OrgCom.slnx -c Release -nologo || build_rc=$?
if ((build_rc == 0)); then
    echo "[orgcom] Chạy kiểm thử, kết quả TRX trong ${results#"$ROOT"/}..."
    dotnet test OrgCom.slnx -c Release --no-build --logger "trx" --results-directory "$results" "$@" ||
        test_rc=$?
else
    echo "[orgcom] Build thất bại (mã $build_rc), không chạy kiểm thử." >&2
fi

sum_rc=0
summary="$(sum_trx "$results")" || sum_rc=$?
read -r passed failed skipped <<<"$summary" || true
passed="${passed:-0}" failed="${failed:-0}" skipped="${skipped:-0}"

rc=0
if ((build_rc != 0)); then
    rc=$build_rc
elif ((sum_rc != 0)); then
    echo "[orgcom] Không tổng hợp được kết quả từ các tệp TRX." >&2
    rc=1
elif ((failed > 0)); then
    echo "[orgcom] Có $failed kiểm thử thất bại." >&2
    rc=1
elif ((passed + failed == 0)); then
    echo "[orgcom] Không có kiểm thử nào được chạy." >&2
    rc=1
elif ((test_rc != 0)); then
    echo "[orgcom] dotnet test kết thúc với mã $test_rc." >&2
    rc=$test_rc
fi

summary_printed=yes
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
