#!/usr/bin/env bash
# The storage backtest: the demo container (240 miners) with its 500 kWh / 250 kW battery (round trip 0.94, wear
# 20 USD/MWh), a 400 kW PV plant (West Texas sun, seeded cloud days) and export of up to 300 kW at the market price,
# over the sample year of 15-minute prices, four ways: always-on, value (economics, the battery idle), rule-battery
# (value and today's rule-based battery) and plan (the storage planner's LP re-planned every 4 h and followed).
# Prints one line per strategy (USD, MWh, the highest slot import against the cap, uptime %, miner state changes per
# miner-day, solves) with the wall time of its replay (JVM start included), then plan against value.
# Usage: deploy/bench/backtest-storage.sh [HASHPRICE]   (USD/TH/day, default 0.045; pool fee 2 %)
#        deploy/bench/backtest-storage.sh --smoke       (the sample year's first week)
# Needs deploy/target/containeredge-sim.jar (mvn install); builds nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

SITE=firmware-config/sites/demo-container.yaml
STORAGE=(--battery-kwh 500 --battery-kw 250 --round-trip 0.94 --wear 20 --pv-kw 400 --export-kw 300
  --export-price market)
backtest_args "$@"

# One replay; prints its figures (see the header line) and the wall time.
#   usage: replay <strategy>
replay() {
  local t0 json
  t0=$(now_ms)
  json=$(backtest_json "$1" "${STORAGE[@]}")
  field() { json_field "$json" "$1"; }
  printf '%-13s %10.0f %10.0f %9.0f %8.0f %6.0f %6.1f %7.1f %7.1f %6.1f %6.0f/%-5.0f %6.2f %6.1f %5d %6.1f\n' \
    "$1" "$(field profitUsd)" "$(field revenueUsd)" "$(field energyCostUsd)" "$(field exportRevenueUsd)" \
    "$(field batteryWearUsd)" "$(field batteryCycles)" "$(field exportMwh)" "$(field pvUsedMwh)" \
    "$(field pvCurtailedMwh)" "$(field maxImportKw)" "$(field importCapKw)" "$(field uptimePct)" \
    "$(field stateChangesPerMinerDay)" "$(field plans)" "$(( $(now_ms) - t0 ))e-3"
}

echo "storage backtest: $SITE, prices $PRICES, hashprice $HASHPRICE USD/TH/day, pool fee $POOL_FEE"
echo "site: ${STORAGE[*]}"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
printf '%-13s %10s %10s %9s %8s %6s %6s %7s %7s %6s %12s %6s %6s %5s %6s\n' strategy profit_usd revenue \
  energy_usd export wear cycles exp_mwh pv_mwh curt max/cap_kw uptime chg/md plans wall_s
replay always-on
value=$(replay value)
echo "$value"
replay rule-battery
plan=$(replay plan)
echo "$plan"
awk -v v="$value" -v p="$plan" 'BEGIN { split(v, x, " "); split(p, y, " ");
  printf "plan %.0f USD against value %.0f USD: %+.0f USD (%+.2f %%)\n", y[2], x[2], y[2] - x[2], 100 * (y[2] / x[2] - 1) }'
