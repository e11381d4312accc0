#!/usr/bin/env bash
# Site coordination at scale, on loopback: the scale rig of the e2e tests (a real Mosquitto, a three-server
# ZooKeeper ensemble, two coordinator processes, 2 full gateways against the simulator and 98 lightweight
# container agents) measures
#  a) a POI cap change (both coordinators restarted with the lower cap, one after the other) -> every container's
#     committed load within its new budget, p50/p99 over the trials (the target: p99 <= 2 s), and its import;
#  a') a site limit 2 000 kW under the cap written into ZooKeeper (as --set-limit does; no restart) -> every container
#     whose budget it lowered with its committed load, then its import, within its new budget, from the write;
#  b) the active coordinator killed (kill -9) -> the standby's first lease, against the shortest lease left;
#  c) the ZooKeeper quorum lost -> leases stop, the containers fall back, the summed import against the cap.
#   usage: deploy/bench/site-scale.sh [trials]   (default 20 cap changes; about 25 s each after a 1-2 min start)
#          deploy/bench/site-scale.sh --smoke    (20 agents, no full gateway, 1 trial: proves the benchmark works;
#                                                 ./run-tests.sh runs it)
# Needs deploy/target/*.jar and the modules in the local Maven repository ('mvn -B -q -DskipTests install', for
# the offline classpath of the rig) and Mosquitto. Prints a Markdown table (also saved as <tmp>/site-scale.md).
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

if [[ ${1:-} == --smoke ]]; then
  TRIALS=1 GATEWAYS=0 AGENTS=20
else
  TRIALS=${1:-20} GATEWAYS=2 AGENTS=98
  [[ $TRIALS =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [trials | --smoke]  (positive integer, default 20)" >&2; exit 2; }
fi
for jar in deploy/target/containeredge-site.jar deploy/target/containeredge.jar deploy/target/containeredge-sim.jar; do
  [[ -f $jar ]] || die "$jar is missing: run 'mvn -B -q -DskipTests install' first"
done
command -v mosquitto >/dev/null || [[ -x /usr/sbin/mosquitto ]] || die "mosquitto not found - apt-get install -y mosquitto"

TMP=$(mktemp -d -t site-scale.XXXXXX)
echo "logs and data in $TMP" >&2
# The rig (the e2e module's test classes) and its classpath, offline.
if ! mvn -o -q -pl src/test test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$TMP/classpath.txt" -Dmdep.includeScope=test >"$TMP/mvn.log" 2>&1; then
  tail -n 30 "$TMP/mvn.log" >&2
  die "cannot build the rig offline (see above); if modules are missing: mvn -B -q -DskipTests install"
fi
# The rig stops every process it started (coordinators, gateways, simulators, Mosquitto) before it exits.
java -Dcontaineredge.root="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$PWD/src/test/target/test-classes:$(<"$TMP/classpath.txt")" io.containeredge.e2e.site.SiteScaleBench \
  "$TMP/rig" "$TRIALS" "$GATEWAYS" "$AGENTS" >"$TMP/figures.md" 2>"$TMP/rig.log" \
  || { tail -n 40 "$TMP/rig.log" >&2; die "the rig failed (log: $TMP/rig.log)"; }
{
  echo "| Site coordination at scale (loopback) | Value |"
  echo "|---|---|"
  context_rows
  cat "$TMP/figures.md"
} | tee "$TMP/site-scale.md"
