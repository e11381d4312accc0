#!/usr/bin/env bash
# Cap round trip over Redfish with 20 simulated GPU servers on loopback (HTTPS, sessions, half Controls and half
# PowerControl, the site's default 1 s poll): PATCH -> first reading within 2 % of the cap, p50/p99; the PATCH
# alone; the Redfish client's CPU and heap while polling.
# Usage: deploy/bench/redfish-caps.sh [trials]   (default 20; all 20 servers capped per trial, about 3 s each)
#        deploy/bench/redfish-caps.sh --smoke    (2 trials, no build: the modules must be installed, as
#                                                 ./run-tests.sh has done when it runs this)
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIALS=${1:-20}
if [[ $TRIALS == --smoke ]]; then
  TRIALS=2
else
  [[ $TRIALS =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [trials | --smoke]" >&2; exit 2; }
  mvn -B -q install -DskipTests -pl bundles/control -am
fi
exec mvn -B -q -pl bundles/control org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=io.containeredge.control.bench.RedfishCapBenchmark \
  -Dexec.classpathScope=test -Dexec.args="$TRIALS" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
