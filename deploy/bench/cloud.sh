#!/usr/bin/env bash
# Cloud benchmark of the gateway against the simulated demo container, on loopback only:
#  a) the gateway runs N minutes with its broker down and queues the demo site's real output;
#  b) that queue is extended to a 1-hour outage: demo rate, messages/samples, disk bytes per sample;
#  c) the gateway restarts against a local Mosquitto and drains the backlog at its configured rate:
#     drain rate and time as a QoS 1 subscriber sees them, gateway heap and RSS during the drain;
#  d) live throughput: QoS 1 messages/s and metrics/s acknowledged by the broker, fsynced queue included.
#   usage: deploy/bench/cloud.sh [outage-minutes-to-record]      (default 3)
#          deploy/bench/cloud.sh --smoke   (5 s recorded, extended to a 20 s outage, 2 s of throughput:
#                                           proves the benchmark works; ./run-tests.sh runs it)
# Needs deploy/target/*.jar ('mvn -B -q -DskipTests package'), the modules in the local Maven
# repository ('mvn -B -q -DskipTests install', for the offline classpath of the benchmark tool) and
# Mosquitto. Prints a Markdown table (also saved as <tmp>/cloud.md) with date and machine.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root, so the relative jar/site paths work from any cwd
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

if [[ ${1:-} == --smoke ]]; then
  RECORD_S=5 OUTAGE_S=20 THROUGHPUT_S=2 SAMPLE_S=1
