#!/usr/bin/env bash
# AI swing absorption on loopback: the demo container with 200 simulated miners and its 20 simulated GPU servers
# (Redfish over HTTPS) training with swings of 30 % every 10 s, under an 800 kW import cap: p99 of (import - cap),
# kW-s above the cap, the excursions above the cap and above cap + 2 % (how many, how long).
# Usage: deploy/bench/ai-swing.sh [seconds]   (default 600 of measurement, after 40 s of start-up)
#        deploy/bench/ai-swing.sh --smoke     (10 s after 20 s of start-up, no build: the modules must be installed, as
#                                              ./run-tests.sh has done when it runs this)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh
control_bench io.containeredge.control.bench.SwingBenchmark 10 "${1:-600}"
