#!/usr/bin/env bash
# Footprint of the gateway against the simulated demo container, on loopback only:
# startup to first complete process image, heap, RSS and CPU after a run of N minutes.
#   usage: deploy/bench/footprint.sh [minutes]      (default 10)
# Prints a Markdown table (also saved as <tmp>/footprint.md) with date and machine for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root, so the relative jar/site paths work from any cwd
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

MINUTES=${1:-10}
[[ $MINUTES =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [minutes]  (positive integer, default 10)" >&2; exit 2; }
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
api() { curl -s --max-time 2 "http://127.0.0.1:$API_PORT/api/v1/$1" || true; }

# 1.-2. Simulator on ephemeral Modbus ports; its 240 miners on a free block of consecutive ports, which
# the gateway's control loop polls. It stops by itself a while after the run should end.
# start_simulator writes the site config pointing at its actual ports to $TMP/config/site.yaml. The
# gateway log is created up front: the background job opens its redirect later, racing the readers.
: >"$TMP/gateway.log"
start_simulator "$SIM_JAR" "$SITE" "$TMP" $(( MINUTES * 60 + 120 ))

# 3. A free loopback port for the API.
API_PORT=$(free_port 18080)

# 4. Gateway with the heap cap the README claims; the clock starts just before the JVM does.
T0=$(now_ms)
java -Xmx64m -jar "$GW_JAR" --config "$TMP/config" --api-port "$API_PORT" --data "$TMP/data" \
  >"$TMP/gateway.log" 2>&1 </dev/null &
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
[[ -n $STARTUP_MS ]] || { tail -n 30 "$TMP/gateway.log" >&2; die "no complete process image within 120 s"; }
echo "startup to first complete process image: $STARTUP_MS ms; measuring for $MINUTES min (logs in $TMP)" >&2

# 6. Steady state: CPU is measured from here, so startup work (class loading, JIT) is excluded.
CLK_TCK=$(getconf CLK_TCK)
TICKS0=$(cpu_ticks "$GW_PID"); W0=$(now_ms)
END=$(( W0 + MINUTES * 60000 ))
while (( $(now_ms) < END )); do
  gw_alive_or_die "during the run"
  sleep 5
done
gw_alive_or_die "at the end of the run"
TICKS1=$(cpu_ticks "$GW_PID"); W1=$(now_ms)
CPU_PCT=$(awk -v t="$(( TICKS1 - TICKS0 ))" -v hz="$CLK_TCK" -v ms="$(( W1 - W0 ))" \
  'BEGIN { printf "%.2f", 100 * (t / hz) / (ms / 1000) }')
RSS_MB=$(rss_mb "$GW_PID")

# Heap as it is (no forced GC); the figure or why there is none.
if HEAP=$(heap_used_mb "$GW_PID" "$TMP/heap_info.txt"); then HEAP="$HEAP MB (max 64 MB)"; fi

devices=$(api devices); snap=$(api snapshot)
count() { { grep -o "$1" <<<"$2" || true; } | wc -l | tr -d ' '; }   # 0 matches is a valid count
DEV_ONLINE="$(count '"online":true' "$devices") of $(count '"online":' "$devices")"
POINTS="$(count '"quality":"good"' "$snap") / $(count '"quality":"stale"' "$snap") / $(count '"quality":"invalid"' "$snap")"

# 7. Report (stdout and footprint.md).
{
  echo "| Footprint ($MINUTES min, demo container, 17 Modbus devices, -Xmx64m) | Value |"
  echo "|---|---|"
  context_rows
  echo "| Startup to first complete process image | $STARTUP_MS ms |"
  echo "| Heap used (GC.heap_info, no forced GC) | $HEAP |"
  echo "| RSS (VmRSS) | $RSS_MB MB |"
  echo "| CPU, average of one core over $MINUTES min | $CPU_PCT % |"
  echo "| Devices online | $DEV_ONLINE |"
  echo "| Points good / stale / invalid | $POINTS |"
} | tee "$TMP/footprint.md"
