#!/usr/bin/env bash
# Under-frequency shedding end to end on loopback (freq-dip in the simulator -> last miner has its sleep
# command), with 200 simulated miners, the 100 ms frequency poll and the under-frequency guard.
# Usage: deploy/bench/freq-shed.sh [trials]   (default 60, at least 50 for a p99; about 2 s per trial)
#        deploy/bench/freq-shed.sh --smoke    (3 trials, no build: the modules must be installed, as
#                                              ./run-tests.sh has done when it runs this)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh
control_bench io.containeredge.control.bench.FrequencyShedBenchmark 3 "${1:-60}"
