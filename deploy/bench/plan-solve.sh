#!/usr/bin/env bash
# The planner's solve at the demo site's size: 192 slots of 15 minutes (48 h), the demo fleet's value curve (240
# miners of three models), a 500 kWh / 250 kW battery and a 300 kW PV profile, N solves with other prices each.
# Prints the solve times (p50, p99, max), the bytes a solve allocates and the heap kept after it, then the
# smallest heap (the gateway's Serial GC) in which 5 solves still run: what the planner needs on top of the rest.
# Usage: deploy/bench/plan-solve.sh [N]     (default 200 solves)
#        deploy/bench/plan-solve.sh --smoke (3 solves, no heap search)
# Needs deploy/target/containeredge-sim.jar (mvn install); builds nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

JAR=deploy/target/containeredge-sim.jar
[[ -f $JAR ]] || die "$JAR is missing: run mvn install first"
SOLVES=${1:-200}
if [[ $SOLVES == --smoke ]]; then
  java -jar "$JAR" plan-bench 3
  exit 0
fi
[[ $SOLVES =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N | --smoke]" >&2; exit 2; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
java -XX:+UseSerialGC -jar "$JAR" plan-bench "$SOLVES"
for mb in 16 20 24 28 32 40 48 64; do
  if java -XX:+UseSerialGC "-Xmx${mb}m" -jar "$JAR" plan-bench 5 >/dev/null 2>&1; then
    echo "5 solves run in -Xmx${mb}m (Serial GC)"
    exit 0
  fi
done
die "5 solves did not run in -Xmx64m"
