#!/usr/bin/env bash
# Reaction latency of the control loop end to end on loopback (pump stop in the simulator -> last
# miner has its sleep command) and CPU per control cycle, with 200 simulated miners.
# Usage: deploy/bench/reaction.sh [trials]   (default 50; about 3 s per trial)
#        deploy/bench/reaction.sh --smoke    (3 trials, no build: the modules must be installed, as
#                                             ./run-tests.sh has done when it runs this)
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIALS=${1:-50}
if [[ $TRIALS == --smoke ]]; then
  TRIALS=3
else
  [[ $TRIALS =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [trials | --smoke]" >&2; exit 2; }
  mvn -B -q install -DskipTests -pl bundles/control -am
fi
exec mvn -B -q -pl bundles/control org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=io.containeredge.control.bench.ReactionBenchmark \
  -Dexec.classpathScope=test -Dexec.args="$TRIALS" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
