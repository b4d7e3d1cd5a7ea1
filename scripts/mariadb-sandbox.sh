#!/usr/bin/env bash
# Throwaway MariaDB server for binlogkit's tests, fixtures and CI.
#
# Usage:
#   scripts/mariadb-sandbox.sh ensure
#       Make sure mariadbd, mariadb-install-db, mariadb-admin, mariadb-binlog
#       and the mariadb client are installed. As root with apt-get available, installs Debian's
#       mariadb-server and mariadb-client (apt-get install -y); otherwise prints
#       how to install them and exits non-zero.
#   scripts/mariadb-sandbox.sh start <dir> [extra mariadbd options...]
#       Initialise <dir>/data (only if it does not exist yet) and start mariadbd:
#         --no-defaults (no /etc/mysql configs), bound to 127.0.0.1 on a free
#         port (written to <dir>/port), socket <dir>/mysqld.sock, pid file
#         <dir>/mysqld.pid, error log <dir>/error.log, --log-bin=<dir>/binlog,
#         temporary files in <dir>/tmp,
#         --server-id=1, then the extra options (which can override these).
#       Waits up to $SANDBOX_START_TIMEOUT seconds (default 30) for
#       `mariadb-admin ping`. root@localhost has no password (socket or TCP).
#       If a server for <dir> is already running it says so and exits 0.
#       An existing <dir>/data from an earlier (stopped) server is reused; use
#       a fresh <dir> for a clean server.
#   scripts/mariadb-sandbox.sh stop <dir>
#       mariadb-admin shutdown, wait for the pid to exit, kill as last resort.
#   scripts/mariadb-sandbox.sh sql <dir> [mariadb client args...]
#       Runs `mariadb --no-defaults --socket=<dir>/mysqld.sock --user=root ...`.
#   scripts/mariadb-sandbox.sh admin <dir> [mariadb-admin args...]
#       Same for mariadb-admin.
#   scripts/mariadb-sandbox.sh status <dir>
#       Exit 0 and print pid/port if a server for <dir> is running, else 1.
#
# No systemd, service or systemctl is used; everything runs as child
# processes (mariadbd is detached with setsid so it outlives this script).
set -euo pipefail

# mariadbd lives in /usr/sbin on Debian, which a non-root PATH may lack.
PATH="$PATH:/usr/sbin:/sbin"
export PATH

PROG=${0##*/}

die() {
    echo "$PROG: error: $*" >&2
    exit 1
}

info() {
    echo "$PROG: $*" >&2
}

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
}

REQUIRED_TOOLS=(mariadbd mariadb-install-db mariadb-admin mariadb mariadb-binlog)

missing_tools() {
    local t out=()
    for t in "${REQUIRED_TOOLS[@]}"; do
        command -v "$t" >/dev/null 2>&1 || out+=("$t")
    done
    echo "${out[*]:-}"
}

cmd_ensure() {
    local missing
    missing=$(missing_tools)
    if [[ -z "$missing" ]]; then
        info "MariaDB is installed: $(mariadbd --version)"
        return 0
    fi
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        info "missing: $missing; installing mariadb-server and mariadb-client with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        # The package lists may be empty or stale on a fresh machine.
        apt-get update
        apt-get install -y mariadb-server mariadb-client
        missing=$(missing_tools)
        [[ -z "$missing" ]] || die "still missing after apt-get install: $missing"
        info "installed: $(mariadbd --version)"
        return 0
    fi
    cat >&2 <<EOF
$PROG: MariaDB is not installed (missing: $missing).
Install the server and client, e.g. on Debian/Ubuntu:
    sudo apt-get update && sudo apt-get install -y mariadb-server mariadb-client
(Only the binaries are needed; this script never uses the system service.)
EOF
    return 1
}

# --- helpers on a sandbox directory ---------------------------------------

abs_dir() {
    # Absolute path of $1 (which must exist).
    (cd "$1" && pwd -P)
}

sandbox_pid() {
    # Prints the pid of the running server of sandbox dir $1, or fails.
    local dir=$1 pid
    [[ -s "$dir/mysqld.pid" ]] || return 1
    pid=$(<"$dir/mysqld.pid")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # Guard against pid reuse: the process must be a mariadbd.
    if [[ -r "/proc/$pid/comm" ]]; then
        case $(<"/proc/$pid/comm") in
            mariadbd|mysqld) ;;
            *) return 1 ;;
        esac
    fi
    echo "$pid"
}

admin() {
    local dir=$1
    shift
    mariadb-admin --no-defaults --socket="$dir/mysqld.sock" --user=root "$@"
}

