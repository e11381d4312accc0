#!/usr/bin/env bash
# The backtest benchmark: the value, strike-price and always-on strategies replayed over the sample year of
# 15-minute prices (firmware-config/prices/sample-year-15min.csv) on the mixed-fleet container (240 miners), the
# strike price scanned every 5 USD/MWh from 40 to 200 for the best one, and the wall time of each replay as the
# command runs it (JVM start included). Prints one line per run, then the value strategy against the best strike.
# Usage: deploy/bench/backtest.sh [HASHPRICE]   (USD/TH/day, default 0.045; pool fee 2 %)
#        deploy/bench/backtest.sh --smoke       (the sample year's first week, one run per strategy)
# Needs deploy/target/containeredge-sim.jar (mvn install); builds nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repo root
# shellcheck source=deploy/bench/lib.sh
. deploy/bench/lib.sh

SITE=firmware-config/sites/mixed-container.yaml
STRIKES=$(seq 40 5 200)
backtest_args "$@"
if (( SMOKE )); then
  STRIKES=90
fi

# One replay; prints "<strategy> <profit> <energy MWh> <cost> <revenue> <uptime %> <changes/miner-day> <wall s>".
#   usage: replay <strategy>
replay() {
  local t0 json
  t0=$(now_ms)
  json=$(backtest_json "$1")
  field() { json_field "$json" "$1"; }
  printf '%-12s %12.0f %10.1f %10.0f %10.0f %7.2f %7.3f %6.1f\n' "$1" "$(field profitUsd)" "$(field energyMwh)" \
    "$(field energyCostUsd)" "$(field revenueUsd)" "$(field uptimePct)" "$(field stateChangesPerMinerDay)" \
    "$(( $(now_ms) - t0 ))e-3"
}

echo "backtest: $SITE, prices $PRICES, hashprice $HASHPRICE USD/TH/day, pool fee $POOL_FEE"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
printf '%-12s %12s %10s %10s %10s %7s %7s %6s\n' strategy profit_usd mwh cost_usd revenue_usd uptime% chg/m-d wall_s
replay always-on
value=$(replay value)
echo "$value"
best=""
for strike in $STRIKES; do
  line=$(replay "strike:$strike")
  echo "$line"
  if [[ -z $best ]] || awk -v a="$line" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[2] > y[2]) }'; then
    best=$line
  fi
done
awk -v v="$value" -v b="$best" 'BEGIN { split(v, x, " "); split(b, y, " ");
  printf "value %.0f USD against the best strike (%s) %.0f USD: %+.1f %%\n", x[2], y[1], y[2], 100 * (x[2] / y[2] - 1) }'
