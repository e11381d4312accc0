#!/usr/bin/env bash
# Footprint of the gateway against the simulated demo container, on loopback only:
# startup to first complete process image, heap, RSS and CPU after a run of N minutes.
#   usage: deploy/bench/footprint.sh [minutes]      (default 10)
# Prints a Markdown table (also saved as <tmp>/footprint.md) with date and machine for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root, so the relative jar/site paths work from any cwd

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
cleanup() {
  local pid i
  for pid in $GW_PID $SIM_PID; do
    kill "$pid" 2>/dev/null || true
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # 10 s to shut down
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # routes Ctrl-C through the EXIT trap

die() { echo "error: $*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ticks() {   # utime+stime (fields 14, 15); cut after ") " so a comm with spaces cannot shift fields
  local stat; stat=$(<"/proc/$1/stat"); awk '{print $12 + $13}' <<<"${stat##*) }"
}
gw_alive_or_die() {   # a JVM can survive an OutOfMemoryError in some thread, so check the log too
  if ! kill -0 "$GW_PID" 2>/dev/null || grep -q OutOfMemoryError "$TMP/gateway.log"; then
    echo "error: gateway died or ran out of memory ($1); last log lines:" >&2
    tail -n 30 "$TMP/gateway.log" >&2
    exit 1
  fi
}
api() { curl -s --max-time 2 "http://127.0.0.1:$API_PORT/api/v1/$1" || true; }

# 1. Simulator on ephemeral Modbus ports; its 240 miners on a free block of consecutive ports, which
# the gateway's control loop polls. It stops by itself a while after the run should end. The logs
# are created up front: the background job opens its redirect later, racing the readers.
: >"$TMP/simulator.log"; : >"$TMP/gateway.log"
MINERS_BASE=""
for base in 31000 32000 33000 34000 35000 36000 37000 38000; do
  if ! ss -Htln | awk '{print $4}' | grep -qE ":($(seq -s'|' "$base" $((base + 239))))\$"; then
    MINERS_BASE=$base; break
  fi
done
[[ -n $MINERS_BASE ]] || die "no free block of 240 loopback ports for the miners"
java -jar "$SIM_JAR" --site "$SITE" --bind 127.0.0.1:0 --miners-base "$MINERS_BASE" --seed 7 \
  --duration $(( MINUTES * 60 + 120 )) >"$TMP/simulator.log" 2>&1 </dev/null &
SIM_PID=$!
GW_MB_PORT="" BESS_PORT=""
for _ in $(seq 300); do   # up to 30 s
  GW_MB_PORT=$(sed -n 's/^modbus container-gw on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/simulator.log")
  BESS_PORT=$(sed -n 's/^modbus bess on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/simulator.log")
  [[ -n $GW_MB_PORT && -n $BESS_PORT ]] && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$TMP/simulator.log" >&2; die "simulator exited"; }
  sleep 0.1
done
[[ -n $GW_MB_PORT && -n $BESS_PORT ]] || die "simulator did not report its Modbus ports within 30 s"

# 2. Site config pointing at the simulator's actual ports.
mkdir -p "$TMP/config"
sed -e "s/port: 15020/port: $GW_MB_PORT/" -e "s/port: 15021/port: $BESS_PORT/" \
  -e "s/basePort: 14100/basePort: $MINERS_BASE/" "$SITE" >"$TMP/config/site.yaml"

# 3. A free loopback port for the API (python3 binds port 0; otherwise probe with ss).
if command -v python3 >/dev/null; then
  API_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
else
  API_PORT=18080
  while ss -Htln "sport = :$API_PORT" | grep -q .; do API_PORT=$((API_PORT + 1)); done
fi

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
RSS_MB=$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$GW_PID/status")

# Heap as it is (GC.heap_info does not trigger a collection): sum "used" over the heap/generation
# lines, leaving out Metaspace; works for G1 ("garbage-first heap"), Serial and Parallel.
if ! command -v jcmd >/dev/null; then
  HEAP="n/a (jcmd not installed)"
elif heap_info=$(jcmd "$GW_PID" GC.heap_info 2>&1); then
  echo "$heap_info" >"$TMP/heap_info.txt"
  HEAP=$(awk '/heap|generation|PSYoungGen|ParOldGen/ && !/Metaspace|class space/ {
           for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/,$/, "", v)
             n = v + 0; if (v ~ /M$/) n *= 1024; if (v ~ /G$/) n *= 1048576; kb += n } }
         END { if (kb) printf "%.1f MB (max 64 MB)", kb / 1024; else print "n/a (unparsed)" }' <<<"$heap_info")
else
  HEAP="n/a (jcmd failed: $(head -n 1 <<<"$heap_info"))"
fi

devices=$(api devices); snap=$(api snapshot)
count() { { grep -o "$1" <<<"$2" || true; } | wc -l | tr -d ' '; }   # 0 matches is a valid count
DEV_ONLINE="$(count '"online":true' "$devices") of $(count '"online":' "$devices")"
POINTS="$(count '"quality":"good"' "$snap") / $(count '"quality":"stale"' "$snap") / $(count '"quality":"invalid"' "$snap")"

# 7. Report (stdout and footprint.md).
{
  echo "| Footprint ($MINUTES min, demo container, 17 Modbus devices, -Xmx64m) | Value |"
  echo "|---|---|"
  echo "| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| Machine | $(nproc) CPU, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) |"
  echo "| Java | $(java -version 2>&1 | head -n 1) |"
  echo "| Startup to first complete process image | $STARTUP_MS ms |"
  echo "| Heap used (GC.heap_info, no forced GC) | $HEAP |"
  echo "| RSS (VmRSS) | $RSS_MB MB |"
  echo "| CPU, average of one core over $MINUTES min | $CPU_PCT % |"
  echo "| Devices online | $DEV_ONLINE |"
  echo "| Points good / stale / invalid | $POINTS |"
} | tee "$TMP/footprint.md"