else
  MINUTES=${1:-3}
  [[ $MINUTES =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [outage-minutes-to-record | --smoke]  (positive integer, default 3)" >&2; exit 2; }
  RECORD_S=$(( MINUTES * 60 ))
  OUTAGE_S=3600          # the outage the recorded queue is extended to
  THROUGHPUT_S=20
  SAMPLE_S=10            # heap and RSS samples during the drain
fi
GW_JAR=${GW_JAR:-deploy/target/containeredge.jar}     # overridable, e.g. to measure a copy while rebuilding
SIM_JAR=${SIM_JAR:-deploy/target/containeredge-sim.jar}
SITE=firmware-config/sites/demo-container.yaml
CLOUD_CONFIG=bundles/cloud/src/main/java/io/containeredge/cloud/internal/CloudConfiguration.java
for jar in "$GW_JAR" "$SIM_JAR"; do
  [[ -f $jar ]] || { echo "error: $jar missing - run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
done
MOSQUITTO=$(command -v mosquitto || echo /usr/sbin/mosquitto)   # Debian puts it in /usr/sbin
[[ -x $MOSQUITTO ]] || { echo "error: mosquitto not found - apt-get install -y mosquitto" >&2; exit 2; }
# The gateway runs with its defaults (--mqtt sets only the URIs): read them where they are defined.
DRAIN_RATE=$(sed -n 's/.*int drain_rate() default \([0-9]*\);.*/\1/p' "$CLOUD_CONFIG")
CAPACITY_MB=$(sed -n 's/.*int queue_capacity_mb() default \([0-9]*\);.*/\1/p' "$CLOUD_CONFIG")
[[ -n $DRAIN_RATE && -n $CAPACITY_MB ]] || { echo "error: no drain_rate/queue_capacity_mb default in $CLOUD_CONFIG" >&2; exit 2; }

TMP=$(mktemp -d -t cloud.XXXXXX)
SIM_PID="" GW_PID="" MQ_PID="" DRAIN_PID=""
# Stop only what this script started, by PID, on every way out (normal exit, error, Ctrl-C).
# The jar copies go too (they only guard against a rebuild); logs, data and cloud.md stay.
cleanup() {
  stop_pids "$DRAIN_PID" "$GW_PID" "$MQ_PID" "$SIM_PID"
  rm -f "$TMP/containeredge.jar" "$TMP/containeredge-sim.jar"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # routes Ctrl-C through the EXIT trap
echo "logs and data in $TMP" >&2

# The jars are copied, so a rebuild during the run changes nothing under it.
cp "$GW_JAR" "$TMP/containeredge.jar"
cp "$SIM_JAR" "$TMP/containeredge-sim.jar"

# The benchmark tool (test sources of the cloud bundle) and its classpath, offline.
if ! mvn -o -q -pl bundles/cloud test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$TMP/classpath.txt" -Dmdep.includeScope=test >"$TMP/mvn.log" 2>&1; then
  tail -n 30 "$TMP/mvn.log" >&2
  die "cannot build the benchmark tool offline (see above); if modules are missing: mvn -B -q -DskipTests install"
fi
TOOL_CP="$PWD/bundles/cloud/target/classes:$PWD/bundles/cloud/target/test-classes:$(<"$TMP/classpath.txt")"
bench() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOL_CP" io.containeredge.cloud.bench.CloudBench "$@"; }
figure() { sed -n "s/^$1=//p" "$2" | head -n 1; }   # figure <key> <file>: a key=value the tool printed

# Gateway on the simulator's site with the JVM options of the demo (GATEWAY_JVM_OPTS), data in $TMP/data.
#   usage: start_gateway <mqtt uri> <log>      sets GW_PID
start_gateway() {
  : >"$2"
  read -r -a jvm <<<"$GATEWAY_JVM_OPTS"
  java "${jvm[@]}" -jar "$TMP/containeredge.jar" --config "$TMP/config" --api-port "$(free_port 18080)" \
    --data "$TMP/data" --mqtt "$1" >"$2" 2>&1 </dev/null &
  GW_PID=$!
}

# a) Outage: the broker's port is free and nothing listens there, so the gateway queues everything.
# The simulator stops by itself at the latest an hour after the recording (the trap stops it sooner).
start_simulator "$TMP/containeredge-sim.jar" "$SITE" "$TMP" $(( RECORD_S + 3600 ))
DEAD_PORT=$(free_port 19883)
start_gateway "tcp://127.0.0.1:$DEAD_PORT" "$TMP/gateway-outage.log"
for _ in $(seq 600); do   # up to 60 s for the cloud component to open its queue
  [[ -f $TMP/data/outbound.db ]] && break
  alive_or_die "$GW_PID" "$TMP/gateway-outage.log" "starting with the broker down"
  sleep 0.1
done
[[ -f $TMP/data/outbound.db ]] || { tail -n 30 "$TMP/gateway-outage.log" >&2; die "the cloud component opened no queue within 60 s"; }
echo "a) broker down (tcp://127.0.0.1:$DEAD_PORT): recording the demo site's output for $RECORD_S s" >&2
END=$(( $(now_ms) + RECORD_S * 1000 ))
while (( $(now_ms) < END )); do
  alive_or_die "$GW_PID" "$TMP/gateway-outage.log" "during the outage"
  sleep 5
done
stop_pids "$GW_PID"; GW_PID=""   # SIGTERM: a clean stop, the queue closed as in a real restart

# b) The recording extended to an outage of OUTAGE_S (1 hour; 20 s in the smoke run).
echo "b) extending the queue to a ${OUTAGE_S} s outage" >&2
bench extend "$TMP/data/outbound.db" "$OUTAGE_S" "$CAPACITY_MB" >"$TMP/extend.txt" || { cat "$TMP/extend.txt" >&2; die "extend failed"; }
EXPECTED=$(figure queued_messages "$TMP/extend.txt")

# c) Broker up: generated config, loopback, free port, no persistence. Started as root, Mosquitto
# switches to user 'mosquitto' unless told otherwise, and that user cannot read $TMP.
MQ_PORT=$(free_port 21883)
mkdir -p "$TMP/mosquitto"
printf 'user %s\nlistener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$(id -un)" "$MQ_PORT" \
  >"$TMP/mosquitto/mosquitto.conf"
"$MOSQUITTO" -c "$TMP/mosquitto/mosquitto.conf" >"$TMP/mosquitto/mosquitto.log" 2>&1 </dev/null &
MQ_PID=$!
for _ in $(seq 100); do   # up to 10 s
  ss -Htln "sport = :$MQ_PORT" | grep -q . && break
  kill -0 "$MQ_PID" 2>/dev/null || { cat "$TMP/mosquitto/mosquitto.log" >&2; die "mosquitto exited"; }
  sleep 0.1
done
ss -Htln "sport = :$MQ_PORT" | grep -q . || die "mosquitto did not listen on $MQ_PORT within 10 s"
BROKER="tcp://127.0.0.1:$MQ_PORT"

# The subscriber first, so it misses nothing; backlog = content dated before the restart.
DRAIN_TIMEOUT=$(( EXPECTED * 2 / DRAIN_RATE + 300 ))   # twice the configured-rate time, plus start-up
SINCE=$(now_ms)
bench drain "$BROKER" "$EXPECTED" "$DRAIN_TIMEOUT" "$SINCE" >"$TMP/drain.txt" 2>"$TMP/drain.log" &
DRAIN_PID=$!
for _ in $(seq 300); do   # up to 30 s
  grep -q '^subscribed' "$TMP/drain.txt" && break
  kill -0 "$DRAIN_PID" 2>/dev/null || { cat "$TMP/drain.log" >&2; die "drain subscriber exited"; }
  sleep 0.1
done
grep -q '^subscribed' "$TMP/drain.txt" || die "drain subscriber not subscribed within 30 s"

echo "c) broker up ($BROKER): draining $EXPECTED messages at the configured $DRAIN_RATE msg/s (timeout ${DRAIN_TIMEOUT} s)" >&2
start_gateway "$BROKER" "$TMP/gateway-drain.log"
for _ in $(seq 600); do   # up to 60 s: its first message (NBIRTH) reaching the subscriber
  [[ -n $(figure first_arrival_ms "$TMP/drain.txt") ]] && break
  alive_or_die "$GW_PID" "$TMP/gateway-drain.log" "connecting"
  sleep 0.1
done
[[ -n $(figure first_arrival_ms "$TMP/drain.txt") ]] || { tail -n 30 "$TMP/gateway-drain.log" >&2; die "the gateway published nothing within 60 s"; }

# Heap right after connecting, then every SAMPLE_S s while the drain runs (GC.heap_info forces no GC).
HEAP_AT_CONNECT=$(heap_used_mb "$GW_PID" "$TMP/heap_info_connect.txt") || die "heap not measurable: $HEAP_AT_CONNECT"
HEAP_MAX=$HEAP_AT_CONNECT RSS_MAX=$(rss_mb "$GW_PID") SAMPLES=1
END=$(( $(now_ms) + (DRAIN_TIMEOUT + 30) * 1000 ))
while kill -0 "$DRAIN_PID" 2>/dev/null && (( $(now_ms) < END )); do
  sleep "$SAMPLE_S"
  alive_or_die "$GW_PID" "$TMP/gateway-drain.log" "during the drain"
  heap=$(heap_used_mb "$GW_PID") || continue   # one failed sample is not a result
  HEAP_MAX=$(awk -v a="$HEAP_MAX" -v b="$heap" 'BEGIN { print (b > a ? b : a) }')
  RSS_MAX=$(awk -v a="$RSS_MAX" -v b="$(rss_mb "$GW_PID")" 'BEGIN { print (b > a ? b : a) }')
  SAMPLES=$(( SAMPLES + 1 ))
done
DRAIN_STATUS=0
wait "$DRAIN_PID" || DRAIN_STATUS=$?
DRAIN_PID=""
[[ $DRAIN_STATUS -eq 0 ]] || cat "$TMP/drain.log" >&2   # why, ahead of the table; the script fails after it
stop_pids "$GW_PID"; GW_PID=""   # its live traffic would compete with the throughput run

# d) Live throughput against the same broker.
echo "d) live throughput for ${THROUGHPUT_S} s" >&2
bench throughput "$BROKER" "$THROUGHPUT_S" >"$TMP/throughput.txt" || { cat "$TMP/throughput.txt" >&2; die "throughput failed"; }

# e) Report (stdout and cloud.md).
x() { figure "$1" "$TMP/$2.txt"; }
DISK_MB=$(awk -v b="$(x disk_bytes extend)" 'BEGIN { printf "%.1f", b / 1048576 }')
if [[ $DRAIN_STATUS -eq 0 ]]; then
  DRAIN="$(x drain_messages_per_s drain) msgs/s, $(x drain_samples_per_s drain) samples/s; $(x drain_seconds drain) s for $(x backlog_messages drain) messages"
else
  DRAIN="incomplete: $(x backlog_messages drain) of $EXPECTED messages in ${DRAIN_TIMEOUT} s"
fi
{
  echo "| Cloud sync ($RECORD_S s of the demo container's output with the broker down, extended to ${OUTAGE_S} s; QoS 1, local Mosquitto) | Value |"
  echo "|---|---|"
  context_rows
  echo "| Broker | $("$MOSQUITTO" -h 2>&1 | head -n 1 || true), loopback |"
  echo "| Demo site rate (over $(x recorded_span_s extend) s recorded) | $(x demo_messages_per_s extend) msgs/s, $(x demo_samples_per_s extend) samples/s |"
  echo "| Backlog of a ${OUTAGE_S} s outage | $(x queued_messages extend) messages, $(x queued_samples extend) samples ($(x thinned extend) thinned, capacity $CAPACITY_MB MB) |"
  echo "| Disk per queued sample (outbound.db + WAL after checkpoint) | $(x disk_bytes_per_sample extend) bytes ($DISK_MB MB in all, $(x disk_bytes_per_message extend) bytes per message) |"
  echo "| Backlog drain at the configured $DRAIN_RATE msgs/s | $DRAIN |"
  echo "| Live messages received during the drain | $(x live_messages drain) |"
  echo "| Gateway heap during the drain (GC.heap_info, no forced GC, -Xmx64m) | $HEAP_AT_CONNECT MB after connecting, max $HEAP_MAX MB over $SAMPLES samples |"
  echo "| Gateway RSS during the drain (max) | $RSS_MAX MB |"
  echo "| Live throughput, QoS 1 acknowledged ($(x metrics_per_message throughput)-metric DDATA, $(x payload_bytes_per_message throughput) bytes, fsynced append each) | $(x messages_per_s throughput) msgs/s, $(x metrics_per_s throughput) metrics/s |"
} | tee "$TMP/cloud.md"
(( DRAIN_STATUS == 0 )) || die "the backlog did not drain in time (see above)"
