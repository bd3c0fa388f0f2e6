#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster on 127.0.0.1 for the test suite, or stop and delete it.
#
#   url=$(bash scripts/start_postgres.sh --dir /tmp/wb-pg)    # prints the database URL, nothing else
#   export WORKBENCH_TEST_POSTGRES_URL=$url
#   bash scripts/start_postgres.sh --stop /tmp/wb-pg           # stop the server, delete the cluster
#
# As root it uses Debian's pg_createcluster / pg_dropcluster (the server runs as the postgres OS
# user); as any other user it runs initdb and pg_ctl directly inside --dir.  Either way the data,
# socket and log live in --dir, authentication is "trust" on the socket and on 127.0.0.1 only,
# and durability is switched off because the data is thrown away.
set -euo pipefail

readonly DATABASE=workbench_test

usage() {
    echo "usage: $0 [--dir DIR] | --stop DIR" >&2
    exit 2
}

pg_bin_dir() {
    local version
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
    if [[ -z "$version" || ! -x "/usr/lib/postgresql/$version/bin/postgres" ]]; then
        echo "start_postgres: no PostgreSQL server found under /usr/lib/postgresql" \
            "(Debian: apt-get install postgresql)" >&2
        exit 1
    fi
    echo "/usr/lib/postgresql/$version/bin"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local dir=$1 bin version port name
    bin=$(pg_bin_dir)
    version=$(basename "$(dirname "$bin")")
    port=$(free_port)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $(id -u) == 0 ]]; then
        name="wbtest_$(basename "$dir" | tr -c 'a-zA-Z0-9_\n' _)"
        chown postgres: "$dir"
        printf 'mode=cluster\nversion=%s\nname=%s\nport=%s\n' "$version" "$name" "$port" >"$dir/cluster.env"
        local -a pgoptions=(-o fsync=off -o synchronous_commit=off -o full_page_writes=off)
        pg_createcluster --quiet --port "$port" --datadir "$dir/data" --socketdir "$dir" \
            --logfile "$dir/server.log" --start-conf manual "${pgoptions[@]}" "$version" "$name" \
            -- --auth-local=trust --auth-host=trust --username=postgres >&2
        # Set apart: pg_createcluster -o writes an address unquoted, which postgres rejects.
        echo "listen_addresses = '127.0.0.1'" >"/etc/postgresql/$version/$name/conf.d/listen.conf"
        pg_ctlcluster "$version" "$name" start >&2
    else
        printf 'mode=local\nbin=%s\nport=%s\n' "$bin" "$port" >"$dir/cluster.env"
        "$bin/initdb" --pgdata "$dir/data" --auth=trust --username=postgres --encoding=UTF8 >"$dir/initdb.log"
        # A disposable server: no fsync, local socket in our own directory.
        local options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir"
        options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        "$bin/pg_ctl" --pgdata "$dir/data" --log "$dir/server.log" --wait --options "$options" start >&2
    fi
    local tries
    for ((tries = 0; tries < 100; tries++)); do
        "$bin/pg_isready" --quiet --host 127.0.0.1 --port "$port" && break
        sleep 0.1
    done
    "$bin/createdb" --host 127.0.0.1 --port "$port" --username postgres "$DATABASE"
    echo "PostgreSQL on 127.0.0.1:$port; stop and delete it with: bash $0 --stop $dir" >&2
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/$DATABASE"
}

stop() {
    local dir=$1
    [[ -f "$dir/cluster.env" ]] || { rm -rf "$dir"; return 0; }
    local mode="" version="" name="" bin=""
    # shellcheck disable=SC1091
    source "$dir/cluster.env"
    if [[ $mode == cluster ]]; then
        pg_dropcluster --stop "$version" "$name" >&2 || true
    elif [[ -f "$dir/data/postmaster.pid" ]]; then
        "$bin/pg_ctl" --pgdata "$dir/data" --mode immediate --wait stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    --stop) [[ $# == 2 ]] || usage; stop "$2" ;;
    --dir) [[ $# == 2 ]] || usage; start "$2" ;;
    "") start "$(mktemp -d "${TMPDIR:-/tmp}/workbench-pg.XXXXXX")" ;;
    *) usage ;;
esac
