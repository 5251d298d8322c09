# Shared by the bench scripts: tools, cleanup, ports, the server, nginx and wrk. Source it after
# setting `here` and `root`; it sets `tmp`, `java_opts`, and the functions below.

duration="${BENCH_DURATION:-15s}"
warmup="${BENCH_WARMUP:-5s}"
warmup_max="${BENCH_WARMUP_MAX:-40s}"
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

# Everything started is recorded so that an interrupted run leaves nothing behind.
pids=()
cleanups=()
stop() {  # stop PID: polite TERM first (the server drains requests), then KILL.
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$? pid c
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do stop "$pid"; done
  for c in "${cleanups[@]}"; do eval "$c" || true; done
  [ -n "${tmp:-}" ] && rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need_tools() {  # need_tools DEBIAN_PACKAGE...: installs what is missing (wrk, nginx, curl always)
  local missing=() p
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v curl >/dev/null || missing+=(curl)
  for p in "$@"; do command -v "$p" >/dev/null || missing+=("$p"); done
  if ((${#missing[@]})); then
    say "installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >&2 || { apt-get update -q >&2; apt-get install -y -q "${missing[@]}" >&2; }
  fi
}

prepare() {  # the JDK, the JVM flags of ./switchboard, a private copy of the jar in a temp dir
  JAVA_HOME="$("$root/scripts/java-home")"
  export JAVA_HOME
  local jar="$root/target/switchboard.jar"
  # Rebuilt when a source is newer: a stale jar would measure yesterday's code.
  if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
    (cd "$root" && ./mvnw -B -q package -DskipTests -DskipITs) >&2
  fi
  local launcher_opts
  launcher_opts="$(sed -n 's/.*\${JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$root/switchboard" | head -n 1)"
  [ -n "$launcher_opts" ] || die "could not read the default JVM flags from ./switchboard"
  read -r -a java_opts <<<"${JAVA_OPTS:-$launcher_opts}"
  local arenas
  arenas="$(sed -n 's/.*MALLOC_ARENA_MAX:-\([0-9]*\)}.*/\1/p' "$root/switchboard" | head -n 1)"
  [ -n "$arenas" ] && export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-$arenas}"
  tmp="$(mktemp -d -t switchboard-bench.XXXXXX)"
  chmod 755 "$tmp"
  cp "$jar" "$tmp/switchboard.jar"
}

free_port() {  # below the ephemeral range, where wrk's own connections would make a probe flaky
  local p _
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

sb() { "$JAVA_HOME/bin/java" "${java_opts[@]}" "${aot_opts[@]}" -jar "$tmp/switchboard.jar" "$@"; }

# record_aot [NAME [JDBC_URL]]: what ./switchboard does on a JDK >= 25 (its first `serve` records
# an AOT cache that later starts map): one training start, stopped after the first ping, on a
# throwaway SQLite store, or on JDBC_URL (a throwaway PostgreSQL database: an operator on PostgreSQL
# records the cache on PostgreSQL, so its driver's and migrations' classes are in it). Sets aot_opts
# for the later starts and untrained_ms (that first start, without a cache). BENCH_AOT=off measures
# without a cache.
aot_opts=()
untrained_ms=""
record_aot() {
  local name="${1:-switchboard}" url="${2:-}" major
  aot_opts=()
  untrained_ms=""
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)"
  [ "${BENCH_AOT:-on}" != off ] && [ "${major:-0}" -ge 25 ] || return 0
  (
    export SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT="$(free_port)" SWITCHBOARD_DATA_DIR="$tmp/aot-$name"
    export SWITCHBOARD_LOG_LEVEL=warning SWITCHBOARD_PHONED_HTTP_ENABLED=false SWITCHBOARD_PHONED_HTTPS_ENABLED=false SWITCHBOARD_SIP_ENABLED=false
    if [ -n "$url" ]; then export SWITCHBOARD_DATABASE_URL="$url"; else unset SWITCHBOARD_DATABASE_URL SWITCHBOARD_DATABASE_USER; fi
    aot_opts=("-XX:AOTCacheOutput=$tmp/$name.aot")
    # The launcher's recording flags (no method profiles), where this JDK has them.
    local record_opts
    record_opts="$(sed -n 's/^aot_record_opts="\(.*\)"$/\1/p' "$root/switchboard")"
    # shellcheck disable=SC2086 # several flags
    if [ -n "$record_opts" ] && "$JAVA_HOME/bin/java" $record_opts -version >/dev/null 2>&1; then
      read -r -a aot_opts <<<"$record_opts -XX:AOTCacheOutput=$tmp/$name.aot"
    fi
    start_server "$tmp/aot-$name.log"
    echo "$startup_ms" >"$tmp/untrained-$name-ms"
    # The cache is written as the JVM exits, which takes a while: wait for it, not stop's 15 s.
    kill -TERM "$server_pid"
    wait "$server_pid" || true
  )
  [ -f "$tmp/$name.aot" ] || die "no AOT cache recorded (see $tmp/aot-$name.log)"
  untrained_ms="$(cat "$tmp/untrained-$name-ms")"
  aot_opts=("-XX:AOTCache=$tmp/$name.aot")
}

# ping_ok PORT: true when GET /api/ping answers 200. Bash builtins only: a curl per probe cost about
# 24 ms of CPU here, taken every 20 ms from the two cores the start it times runs on.
ping_ok() {
  local status=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  IFS=' ' read -r -t 5 _ status _ <&3 || true
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}

start_server() {  # start_server LOG: sets server_pid and startup_ms (process start to the first /api/ping 200)
  local log="$1" started i
  started=$(date +%s%N)
  local extra=()
  # BENCH_SERVER_OPTS: extra JVM flags for the server only (a JFR recording, say), not for the CLI.
  read -r -a extra <<<"${BENCH_SERVER_OPTS:-}"
  (exec "$JAVA_HOME/bin/java" "${java_opts[@]}" "${aot_opts[@]}" "${extra[@]}" -jar "$tmp/switchboard.jar" serve) >>"$log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for ((i = 0; i < 3000; i++)); do
    ping_ok "$SWITCHBOARD_HTTP_PORT" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; die "server exited"; }
    sleep 0.02
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

rss_of() { grep -q java "/proc/$1/comm" || die "pid $1 is not the JVM"; awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

start_nginx() {  # start_nginx: a private nginx serving ~200 bytes of XML; sets nginx_url
  local port nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  port="$(free_port)"
  mkdir -p "$tmp/nginx/www" "$tmp/nginx/logs"
  cat >"$tmp/nginx/www/static.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<config xmlns="http://www.linphone.org/xsds/lpconfig.xsd">
  <section name="sip"><entry name="default_proxy">0</entry></section>
  <section name="bench"><entry name="k">v</entry></section>
</config>
XML
  chmod -R a+rX "$tmp/nginx/www"
  cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/xml;
  client_body_temp_path $tmp/nginx/cb; proxy_temp_path $tmp/nginx/p; fastcgi_temp_path $tmp/nginx/f;
  uwsgi_temp_path $tmp/nginx/u; scgi_temp_path $tmp/nginx/s;
  server { listen 127.0.0.1:$port; root $tmp/nginx/www; }
}
CONF
  # -e: without it nginx opens its compiled-in error log before reading the config.
  "$nginx_bin" -p "$tmp/nginx" -e "$tmp/nginx/logs/error.log" -c "$tmp/nginx/nginx.conf" &
  pids+=($!)
  nginx_url="http://127.0.0.1:$port/static.xml"
  local i
  for ((i = 0; i < 100; i++)); do curl -fsS -o /dev/null "$nginx_url" 2>/dev/null && return 0; sleep 0.1; done
  die "nginx not answering"
}

# warm_up WRK_ARGS... URL: wrk runs of $warmup until the server's CPU per request settles, that is
# until the JIT has compiled the path (after 5 s of account creations C2 still took a third of the
# CPU): two runs in a row within 15 % of each other, or $warmup_max seconds in all. For nginx, or
# with no server running, one.
warm_up() {
  local spent=0 ticks out requests per prev=""
  while :; do
    if [ -z "${server_pid:-}" ] || ! kill -0 "$server_pid" 2>/dev/null || [ "${*: -1}" = "${nginx_url:-}" ]; then
      wrk "$@" -d "$warmup" >/dev/null
      return
    fi
    ticks=$(cpu_ticks "$server_pid")
    out="$(wrk "$@" -d "$warmup")"
    ticks=$(( $(cpu_ticks "$server_pid") - ticks ))
    spent=$((spent + ${warmup%s}))
    requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
    per="$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v r="${requests:-0}" 'BEGIN { printf "%.0f", (r > 0 ? t * 1e6 / hz / r : 0) }')"
    say "warm-up: $per µs of server CPU per request"
    if [ -n "$prev" ] && awk -v a="$per" -v b="$prev" 'BEGIN { exit !(b > 0 && (a > b ? a - b : b - a) <= 0.15 * b) }'; then
      return
    fi
    [ "$spent" -lt "${warmup_max%s}" ] || return
    prev="$per"
  done
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure URL [LUA [HEADER]]: warm-up, then the measured run; prints "rps p50_ms p99_ms non2xx
# errors logins" (logins: what a Lua script reports as "digest: N logins", else 0).
measure() {
  local args=(-t "$threads" -c "$connections")
  [ -n "${2:-}" ] && args+=(-s "$2")
  [ -n "${3:-}" ] && args+=(-H "$3")
  warm_up "${args[@]}" "$1"
  wrk "${args[@]}" -d "$duration" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v * 0.001; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; if (v ~ /m$/) return v * 60000; return v + 0 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    /^digest:/ { logins = $2 }
    END { printf "%.0f %.3f %.3f %d %d %d\n", rps, p50, p99, non2xx, errors, logins }'
}
