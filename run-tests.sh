#!/usr/bin/env bash
# Runs the whole ContainerEdge test suite on a fresh Debian machine with Java 17 and Maven.
# Installs what the tests need: an independent Modbus client (mbpoll) and Node.js for an
# independent Modbus server (npm modbus-serial).
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v mbpoll >/dev/null || need_apt+=(mbpoll)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v socat >/dev/null || need_apt+=(socat)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi

(cd src/test/interop && npm ci --omit=optional --ignore-scripts --no-audit --no-fund --silent)

mvn -B verify "$@"
