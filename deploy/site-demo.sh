#!/usr/bin/env bash
# The site demo: site coordination on loopback. A ZooKeeper server, a Mosquitto broker, two site coordinators
# (one active, one standby, elected through ZooKeeper) and the demo container taking part with a fallback share of
# 900 kW: its lease, budget and fallback show on its console (/api/v1/site-lease), the site on the active
# coordinator's dashboard. Try: kill the active coordinator (the standby renews the lease before it ends), kill the
# ZooKeeper server (both stop issuing; the container falls back to 900 kW when its lease ends); set a site limit (the
# script prints the command): the container's budget falls under it within a second.
# Usage: deploy/site-demo.sh [gateway options, e.g. --api-port 18080]   Ctrl-C stops everything it started; fault
# commands typed into the terminal go to the demo's simulator as in ./run-demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v mosquitto >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q && $SUDO apt-get install -y -q mosquitto
fi
MOSQUITTO=$(command -v mosquitto || echo /usr/sbin/mosquitto)
mvn -B -q -DskipTests package
WORK=$(mktemp -d /tmp/containeredge-site-demo.XXXXXX)
MQTT_PORT=${SITE_DEMO_MQTT_PORT:-18830}
ZK_PORT=${SITE_DEMO_ZK_PORT:-18181}
DASHBOARD_PORT=${SITE_DEMO_DASHBOARD_PORT:-18443}
PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# the signing secret the coordinators sign leases with and the gateway checks them with (scope site.lease)
head -c 32 /dev/urandom | base64 > "$WORK/demo-coordinator.key"
# the key an aggregator signs its site requests with (limit.set, limit.end), in the coordinators' requests.keys
head -c 32 /dev/urandom | base64 > "$WORK/demo-aggregator.key"
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$MQTT_PORT" > "$WORK/mosquitto.conf"
"$MOSQUITTO" -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
PIDS+=($!)
printf 'tickTime=1000\ndataDir=%s/zookeeper\nclientPort=%s\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n' \
  "$WORK" "$ZK_PORT" > "$WORK/zoo.cfg"
java -Xmx64m -cp deploy/target/containeredge-site.jar org.apache.zookeeper.server.ZooKeeperServerMain "$WORK/zoo.cfg" \
  > "$WORK/zookeeper.log" 2>&1 &
PIDS+=($!)
echo "site demo: ZooKeeper pid $! on 127.0.0.1:$ZK_PORT (log $WORK/zookeeper.log)"

# two instances on one machine: each its own dashboard port and certificate (a standby's answers 503, naming the leader)
for id in a b; do
  port=$DASHBOARD_PORT; [ "$id" = b ] && port=$((DASHBOARD_PORT + 1))
  sed -e "s|tcp://127.0.0.1:1883|tcp://127.0.0.1:$MQTT_PORT|" -e "s|127.0.0.1:2181|127.0.0.1:$ZK_PORT|" \
    firmware-config/sites/demo-coordinator.yaml > "$WORK/coordinator-$id.yaml"
  printf 'dashboard:\n  port: %s\n  usersFile: dashboard-users.json\n  keystoreDir: dashboard-tls-%s\n' "$port" "$id" \
    >> "$WORK/coordinator-$id.yaml"
  printf 'requests:\n  keys:\n    - {keyId: demo-aggregator, secretFile: demo-aggregator.key}\n' \
    >> "$WORK/coordinator-$id.yaml"
  mkdir -p "$WORK/dashboard-tls-$id"
done
java -jar deploy/target/containeredge-site.jar --check "$WORK/coordinator-a.yaml"
DASHBOARD_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n%s\n' "$DASHBOARD_PASSWORD" "$DASHBOARD_PASSWORD" \
  | java -jar deploy/target/containeredge-site.jar --config "$WORK/coordinator-a.yaml" --add-user demo > /dev/null
for id in a b; do
  java -Xmx64m -jar deploy/target/containeredge-site.jar --config "$WORK/coordinator-$id.yaml" --id "coordinator-$id" \
    > "$WORK/coordinator-$id.log" 2>&1 &
  PIDS+=($!)
  echo "site demo: coordinator-$id pid $! (log $WORK/coordinator-$id.log)"
done

printf 'command.keys=site-coordinator=%s:site.lease\n' "$(cat "$WORK/demo-coordinator.key")" > "$WORK/cloud.properties"
echo "site demo: the dashboards on https://127.0.0.1:$DASHBOARD_PORT/ (coordinator-a) and :$((DASHBOARD_PORT + 1))/"
echo "  (coordinator-b; the active one shows the site), login demo / $DASHBOARD_PASSWORD (self-signed certificate)"
echo "site demo: a site limit on the POI import (a grid event), set and ended from another terminal:"
echo "  java -jar deploy/target/containeredge-site.jar --config $WORK/coordinator-a.yaml --set-limit event-1 --kw 900 \\"
echo "    --until +15m --reason 'utility order'"
echo "  java -jar deploy/target/containeredge-site.jar --config $WORK/coordinator-a.yaml --end-limit event-1"
echo "  or as an aggregator would, a signed MQTT site request (apt-get install python3-paho-mqtt):"
echo "  deploy/site-request.py 127.0.0.1 $MQTT_PORT demo-site demo-aggregator \"\$(cat $WORK/demo-aggregator.key)\" r-1 \\"
echo "    limit.set '{\"id\": \"event-2\", \"kw\": 1000, \"until\": \"+10m\", \"reason\": \"aggregator dispatch\"}'"
export MALLOC_ARENA_MAX=2
java -Xmx64m -Xms16m -XX:+UseSerialGC -jar deploy/target/containeredge.jar --demo --site-lease 900 \
  --mqtt "tcp://127.0.0.1:$MQTT_PORT" --cloud "$WORK/cloud.properties" --data "$WORK/gateway" "$@"
