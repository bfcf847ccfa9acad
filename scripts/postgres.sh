# Shell helpers for a throw-away local PostgreSQL server (sourced by bench/run.sh). Source scripts/registry.sh first
# (free_port). initdb and postgres refuse to run as root: as root they run as the postgres user of Debian's package.

# postgres_start DIR -> sets PG_PID, PG_URL (postgres://tidemark@127.0.0.1:PORT/tidemark, no password in it) and
# exports PGPASSWORD (made up here) for Tidemark, which Npgsql reads.
postgres_start() {
  local dir="$1" port bin as=()
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  [ -x "$bin/initdb" ] || { echo "postgres_start: install the postgresql package (scripts/ensure-deps.sh)" >&2; return 1; }
  port="$(free_port)"
  mkdir -p "$dir"
  export PGPASSWORD="pw-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$PGPASSWORD" > "$dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$dir"
    as=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U tidemark --pwfile "$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --no-locale --no-instructions > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  "${as[@]}" "$bin/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses=127.0.0.1 > "$dir/postgres.log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 1 100); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.1
  done
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U tidemark -d postgres -c 'CREATE DATABASE tidemark' >/dev/null || { cat "$dir/postgres.log" >&2; return 1; }
  PG_URL="postgres://tidemark@127.0.0.1:$port/tidemark"
}

postgres_stop() {
  [ -n "${PG_PID:-}" ] && kill -INT "$PG_PID" 2>/dev/null && wait "$PG_PID" 2>/dev/null
  PG_PID=
}
