#!/usr/bin/env bash
# Cap round trip over Redfish with 20 simulated GPU servers on loopback (HTTPS, sessions, half Controls and half
# PowerControl, the site's default 1 s poll): PATCH -> first reading within 2 % of the new level, p50/p99; the PATCH
# alone; the Redfish client's CPU and heap while polling.
# Usage: deploy/bench/redfish-caps.sh [trials]   (default 20; all 20 servers capped per trial, about 3 s each)
#        deploy/bench/redfish-caps.sh --smoke    (2 trials, no build: the modules must be installed, as
#                                                 ./run-tests.sh has done when it runs this)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh
control_bench io.containeredge.control.bench.RedfishCapBenchmark 2 "${1:-20}"
