#!/usr/bin/env bash
# Footprint of the gateway against the simulated demo container, on loopback only:
# startup to first complete process image, heap, RSS and CPU after a run of N minutes.
#   usage: deploy/bench/footprint.sh [--smoke] [--nmt] [minutes]      (default 10)
#     --smoke  a 5 s run that only proves the benchmark works (./run-tests.sh runs it)
#     --nmt    adds -XX:NativeMemoryTracking=summary and saves `jcmd VM.native_memory summary` at
#              the end (<tmp>/nmt.txt): where the memory outside the heap goes (costs a few MB itself)
# The gateway runs with the JVM options of the demo and the Debian package (GATEWAY_JVM_OPTS in
# lib.sh); JVM_OPTS=... replaces them, e.g. to compare settings.
# Prints a Markdown table (also saved as <tmp>/footprint.md) with date and machine for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root, so the relative jar/site paths work from any cwd
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

usage() { echo "usage: $0 [--smoke] [--nmt] [minutes]  (positive integer, default 10)" >&2; exit 2; }
RUN_S=600 NMT=""
while (( $# > 0 )); do
  case $1 in
    --smoke) RUN_S=5 ;;
    --nmt) NMT=1 ;;
    *) [[ $1 =~ ^[1-9][0-9]*$ ]] || usage; RUN_S=$(( $1 * 60 )) ;;
  esac
  shift
done
RUN_FOR=$( (( RUN_S % 60 == 0 )) && echo "$(( RUN_S / 60 )) min" || echo "$RUN_S s")
read -r -a JVM <<<"${JVM_OPTS:-$GATEWAY_JVM_OPTS}"
[[ -z $NMT ]] || JVM+=(-XX:NativeMemoryTracking=summary)
GW_JAR=${GW_JAR:-deploy/target/containeredge.jar}     # overridable, e.g. to measure a copy while rebuilding
SIM_JAR=${SIM_JAR:-deploy/target/containeredge-sim.jar}
SITE=firmware-config/sites/demo-container.yaml
for jar in "$GW_JAR" "$SIM_JAR"; do
  [[ -f $jar ]] || { echo "error: $jar missing - run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
done

TMP=$(mktemp -d -t footprint.XXXXXX)
SIM_PID="" GW_PID=""
# Stop only what this script started, by PID, on every way out (normal exit, error, Ctrl-C).
cleanup() { stop_pids "$GW_PID" "$SIM_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM   # routes Ctrl-C through the EXIT trap

gw_alive_or_die() { alive_or_die "$GW_PID" "$TMP/gateway.log" "$1"; }
api() { curl -s --max-time 2 -H "Authorization: Bearer $API_TOKEN" "http://127.0.0.1:$API_PORT/api/v1/$1" || true; }

# 1.-2. Simulator on ephemeral Modbus ports; its 240 miners on a free block of consecutive ports, which
# the gateway's control loop polls. It stops by itself a while after the run should end.
# start_simulator writes the site config pointing at its actual ports to $TMP/config/site.yaml. The
# gateway log is created up front: the background job opens its redirect later, racing the readers.
: >"$TMP/gateway.log"
start_simulator "$SIM_JAR" "$SITE" "$TMP" $(( RUN_S + 120 ))

# 3. A free loopback port for the API, and a token for it (without one it answers 401).
API_PORT=$(free_port 18080)
make_api_token "$TMP"

# 4. Gateway with the heap cap the README claims; the clock starts just before the JVM does.
T0=$(now_ms)
java "${JVM[@]}" -jar "$GW_JAR" --config "$TMP/config" --api-port "$API_PORT" --data "$TMP/data" \
  --api-tokens "$TMP/api-tokens" >"$TMP/gateway.log" 2>&1 </dev/null &
GW_PID=$!

# 5. Startup = until the snapshot has points and none of them is still "missing".
STARTUP_MS=""
while (( $(now_ms) - T0 < 120000 )); do
  snap=$(api snapshot)
  if grep -q '"quality"' <<<"$snap" && ! grep -q '"quality":"missing"' <<<"$snap"; then
    STARTUP_MS=$(( $(now_ms) - T0 )); break
  fi
  gw_alive_or_die "during startup"
  sleep 0.1
done
[[ -n $STARTUP_MS ]] || { tail -n 30 "$TMP/gateway.log" >&2; echo "last answer: ${snap:0:200}" >&2; die "no complete process image within 120 s"; }
echo "startup to first complete process image: $STARTUP_MS ms; measuring for $RUN_FOR (logs in $TMP)" >&2

# 6. Steady state: CPU is measured from here, so startup work (class loading, JIT) is excluded.
CLK_TCK=$(getconf CLK_TCK)
TICKS0=$(cpu_ticks "$GW_PID"); W0=$(now_ms)
END=$(( W0 + RUN_S * 1000 ))
while (( $(now_ms) < END )); do
  gw_alive_or_die "during the run"
  sleep 5
done
gw_alive_or_die "at the end of the run"
TICKS1=$(cpu_ticks "$GW_PID"); W1=$(now_ms)
CPU_PCT=$(awk -v t="$(( TICKS1 - TICKS0 ))" -v hz="$CLK_TCK" -v ms="$(( W1 - W0 ))" \
  'BEGIN { printf "%.2f", 100 * (t / hz) / (ms / 1000) }')
RSS_MB=$(rss_mb "$GW_PID")
if [[ -n $NMT ]]; then
  jcmd "$GW_PID" VM.native_memory summary >"$TMP/nmt.txt" 2>&1 || true
  echo "native memory summary: $TMP/nmt.txt" >&2
fi

# Heap as it is (no forced GC); the figure or why there is none.
if HEAP=$(heap_used_mb "$GW_PID" "$TMP/heap_info.txt"); then HEAP="$HEAP MB"; fi

devices=$(api devices); snap=$(api snapshot)
count() { { grep -o "$1" <<<"$2" || true; } | wc -l | tr -d ' '; }   # 0 matches is a valid count
DEV_ONLINE="$(count '"online":true' "$devices") of $(count '"online":' "$devices")"
GOOD=$(count '"quality":"good"' "$snap")
(( GOOD > 0 )) || die "no good point in the process image at the end (last answer: ${snap:0:200})"
POINTS="$(count '"quality":"good"' "$snap") / $(count '"quality":"stale"' "$snap") / $(count '"quality":"invalid"' "$snap")"

# 7. Report (stdout and footprint.md).
{
  echo "| Footprint ($RUN_FOR, demo container, 17 Modbus devices) | Value |"
  echo "|---|---|"
  context_rows
  echo "| JVM options | ${JVM[*]}; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-(glibc default)} |"
  echo "| Machine load at the end (1, 5, 15 min averages: other work on the machine inflates CPU and startup) | $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| Startup to first complete process image | $STARTUP_MS ms |"
  echo "| Heap used (GC.heap_info, no forced GC) | $HEAP |"
  echo "| RSS (VmRSS) | $RSS_MB MB |"
  echo "| CPU, average of one core over $RUN_FOR | $CPU_PCT % |"
  echo "| Devices online | $DEV_ONLINE |"
  echo "| Points good / stale / invalid | $POINTS |"
} | tee "$TMP/footprint.md"
