# shellcheck shell=bash
# Helpers shared by the deploy/bench scripts. Source it from the repository root after
# `set -euo pipefail`; it defines functions only and starts nothing.

# The gateway's JVM options and malloc setting in the benchmarks: those of ./run-demo.sh (the Debian
# package's containeredge.env has the same memory options with a larger heap). Why each: README,
# "Gateway footprint".
GATEWAY_JVM_OPTS="-Xmx64m -Xms16m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=30000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}   # set but empty: glibc's default

die() { echo "error: $*" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ticks() {   # utime+stime (fields 14, 15); cut after ") " so a comm with spaces cannot shift fields
  local stat; stat=$(<"/proc/$1/stat"); awk '{print $12 + $13}' <<<"${stat##*) }"
}

# Stops the given processes (started by the caller) by PID: SIGTERM, up to 10 s to shut down,
# then SIGKILL. Empty arguments are skipped, so unset PID variables can be passed as they are.
stop_pids() {
  local pid
  for pid in "$@"; do
    [[ -n $pid ]] || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

# A loopback TCP port nothing listens on: python3 binds port 0; without python3, probe with ss
# upwards from <start> (callers needing several ports at once give different starts).
#   usage: free_port <start>
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  else
    local port=$1
    while ss -Htln "sport = :$port" | grep -q .; do port=$((port + 1)); done
    echo "$port"
  fi
}

# Starts the container simulator for <site> in the background on ephemeral Modbus ports, its 240
# miners on a free block of consecutive loopback ports, stopping by itself after <seconds>; logs to
# <dir>/simulator.log and writes <dir>/config/site.yaml pointing at its actual ports, and the login and
# certificate of its GPU servers' BMCs into <dir>/data (the gateway's data directory).
# Sets SIM_PID (the caller stops it) and MINERS_BASE.
#   usage: start_simulator <sim.jar> <site.yaml> <dir> <seconds>
start_simulator() {
  local jar=$1 site=$2 dir=$3 seconds=$4 base gw_port="" bess_port=""
  : >"$dir/simulator.log"   # created up front: the background job opens it later, racing the readers
  MINERS_BASE="" SIM_PID=""
  # below Linux's ephemeral range (32768-60999): there, the source ports of the gateway's own
  # connections to the miners (in TIME_WAIT for a minute) would block the miners' binds
  for base in 32000 31000 30000 29000 28000 27000 26000 25000; do
    ss -Htln | awk '{print $4}' | grep -qE ":($(seq -s'|' "$base" $((base + 239))))\$" && continue
    MINERS_BASE=$base
    java -jar "$jar" --site "$site" --bind 127.0.0.1:0 --miners-base "$MINERS_BASE" --seed 7 \
      --duration "$seconds" --site-files "$dir/data" >"$dir/simulator.log" 2>&1 </dev/null &
    SIM_PID=$!
    for _ in $(seq 300); do   # up to 30 s
      gw_port=$(sed -n 's/^modbus container-gw on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/simulator.log")
      bess_port=$(sed -n 's/^modbus bess on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/simulator.log")
      [[ -n $gw_port && -n $bess_port ]] && break 2
      kill -0 "$SIM_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$SIM_PID" 2>/dev/null && die "simulator did not report its Modbus ports within 30 s"
    wait "$SIM_PID" 2>/dev/null || true
    # another process took a port of the block between the look and the bind: the next block
    grep -q "Address already in use" "$dir/simulator.log" || { cat "$dir/simulator.log" >&2; die "simulator exited"; }
  done
  [[ -n $gw_port && -n $bess_port ]] || die "no free block of 240 loopback ports for the miners"
  mkdir -p "$dir/config"
  sed -e "s/port: 15020/port: $gw_port/" -e "s/port: 15021/port: $bess_port/" \
    -e "s/basePort: 14100/basePort: $MINERS_BASE/" "$site" >"$dir/config/site.yaml"
}

# Writes <dir>/api-tokens with one random viewer token (the gateway's `--api-tokens` file: name, role,
# SHA-256 of the token) and sets API_TOKEN: since the console added authentication, the JSON API
# answers 401 to a call without it.
#   usage: make_api_token <dir>
make_api_token() {
  API_TOKEN=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
  printf 'bench viewer %s\n' "$(printf %s "$API_TOKEN" | sha256sum | cut -d' ' -f1)" >"$1/api-tokens"
}

# Exits with the log's tail when the gateway <pid> is gone or ran out of memory (a JVM can survive
# an OutOfMemoryError in some thread, so the log is checked too).
#   usage: alive_or_die <pid> <log> <when, for the message>
alive_or_die() {
  if ! kill -0 "$1" 2>/dev/null || grep -q OutOfMemoryError "$2"; then
    echo "error: gateway died or ran out of memory ($3); last log lines:" >&2
    tail -n 30 "$2" >&2
    exit 1
  fi
}

# Heap in use of JVM <pid> in MB, one decimal, as it is (GC.heap_info does not trigger a
# collection): the "used" figures of the heap/generation lines, without Metaspace; works for G1
# ("garbage-first heap"), Serial and Parallel. Saves jcmd's output to [file] when given.
# On failure prints "n/a (<why>)" and returns 1.
heap_used_mb() {
  local info
  if ! command -v jcmd >/dev/null; then
    echo "n/a (jcmd not installed)"; return 1
  fi
  if ! info=$(jcmd "$1" GC.heap_info 2>&1); then
    echo "n/a (jcmd failed: $(head -n 1 <<<"$info"))"; return 1
  fi
  [[ -z ${2:-} ]] || echo "$info" >"$2"
  awk '/heap|generation|PSYoungGen|ParOldGen/ && !/Metaspace|class space/ {
         for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/,$/, "", v)
           n = v + 0; if (v ~ /M$/) n *= 1024; if (v ~ /G$/) n *= 1048576; kb += n } }
       END { if (kb) printf "%.1f\n", kb / 1024; else { print "n/a (unparsed)"; exit 1 } }' <<<"$info"
}