port_in_use() {
    # True if something accepts TCP connections on 127.0.0.1:$1, or the port
    # is bound in any state (checked via /proc/net/tcp{,6} when readable).
    local port=$1 hex
    printf -v hex '%04X' "$port"
    if [[ -r /proc/net/tcp ]] &&
        awk -v p=":$hex" 'NR > 1 && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
            /proc/net/tcp /proc/net/tcp6 2>/dev/null; then
        return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

pick_port() {
    local _ port
    for _ in $(seq 1 200); do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "could not find a free TCP port"
}

log_tail() {
    local dir=$1
    if [[ -f "$dir/error.log" ]]; then
        echo "---- last 40 lines of $dir/error.log ----" >&2
        tail -n 40 "$dir/error.log" >&2
        echo "----" >&2
    else
        echo "($dir/error.log does not exist)" >&2
    fi
}

# --- subcommands ------------------------------------------------------------

cmd_start() {
    [[ $# -ge 1 ]] || usage
    local dir=$1
    shift
    local missing
    missing=$(missing_tools)
    [[ -z "$missing" ]] || die "missing $missing; run '$0 ensure' first"

    mkdir -p "$dir"
    dir=$(abs_dir "$dir")

    local pid
    if pid=$(sandbox_pid "$dir"); then
        info "server for $dir is already running (pid $pid, port $(cat "$dir/port" 2>/dev/null || echo '?'), socket $dir/mysqld.sock)"
        return 0
    fi
    rm -f "$dir/mysqld.pid" "$dir/mysqld.sock" "$dir/mysqld.sock.lock"

    # The unix socket path has a hard limit of 107 bytes.
    if (( ${#dir} + 12 > 107 )); then
        die "socket path $dir/mysqld.sock is too long for a unix socket; use a shorter <dir>"
    fi

    # mariadbd refuses to run as root unless told to.
    local user_opt=()
    if [[ $EUID -eq 0 ]]; then
        user_opt=(--user=root)
    fi

    if [[ ! -d "$dir/data/mysql" ]]; then
        rm -rf "$dir/data"
        mkdir -p "$dir/data"
        info "initialising $dir/data (log: $dir/install-db.log)"
        # 'normal': root@localhost logs in with an empty password, whoever the
        # OS user is (socket auth would only work for the OS user 'root').
        # A private tmpdir: servers sharing /tmp can collide on temporary table
        # names (seen: "Error on delete of '/tmp/#sql-temptable-...'" during install).
        mkdir -p "$dir/tmp"
        if ! mariadb-install-db --no-defaults \
            --datadir="$dir/data" \
            --tmpdir="$dir/tmp" \
            "${user_opt[@]}" \
            --auth-root-authentication-method=normal \
            --skip-test-db \
            --skip-name-resolve \
            >"$dir/install-db.log" 2>&1; then
            echo "---- $dir/install-db.log ----" >&2
            tail -n 40 "$dir/install-db.log" >&2
            rm -rf "$dir/data"
            die "mariadb-install-db failed"
        fi
    fi

    local timeout=${SANDBOX_START_TIMEOUT:-30}
    local attempt port server_pid t
    for attempt in 1 2 3; do
        port=$(pick_port)
        echo "$port" >"$dir/port"
        info "starting mariadbd for $dir on 127.0.0.1:$port (attempt $attempt)"
        # Mark where this attempt's log starts, for the bind-failure check.
        local log_start=0
        [[ -f "$dir/error.log" ]] && log_start=$(wc -c <"$dir/error.log")
        # setsid + nohup: the server must outlive this script and not get
        # our terminal's signals.
        mkdir -p "$dir/tmp"
        setsid nohup mariadbd --no-defaults \
            --datadir="$dir/data" \
            --tmpdir="$dir/tmp" \
            "${user_opt[@]}" \
            --bind-address=127.0.0.1 \
            --port="$port" \
            --socket="$dir/mysqld.sock" \
            --pid-file="$dir/mysqld.pid" \
            --log-error="$dir/error.log" \
            --log-bin="$dir/binlog" \
            --server-id=1 \
            --skip-name-resolve \
            "$@" \
            </dev/null >>"$dir/mariadbd.out" 2>&1 &
        server_pid=$!
        echo "$server_pid" >"$dir/launcher.pid"

        # Wait for it to answer (poll every 0.25 s).
        local up=0 dead=0
        for ((t = 0; t < timeout * 4; t++)); do
            if ! kill -0 "$server_pid" 2>/dev/null; then
                dead=1
                break
            fi
            if admin "$dir" --connect-timeout=2 ping >/dev/null 2>&1; then
                up=1
                break
            fi
            sleep 0.25
        done
        if ((up)); then
            # mariadbd writes the pid file itself; make sure it is there.
            for ((t = 0; t < 20; t++)); do
                [[ -s "$dir/mysqld.pid" ]] && break
                sleep 0.1
            done
            [[ -s "$dir/mysqld.pid" ]] || echo "$server_pid" >"$dir/mysqld.pid"
            info "up: pid $(<"$dir/mysqld.pid"), port $port, socket $dir/mysqld.sock"
            return 0
        fi
        if ((dead)); then
            wait "$server_pid" 2>/dev/null || true
            # Lost a race for the port? Try another one.
            if [[ -f "$dir/error.log" ]] &&
                tail -c +"$((log_start + 1))" "$dir/error.log" | grep -q -e 'Bind on TCP/IP port' -e 'Address already in use'; then
                info "port $port was taken; retrying"
                continue
            fi
            log_tail "$dir"
            [[ -s "$dir/mariadbd.out" ]] && { echo "---- $dir/mariadbd.out ----" >&2; tail -n 20 "$dir/mariadbd.out" >&2; }
            die "mariadbd exited during startup"
        fi
        # Still running but not answering: kill it and give up.
        kill -TERM "$server_pid" 2>/dev/null || true
        sleep 2
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        log_tail "$dir"
        die "mariadbd did not answer 'mariadb-admin ping' within ${timeout}s"
    done
    log_tail "$dir"
    die "mariadbd could not bind a port after 3 attempts"
}

wait_gone() {
    # wait_gone <pid> <seconds>: true once the pid is gone.
    local pid=$1 secs=$2 t
    for ((t = 0; t < secs * 10; t++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    ! kill -0 "$pid" 2>/dev/null
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    local dir=$1
    [[ -d "$dir" ]] || { info "$dir does not exist; nothing to stop"; return 0; }
    dir=$(abs_dir "$dir")
    local pid
    if ! pid=$(sandbox_pid "$dir"); then
        # Maybe it died before writing the pid file: try the launcher pid.
        if [[ -s "$dir/launcher.pid" ]] && kill -0 "$(<"$dir/launcher.pid")" 2>/dev/null &&
            [[ $(cat "/proc/$(<"$dir/launcher.pid")/comm" 2>/dev/null) == mariadbd ]]; then
            pid=$(<"$dir/launcher.pid")
        else
            info "no server running for $dir"
            rm -f "$dir/mysqld.pid" "$dir/launcher.pid"
            return 0
        fi
    fi
    info "stopping mariadbd pid $pid ($dir)"
    if admin "$dir" --connect-timeout=5 shutdown >/dev/null 2>&1 && wait_gone "$pid" 60; then
        info "stopped cleanly"
    else
        info "clean shutdown failed or timed out; sending SIGTERM"
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" 30; then
            info "still running; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 10 || die "could not kill pid $pid"
        fi
        log_tail "$dir"
    fi
    rm -f "$dir/mysqld.pid" "$dir/launcher.pid"
}

cmd_sql() {
    [[ $# -ge 1 ]] || usage
    local dir=$1
    shift
    [[ -S "$dir/mysqld.sock" ]] || die "no server socket at $dir/mysqld.sock (start it first)"
    exec mariadb --no-defaults --socket="$dir/mysqld.sock" --user=root "$@"
}

cmd_admin() {
    [[ $# -ge 1 ]] || usage
    local dir=$1
    shift
    exec mariadb-admin --no-defaults --socket="$dir/mysqld.sock" --user=root "$@"
}

cmd_status() {
    [[ $# -eq 1 ]] || usage
    local dir=$1 pid
    if [[ -d "$dir" ]] && pid=$(sandbox_pid "$dir"); then
        echo "running pid=$pid port=$(cat "$dir/port" 2>/dev/null || echo '?') socket=$(abs_dir "$dir")/mysqld.sock"
        return 0
    fi
    echo "not running"
    return 1
}

[[ $# -ge 1 ]] || usage
sub=$1
shift
case $sub in
    ensure) [[ $# -eq 0 ]] || usage; cmd_ensure ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    sql) cmd_sql "$@" ;;
    admin) cmd_admin "$@" ;;
    status) cmd_status "$@" ;;
    -h | --help | help) usage ;;
    *) echo "$PROG: unknown subcommand '$sub'" >&2; usage ;;
esac
