#!/usr/bin/env bash
# Đo thông lượng nhật ký kiểm tra (audit log) của OrgCom:
#   (a) số dòng "xem hồ sơ" ghi được mỗi giây từ 16 luồng ghi đồng thời (mỗi dòng một giao dịch), khoảng 10 giây;
#   (b) tốc độ niêm phong (dòng/giây);
#   (c) thời gian verify-audit cho 100.000 dòng;
# kèm thông tin máy (nproc, CPU, bộ nhớ).
#
# Chỉ chạy trên một cơ sở dữ liệu TRỐNG dành riêng để đo: nhật ký chỉ ghi thêm, các dòng thử nghiệm không xóa được.
#
#   source scripts/pg.sh && orgcom_pg_start dev 55432 yes && orgcom_pg_createdb dev 55432 orgcom_bench
#   export ConnectionStrings__Default='Host=127.0.0.1;Port=55432;Database=orgcom_bench;Username=postgres'
#   dotnet src/OrgCom.Web/bin/Debug/net10.0/OrgCom.Web.dll migrate
#   benchmarks/audit-throughput.sh [--writers 16] [--seconds 10] [--seal-lines 200000] [--seal-interval-ms 1000]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${ConnectionStrings__Default:-}" ]]; then
    echo "[bench] Chưa đặt biến môi trường ConnectionStrings__Default (cơ sở dữ liệu trống đã migrate)." >&2
    exit 2
fi

dotnet build "$root/benchmarks/AuditBench/AuditBench.csproj" -c Release -nologo -v q >/dev/null
echo "[bench] $(date '+%d/%m/%Y %H:%M'), nproc=$(nproc)"
Logging__LogLevel__Default=Warning \
    dotnet "$root/benchmarks/AuditBench/bin/Release/net10.0/AuditBench.dll" "$@"