# Resident set size of <pid> in MB, one decimal.
rss_mb() { awk '/^VmRSS:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"; }

# The Markdown table rows that date a measurement: date, machine, Java.
context_rows() {
  echo "| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| Machine | $(nproc) CPU, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) |"
  echo "| Java | $(java -version 2>&1 | head -n 1) |"
}

# The backtest benchmarks' common settings and arguments: the simulator's jar (JAR), the sample year (PRICES), a
# hashprice of 0.045 USD/TH/day (HASHPRICE) less a 2 % pool fee (POOL_FEE); then --smoke (sets SMOKE=1 and PRICES to
# the year's first week, the CSV's header and 7 days of 96 slots in a temporary file removed when the script exits)
# or another hashprice; then checks that $JAR is there. Call it directly, not in $(...).
#   usage: backtest_args "$@"
backtest_args() {
  JAR=deploy/target/containeredge-sim.jar
  PRICES=firmware-config/prices/sample-year-15min.csv
  HASHPRICE=0.045
  POOL_FEE=0.02
  SMOKE=0
  if [[ ${1:-} == --smoke ]]; then
    SMOKE=1
    BENCH_TMP=$(mktemp -d -t backtest-week.XXXXXX)
    trap 'rm -rf "$BENCH_TMP"' EXIT
    head -n $(( 1 + 7 * 96 )) "$PRICES" >"$BENCH_TMP/week.csv"
    PRICES=$BENCH_TMP/week.csv
  elif [[ -n ${1:-} ]]; then
    HASHPRICE=$1
  fi
  [[ -f $JAR ]] || die "$JAR is missing: run mvn install first"
}

# One backtest of $SITE over $PRICES at $HASHPRICE and $POOL_FEE: its --json line (solver notices left out).
#   usage: backtest_json <strategy> [more backtest options...]
backtest_json() {
  local strategy=$1; shift
  java -jar "$JAR" backtest --site "$SITE" --prices "$PRICES" --hashprice "$HASHPRICE" --pool-fee "$POOL_FEE" \
    --strategy "$strategy" "$@" --json | grep '^{'
}

# A number from the backtest's one-line --json output.
#   usage: json_field <json> <name>
json_field() { sed -n "s/.*\"$2\":\([-0-9.Ee]*\).*/\1/p" <<<"$1"; }

# Runs a benchmark main class of the control bundle's tests with <arg> trials, or, for --smoke, with <smoke trials>
# and no build (the modules must be installed, as ./run-tests.sh has done when it runs the smoke mode).
#   usage: control_bench <main class> <smoke trials> <trials | --smoke>
control_bench() {
  local main=$1 trials=$3
  if [[ $trials == --smoke ]]; then
    trials=$2
  else
    [[ $trials =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [trials | --smoke]" >&2; exit 2; }
    mvn -B -q install -DskipTests -pl bundles/control -am
  fi
  mvn -B -q -pl bundles/control org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.mainClass="$main" -Dexec.classpathScope=test -Dexec.args="$trials" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
}
