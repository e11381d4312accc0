#!/usr/bin/env bash
# Every benchmark the README names, in its short smoke mode, one after the other: proves each still runs
# against today's code (a benchmark that breaks fails this script, and so ./run-tests.sh, which runs it
# after `mvn install`). Their figures mean nothing. About a minute and a half on 2 cores.
# Needs the jars in deploy/target and the modules in the local Maven repository (mvn install).
#   usage: deploy/bench/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

LOGS=$(mktemp -d -t bench-smoke.XXXXXX)
START=$(now_ms)
# Runs one benchmark with its output in $LOGS/<name>.log; on failure shows the log's tail and stops.
#   usage: smoke <name> <command...>
smoke() {
  local name=$1 t0; shift
  t0=$(now_ms)
  if ! "$@" >"$LOGS/$name.log" 2>&1; then
    tail -n 40 "$LOGS/$name.log" >&2
    die "benchmark $name failed in its smoke run: $* (log: $LOGS/$name.log)"
  fi
  echo "benchmark smoke run: $name ok in $(( ($(now_ms) - t0) / 1000 )) s" >&2
}

smoke poll java -cp deploy/target/containeredge-sim.jar io.containeredge.simulator.bench.PollBenchmark 20
smoke backtest deploy/bench/backtest.sh --smoke
smoke backtest-storage deploy/bench/backtest-storage.sh --smoke
smoke plan-solve deploy/bench/plan-solve.sh --smoke
smoke reaction deploy/bench/reaction.sh --smoke
smoke freq-shed deploy/bench/freq-shed.sh --smoke
smoke redfish-caps deploy/bench/redfish-caps.sh --smoke
smoke ai-swing deploy/bench/ai-swing.sh --smoke
smoke footprint deploy/bench/footprint.sh --smoke
smoke cloud deploy/bench/cloud.sh --smoke
smoke console deploy/bench/console.sh --smoke
smoke site-scale deploy/bench/site-scale.sh --smoke
echo "benchmark smoke runs: all ok in $(( ($(now_ms) - START) / 1000 )) s (logs in $LOGS)" >&2
