# shellcheck shell=bash
# Thư viện dùng chung cho run.sh và test.sh: cài gói Debian và chạy một cụm
# PostgreSQL 15 riêng của dự án. Chỉ dùng bằng `source scripts/pg.sh`.
#
# Không bật `set -euo pipefail` ở đây: lệnh `source` sẽ áp nó lên shell của
# người gọi (kể cả shell tương tác). Các script gọi tự bật, và mọi hàm dưới đây
# tự kiểm tra lỗi nên chạy đúng cả khi có lẫn không có `set -e`.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    echo "[orgcom] scripts/pg.sh là thư viện, hãy dùng: source scripts/pg.sh" >&2
    exit 1
fi

ORGCOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ! -f "$ORGCOM_ROOT/OrgCom.slnx" ]]; then
    echo "[orgcom] Không tìm thấy OrgCom.slnx trong $ORGCOM_ROOT." >&2
    return 1
fi
ORGCOM_PG_BIN=/usr/lib/postgresql/15/bin
_orgcom_apt_updated=no

_orgcom_die() {
    echo "[orgcom] $*" >&2
    exit 1
}

_orgcom_is_root() {
    [[ "$(id -u)" -eq 0 ]]
}

orgcom_ensure_packages() {
    local pkg status
    local -a missing=()
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "[orgcom] Không có dpkg (không phải Debian?), bỏ qua kiểm tra gói: $*" >&2
        return 0
    fi
    for pkg in "$@"; do
        # `dpkg -s` also succeeds for removed packages that left config files.
        status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
        [[ "$status" == installed ]] || missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0

    if ! _orgcom_is_root; then
        _orgcom_die "Thiếu gói Debian: ${missing[*]}. Hãy cài bằng quyền root: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    echo "[orgcom] Đang cài gói còn thiếu: ${missing[*]}"
    if [[ "$_orgcom_apt_updated" != yes ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
            _orgcom_die "apt-get update thất bại."
        _orgcom_apt_updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
        _orgcom_die "Không cài được: ${missing[*]}."
}

# Runs a command as the owner of the clusters: `postgres` when we are root
# (PostgreSQL refuses to run as root), otherwise the current user. `cd /` keeps
# postgres from complaining about an unreadable working directory such as /root.
_orgcom_as_owner() {
    if _orgcom_is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

_orgcom_pg_fallback_base() {
    local sha
    sha="$(printf '%s' "$ORGCOM_ROOT" | sha1sum | cut -c1-12)"
    printf '/var/tmp/orgcom-pg-%s' "$sha"
}

# Prints the folder holding the clusters, creating it (and the cluster folder
# NAME, owned by the cluster owner) when needed. Falls back to /var/tmp when
# postgres cannot reach the checkout (e.g. under /root, which is 0700) or the
# file system refuses chown.
_orgcom_pg_prepare_base() {
    local name="$1" base
    base="$ORGCOM_ROOT/.pg"
    if ! _orgcom_is_root; then
        mkdir -p "$base/$name" || _orgcom_die "Không tạo được thư mục $base/$name."
        chmod 700 "$base/$name"
        printf '%s' "$base"
        return 0
    fi
    if runuser -u postgres -- test -x "$ORGCOM_ROOT" &&
        mkdir -p "$base/$name" && chmod 755 "$base" &&
        chown postgres:postgres "$base/$name" && chmod 700 "$base/$name" &&
        runuser -u postgres -- test -w "$base/$name"; then
        printf '%s' "$base"
        return 0
    fi
    base="$(_orgcom_pg_fallback_base)"
    echo "[orgcom] Người dùng postgres không truy cập được $ORGCOM_ROOT/.pg, dùng $base thay thế." >&2
    if ! { mkdir -p "$base/$name" && chmod 755 "$base" &&
        chown postgres:postgres "$base/$name" && chmod 700 "$base/$name"; }; then
        _orgcom_die "Không tạo được thư mục $base/$name."
    fi
    printf '%s' "$base"
}

# Unix socket paths are limited to ~107 bytes; a deep checkout would overflow.
_orgcom_pg_socket_dir() {
    local base="$1" name="$2" dir
    dir="$base/$name-socket"
    if ((${#dir} > 80)); then
        dir="/tmp/orgcom-$(printf '%s' "$ORGCOM_ROOT" | sha1sum | cut -c1-12)-$name"
    fi
    printf '%s' "$dir"
}

# Prints running, stale or stopped. After a container restart the PID in
# postmaster.pid may belong to an unrelated process, which makes `pg_ctl status`
# report a running server (and `pg_ctl stop` signal the wrong process).
_orgcom_pg_state() {
    local datadir="$1" pid comm
    if [[ ! -f "$datadir/PG_VERSION" ]] ||
        ! _orgcom_as_owner "$ORGCOM_PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
        echo stopped
        return 0
    fi
    pid="$(_orgcom_as_owner head -n 1 "$datadir/postmaster.pid" 2>/dev/null || true)"
    comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
    # An unreadable /proc (hidepid) is trusted as running rather than guessed.
    if [[ -n "$comm" && "$comm" != postgres && "$comm" != postmaster ]]; then
        echo stale
    else
        echo running
    fi
}

_orgcom_port_in_use() {
    (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_orgcom_pg_log_tail() {
    local log="$1/server.log"
    echo "[orgcom] 30 dòng cuối của $log:" >&2
    _orgcom_as_owner tail -n 30 "$log" >&2 || true
}

orgcom_pg_start() {
    local name="${1:?tên cụm}" port="${2:?cổng}" durable="${3:?yes|no}"
    local base datadir sockdir running_port out
    local -a opts initdb_opts

    [[ "$port" =~ ^[0-9]+$ ]] || _orgcom_die "Cổng không hợp lệ: $port"
    [[ "$durable" == yes || "$durable" == no ]] || _orgcom_die "Tham số DURABLE phải là yes hoặc no, nhận được: $durable"
    orgcom_ensure_packages postgresql postgresql-contrib
    [[ -x "$ORGCOM_PG_BIN/pg_ctl" ]] || _orgcom_die "Không thấy PostgreSQL 15 tại $ORGCOM_PG_BIN."

    base="$(_orgcom_pg_prepare_base "$name")" || exit 1
    datadir="$base/$name"
    sockdir="$(_orgcom_pg_socket_dir "$base" "$name")"

    case "$(_orgcom_pg_state "$datadir")" in
        running)
            running_port="$(_orgcom_as_owner sed -n 4p "$datadir/postmaster.pid" 2>/dev/null || true)"
            if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
                _orgcom_die "Cụm '$name' đang chạy ở cổng $running_port, không phải $port. Hãy dừng nó trước (--stop)."
            fi
            echo "[orgcom] Cụm PostgreSQL '$name' đã chạy sẵn ở cổng $port."
            export ORGCOM_PG_HOST=127.0.0.1 ORGCOM_PG_PORT="$port"
            return 0
            ;;
        stale)
            echo "[orgcom] Tệp postmaster.pid của cụm '$name' đã cũ (PID thuộc tiến trình khác), xoá và khởi động lại."
            _orgcom_as_owner rm -f "$datadir/postmaster.pid"
            ;;
    esac

    if _orgcom_port_in_use "$port"; then
        _orgcom_die "Cổng $port trên 127.0.0.1 đang bị chương trình khác dùng. Hãy chọn cổng khác (biến ORGCOM_PG_PORT cho run.sh, ORGCOM_TEST_PG_PORT cho test.sh)."
    fi

    if [[ ! -f "$datadir/PG_VERSION" ]]; then
        echo "[orgcom] Khởi tạo cụm PostgreSQL '$name' tại $datadir..."
        # trust is acceptable: the server listens only on 127.0.0.1 and on a
        # socket folder that only the cluster owner can enter.
        initdb_opts=(-D "$datadir" -E UTF8 --locale=C.UTF-8 --locale-provider=libc -U postgres --auth=trust)
        if [[ "$durable" == no ]]; then
            initdb_opts+=(--no-sync)
        fi
        out="$(_orgcom_as_owner "$ORGCOM_PG_BIN/initdb" "${initdb_opts[@]}" 2>&1)" || {
            echo "$out" >&2
            _orgcom_die "initdb thất bại cho cụm '$name' (thư mục $datadir)."
        }
    elif [[ "$(cat "$datadir/PG_VERSION")" != 15 ]]; then
        _orgcom_die "Thư mục $datadir chứa cụm PostgreSQL phiên bản $(cat "$datadir/PG_VERSION"), cần 15."
    fi

    if ! { mkdir -p "$sockdir" && chmod 700 "$sockdir"; }; then
        _orgcom_die "Không tạo được thư mục socket $sockdir."
    fi
    if _orgcom_is_root; then
        chown postgres:postgres "$sockdir" || _orgcom_die "Không chown được $sockdir."
    fi

    # pg_ctl hands -o to /bin/sh, hence the single quotes around the path.
    opts=(-p "$port" -k "'$sockdir'" -c listen_addresses=127.0.0.1
        -c max_connections=200 -c shared_buffers=256MB)
    if [[ "$durable" == no ]]; then
        opts+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
    fi

    echo "[orgcom] Khởi động cụm PostgreSQL '$name' ở cổng $port..."
    if ! _orgcom_as_owner "$ORGCOM_PG_BIN/pg_ctl" -D "$datadir" -w -l "$datadir/server.log" \
        start -o "${opts[*]}" >/dev/null; then
        _orgcom_pg_log_tail "$datadir"
        _orgcom_die "Không khởi động được cụm PostgreSQL '$name'."
    fi
    export ORGCOM_PG_HOST=127.0.0.1 ORGCOM_PG_PORT="$port"
}

orgcom_pg_stop() {
    local name="${1:?tên cụm}" datadir stopped=no
    # Both candidate locations: start may have fallen back to /var/tmp.
    for datadir in "$ORGCOM_ROOT/.pg/$name" "$(_orgcom_pg_fallback_base)/$name"; do
        case "$(_orgcom_pg_state "$datadir")" in
            stale)
                echo "[orgcom] Cụm PostgreSQL '$name' không chạy (postmaster.pid cũ, đã xoá)."
                _orgcom_as_owner rm -f "$datadir/postmaster.pid"
                stopped=yes
                ;;
            running)
                echo "[orgcom] Dừng cụm PostgreSQL '$name' ($datadir)..."
                _orgcom_as_owner "$ORGCOM_PG_BIN/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null ||
                    _orgcom_die "Không dừng được cụm '$name'."
                stopped=yes
                ;;
        esac
    done
    [[ "$stopped" == yes ]] || echo "[orgcom] Cụm PostgreSQL '$name' không chạy."
}

_orgcom_psql() {
    local psql="$ORGCOM_PG_BIN/psql"
    [[ -x "$psql" ]] || psql=/usr/bin/psql
    "$psql" -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 "${@:2}"
}

orgcom_pg_createdb() {
    local name="${1:?tên cụm}" port="${2:?cổng}" db="${3:?tên cơ sở dữ liệu}" exists
    # psql does not interpolate :'var' in -c, so the SQL goes through stdin.
    exists="$(_orgcom_psql "$port" -tA -v db="$db" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
)" || _orgcom_die "Không kết nối được cụm '$name' ở cổng $port."
    if [[ "$exists" == 1 ]]; then
        echo "[orgcom] Cơ sở dữ liệu '$db' đã có."
        return 0
    fi
    _orgcom_psql "$port" -v db="$db" <<'SQL' || _orgcom_die "Không tạo được cơ sở dữ liệu '$db'."
CREATE DATABASE :"db" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8';
SQL
    echo "[orgcom] Đã tạo cơ sở dữ liệu '$db' (đối chiếu tiếng Việt ICU vi-VN)."
}
