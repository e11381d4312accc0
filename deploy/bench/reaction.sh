#!/usr/bin/env bash
# Reaction latency of the control loop end to end on loopback (pump stop in the simulator -> last
# miner has its sleep command) and CPU per control cycle, with 200 simulated miners.
# Usage: deploy/bench/reaction.sh [trials]   (default 50; about 3 s per trial)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q install -DskipTests -pl bundles/control -am
exec mvn -B -q -pl bundles/control org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=io.containeredge.control.bench.ReactionBenchmark \
  -Dexec.classpathScope=test -Dexec.args="${1:-50}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
