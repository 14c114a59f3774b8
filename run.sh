#!/usr/bin/env bash
# Chạy OrgCom với dữ liệu demo. Xem: ./run.sh --help
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

WEB_DIR="$ROOT/src/OrgCom.Web"
DLL="$WEB_DIR/bin/Release/net10.0/OrgCom.Web.dll"
URL="${ORGCOM_URL:-http://127.0.0.1:5080}"

usage() {
    cat <<EOF
Cách dùng: ./run.sh [--stop | --help]

  (không tham số)  Khởi động PostgreSQL riêng của dự án (cụm 'dev'), tạo cơ sở dữ
                   liệu 'orgcom', build ứng dụng, chạy migrate, nạp dữ liệu demo
                   (chỉ khi cơ sở dữ liệu còn trống) rồi phục vụ web.
  --stop           Dừng cụm PostgreSQL 'dev'.
  --help           In hướng dẫn này.

Biến môi trường:
  ConnectionStrings__Default  Nếu đã đặt, dùng chuỗi kết nối này và không khởi
                              động PostgreSQL riêng.
  ORGCOM_PG_PORT              Cổng của cụm PostgreSQL 'dev' (mặc định 55432).
  ORGCOM_URL                  Địa chỉ web (mặc định http://127.0.0.1:5080).
EOF
}

case "${1:-}" in
    "") ;;
    --help | -h)
        usage
        exit 0
        ;;
    --stop)
        orgcom_pg_stop dev
        exit 0
        ;;
    *)
        echo "[orgcom] Tham số không hợp lệ: $1" >&2
        usage >&2
        exit 2
        ;;
esac

command -v dotnet >/dev/null 2>&1 ||
    _orgcom_die "Không tìm thấy lệnh dotnet. Hãy cài .NET SDK 10 (xem global.json)."

# Fail before the slow steps when the web port is already served (typically a
# previous ./run.sh still running).
if [[ "$URL" =~ ^https?://([^:/]+):([0-9]+) ]]; then
    url_host="${BASH_REMATCH[1]}"
    url_port="${BASH_REMATCH[2]}"
    case "$url_host" in
        0.0.0.0 | '*' | + | '[::]') url_host=127.0.0.1 ;;
    esac
    if (: <>"/dev/tcp/$url_host/$url_port") 2>/dev/null; then
        _orgcom_die "Đã có chương trình lắng nghe tại $URL (có thể ./run.sh đang chạy ở cửa sổ khác). Hãy dừng nó hoặc đặt ORGCOM_URL khác."
    fi
fi

if [[ -n "${ConnectionStrings__Default:-}" ]]; then
    echo "[orgcom] Dùng chuỗi kết nối có sẵn trong biến ConnectionStrings__Default, không khởi động PostgreSQL riêng."
else
    pg_port="${ORGCOM_PG_PORT:-55432}"
    orgcom_pg_start dev "$pg_port" yes
    orgcom_pg_createdb dev "$pg_port" orgcom
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Database=orgcom;Username=postgres"
fi

echo "[orgcom] Build ứng dụng (Release)..."
dotnet build "$WEB_DIR" -c Release -nologo -v q ||
    _orgcom_die "Build thất bại."

export ASPNETCORE_ENVIRONMENT=Production
# The app refuses to start in Production while demo accounts are active.
export OrgCom__AllowDemoAccounts=true

# The content root is the working directory: run from the project folder so
# appsettings*.json and wwwroot are found, as with `dotnet run`.
cd "$WEB_DIR"

echo "[orgcom] Cập nhật cấu trúc cơ sở dữ liệu (migrate)..."
dotnet "$DLL" migrate || _orgcom_die "Migrate thất bại."

echo "[orgcom] Nạp dữ liệu demo (bỏ qua nếu cơ sở dữ liệu đã có dữ liệu)..."
dotnet "$DLL" seed-demo || _orgcom_die "Nạp dữ liệu demo thất bại."

cat <<EOF

[orgcom] ------------------------------------------------------------
[orgcom] OrgCom đang khởi động tại: $URL
[orgcom] Tài khoản demo: xem danh sách in ở trên (mật khẩu chung: OrgCom@2026)
[orgcom] Nhấn Ctrl+C để dừng web; ./run.sh --stop để dừng PostgreSQL.
[orgcom] ------------------------------------------------------------

EOF
exec dotnet "$DLL" serve --urls "$URL"
