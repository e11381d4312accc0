#!/usr/bin/env bash
# Runs the whole ContainerEdge test suite on a fresh Debian machine with Java 17 and Maven.
# Installs what the tests need: an independent Modbus client (mbpoll), Node.js for an
# independent Modbus server (npm modbus-serial), Mosquitto (MQTT broker, started by the tests),
# openssl (test certificates) and Chromium with chromedriver (the console's browser tests).
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v mbpoll >/dev/null || need_apt+=(mbpoll)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v socat >/dev/null || need_apt+=(socat)
# a real MQTT broker for the cloud tests; Debian puts it in /usr/sbin, off a non-root PATH
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || need_apt+=(mosquitto)
# the TLS tests make a throw-away CA and server certificate with it
command -v openssl >/dev/null || need_apt+=(openssl)
# the console's browser tests: headless Chromium and its WebDriver
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi

(cd src/test/interop && npm ci --omit=optional --ignore-scripts --no-audit --no-fund --silent)

mvn -B verify "$@"
