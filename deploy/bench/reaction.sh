#!/usr/bin/env bash
# Reaction latency of the control loop end to end on loopback (pump stop in the simulator -> last
# miner has its sleep command) and CPU per control cycle, with 200 simulated miners.
# Usage: deploy/bench/reaction.sh [trials]   (default 50; about 3 s per trial)
#        deploy/bench/reaction.sh --smoke    (3 trials, no build: the modules must be installed, as
#                                             ./run-tests.sh has done when it runs this)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh
control_bench io.containeredge.control.bench.ReactionBenchmark 3 "${1:-50}"
