#!/usr/bin/env bash
# Console benchmark of the gateway against the simulated demo container, on loopback only, in Debian's
# headless Chromium (packages chromium and chromium-driver):
#  1) overview page load after login: load event and first live value, N=20;
#  2) change to screen: the coolant supply sensor goes invalid in the simulator and comes back, N=10;
#  3) gateway CPU, heap and RSS over 60 s with 5 open consoles, and over 60 s with none.
#   usage: deploy/bench/console.sh [--smoke]
#     --smoke  2 loads, 1 fault, 1 console, 2 s holds: proves the benchmark works (./run-tests.sh runs it)
# Needs deploy/target/*.jar ('mvn -B -q -DskipTests package') and the modules in the local Maven
# repository ('mvn -B -q -DskipTests install', for the offline classpath of the benchmark tool).
# The tool (ConsoleBench, with the e2e fixtures) starts the simulator, the gateway (-Xmx64m) and
# Chromium itself; this script measures the gateway while the tool holds each phase of 3).
# Prints a Markdown table (also saved as <tmp>/console.md) with date and machine.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root: the e2e fixtures find the jars and the demo site from here
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

HOLD_S=60 SMOKE=""
case ${1:-} in
  --smoke) HOLD_S=2 SMOKE=--smoke ;;
  "") ;;
  *) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
esac
for jar in deploy/target/containeredge.jar deploy/target/containeredge-sim.jar; do
  [[ -f $jar ]] || { echo "error: $jar missing - run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
done
for exe in /usr/bin/chromium /usr/bin/chromedriver; do
  [[ -x $exe ]] || { echo "error: $exe missing - apt-get install -y chromium chromium-driver" >&2; exit 2; }
done

TMP=$(mktemp -d -t console.XXXXXX)
TOOL_PID=""   # set by coproc below
# Stop only what this script started, by PID, on every way out: the tool's shutdown hook stops the
# simulator, the gateway and Chromium it started.
cleanup() { stop_pids "${TOOL_PID:-}"; }   # bash unsets TOOL_PID once the coproc is reaped
trap cleanup EXIT
trap 'exit 130' INT TERM   # routes Ctrl-C through the EXIT trap
echo "logs and data in $TMP" >&2

# The benchmark tool (e2e test sources) and its classpath, offline.
if ! mvn -o -q -pl src/test test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$TMP/classpath.txt" -Dmdep.includeScope=test >"$TMP/mvn.log" 2>&1; then
  tail -n 30 "$TMP/mvn.log" >&2
  die "cannot build the benchmark tool offline (see above); if modules are missing: mvn -B -q -DskipTests install"
fi
figure() { sed -n "s/^$1=//p" "$TMP/tool.txt" | head -n 1; }   # figure <key>: a key=value the tool printed


# Gateway CPU (% of one core) over HOLD_S s, then heap and RSS at the end, as one table cell.
#   usage: hold_and_measure <phase>
hold_and_measure() {
  local pid t0 t1 w0 w1 heap
  pid=$(figure gateway_pid)
  echo "3) $1: measuring the gateway (PID $pid) for $HOLD_S s" >&2
  t0=$(cpu_ticks "$pid"); w0=$(now_ms)
  sleep "$HOLD_S"
  alive_or_die "$pid" "$TMP/gateway.log" "$1"
  t1=$(cpu_ticks "$pid"); w1=$(now_ms)
  heap=$(heap_used_mb "$pid" "$TMP/heap_info-$1.txt") && heap="$heap MB"
  awk -v t="$(( t1 - t0 ))" -v hz="$(getconf CLK_TCK)" -v ms="$(( w1 - w0 ))" -v heap="$heap" -v rss="$(rss_mb "$pid")" \
    'BEGIN { printf "CPU %.2f %% of one core; heap %s, RSS %s MB at the end\n", 100 * (t / hz) / (ms / 1000), heap, rss }'
}

# The tool talks on a pipe pair: it prints key=value lines and, before each phase of 3), ready=<phase>,
# then waits for a line from here. coproc runs the single command directly, so TOOL_PID is the JVM's.
echo "1)-2) setup, page loads, sensor faults (a few minutes; seconds with --smoke)" >&2
coproc TOOL { exec java -Dcontaineredge.root="$PWD" -cp "$PWD/src/test/target/test-classes:$(<"$TMP/classpath.txt")" \
  io.containeredge.e2e.ConsoleBench "$TMP" $SMOKE 2>"$TMP/tool.log"; }
: >"$TMP/tool.txt"
IDLE="" CONSOLES=""
while true; do
  # Bounded: no line for 5 min means the tool hangs (its own waits are 30 s each).
  if ! IFS= read -r -t 300 -u "${TOOL[0]}" line; then
    tail -n 30 "$TMP/tool.log" >&2; die "the benchmark tool stopped or hung (log: $TMP/tool.log)"
  fi
  echo "$line" >>"$TMP/tool.txt"
  case $line in
    ready=idle) IDLE=$(hold_and_measure idle); echo go >&"${TOOL[1]}" ;;
    ready=consoles) CONSOLES=$(hold_and_measure consoles); echo go >&"${TOOL[1]}"; break ;;
  esac
done
wait "$TOOL_PID" || die "the benchmark tool failed (log: $TMP/tool.log)"
TOOL_PID=""

{
  echo "| Console (demo container simulated, gateway -Xmx64m, headless Chromium, loopback) | Value |"
  echo "|---|---|"
  context_rows
  echo "| Chromium | $(figure chromium) |"
  echo "| Overview load after login, load event (Navigation Timing, warm cache) | $(figure load) |"
  echo "| Overview load to first live coolant supply value (SSE) | $(figure first_value) |"
  echo "| Simulator sensor invalid to '—' on the overview | $(figure invalid_shown) |"
  echo "| Simulator fault cleared to a number on the overview | $(figure number_back) |"
  echo "| Gateway, no console open, $HOLD_S s | $IDLE |"
  echo "| Gateway, $(figure consoles) consoles open (one Chromium, $(figure consoles) windows), $HOLD_S s | $CONSOLES |"
} | tee "$TMP/console.md"
