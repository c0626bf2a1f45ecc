# Shared set-up for scripts/run and scripts/test. Every step is idempotent: safe to run on a fresh machine and again.
# shellcheck shell=bash
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$REPO/.data"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
# Ports derived from the checkout's path, so two clones on one machine never fight over a port.
PORT_BASE=$((55000 + 0x$(printf '%s' "$REPO" | sha256sum | cut -c1-4) % 400 * 2))
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m[pilerig]\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

ensure_dotnet() {
  command -v dotnet >/dev/null || { log "The .NET 10 SDK is required (dotnet on PATH)."; exit 1; }
}

# ensure_tool <command> <debian package>: installs the package when the command is missing.
ensure_tool() {
  if ! command -v "$1" >/dev/null; then
    log "Installing $2 from Debian's packages…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

ensure_postgres_binaries() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    log "Installing PostgreSQL $PG_VERSION from Debian's packages…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
  fi
}

# Runs a PostgreSQL binary as the cluster's owner: initdb and postgres refuse to run as root.
# From /, since runuser keeps the caller's directory, which the postgres user may not be allowed to enter.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A private cluster under .data/<name>, listening on 127.0.0.1 only, on the port given or — when that one is taken by
# something else — the next free one; the choice is remembered in .data/<name>.port.
#   ensure_cluster <name> <port> <durable|throwaway> [more postgres options]
# Sets PG_CONNECTION (to the 'postgres' database) and PG_PORT for the caller.
ensure_cluster() {
  local name="$1" port="$2" mode="$3" more="${4:-}"
  ensure_postgres_binaries
  mkdir -p "$DATA"
  local pgdata="$DATA/$name" sock="$DATA/$name-socket"
  [ -s "$DATA/$name.port" ] && port="$(cat "$DATA/$name.port")"

  if [ "$(id -u)" -eq 0 ]; then
    # The postgres user must be able to reach the folder; a repo under /root (0700) is not reachable, so the cluster
    # then lives in /var/lib/pilerig and .data/<name> links to it.
    if ! runuser -u postgres -- test -x "$DATA"; then
      local elsewhere
      elsewhere="/var/lib/pilerig/$(printf '%s' "$REPO" | sha256sum | cut -c1-12)"
      install -d -m 755 "$elsewhere"
      [ -L "$pgdata" ] || { rm -rf "$pgdata"; ln -s "$elsewhere/$name" "$pgdata"; }
      [ -L "$sock" ] || { rm -rf "$sock"; ln -s "$elsewhere/$name-socket" "$sock"; }
      pgdata="$elsewhere/$name"; sock="$elsewhere/$name-socket"
    fi
    install -d -m 700 -o postgres "$pgdata"
    install -d -m 755 -o postgres "$sock"
  else
    install -d -m 700 "$pgdata"; install -d -m 755 "$sock"
  fi

  if [ ! -s "$pgdata/PG_VERSION" ]; then
    log "Creating the PostgreSQL cluster $name in $pgdata…"
    pg_as_owner "$PG_BIN/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi

  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    while ! port_is_free "$port"; do port=$((port + 2)); done
  fi
  echo "$port" > "$DATA/$name.port"

  local options="-p $port -c listen_addresses=127.0.0.1 -k $sock"
  # Only the throw-away test cluster trades durability for speed; the product's cluster keeps PostgreSQL's defaults.
  [ "$mode" = throwaway ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  [ -n "$more" ] && options="$options $more"

  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "Starting PostgreSQL ($name) on 127.0.0.1:$port…"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 -o "$options" start >/dev/null
  fi
  PG_PORT="$port"
  PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

ensure_database() {
  local port="$1" db="$2"
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database \"$db\"" >/dev/null
  fi
}

# A random secret kept in .data (never committed): letters and digits, so it also satisfies the password policy.
ensure_secret() {
  local file="$DATA/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$DATA"
    (umask 077; { head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16; printf 'a1'; } > "$file")
  fi
  cat "$file"
}

# restore_and_build <configuration> <project or solution, relative to the repo>
# A random 32-byte key, base64, kept in .data (never committed).
ensure_key() {
  local file="$DATA/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$DATA"
    (umask 077; head -c 32 /dev/urandom | base64 -w0 > "$file")
  fi
  cat "$file"
}

restore_and_build() {
  log "Restoring and building $2 ($1)…"
  dotnet build "$REPO/$2" -c "$1" -nologo -v q -clp:ErrorsOnly
}

# The host as production runs it: Release, compiled ahead of time (ReadyToRun), into .data/host. Starts in well under
# half the time of the plain build output, which the JIT would compile method by method (ADR 0017).
publish_host() {
  log "Publishing the host (Release, ReadyToRun) to .data/host…"
  dotnet publish "$REPO/src/Host/PileRig.Host/PileRig.Host.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$DATA/host" -nologo -v q -clp:ErrorsOnly
}

ensure_node() {
  command -v npm >/dev/null || ensure_tool npm npm
}

# Installs the web client's packages exactly as package-lock.json says (again only when the lock changed) and builds
# web/dist, which the host serves at /app/ and /m/.
build_web() {
  ensure_node
  local stamp="$REPO/web/node_modules/.pilerig-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$REPO/web/package-lock.json" "$stamp"; then
    log "Installing the web client's packages (npm ci)…"
    (cd "$REPO/web" && npm ci --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' >&2 || true)
    [ -d "$REPO/web/node_modules/vite" ] || { log "npm ci failed."; exit 1; }
    cp "$REPO/web/package-lock.json" "$stamp"
  fi
  log "Building the web client…"
  (cd "$REPO/web" && npm run --silent build >/dev/null 2> >(grep -v 'Unknown user config' >&2))
}

# Debian's Chromium for the browser tests, with a CJK font (or Chinese renders as empty boxes).
ensure_chromium() {
  ensure_tool chromium chromium
  if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
    log "Installing fonts-noto-cjk from Debian's packages…"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  fi
}

free_port() {
  local port="$1"
  while ! port_is_free "$port"; do port=$((port + 1)); done
  echo "$port"
}
