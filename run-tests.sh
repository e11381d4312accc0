#!/usr/bin/env bash
# Runs the whole ContainerEdge test suite on a fresh Debian machine with Java 17 and Maven.
# Installs what the tests need: an independent Modbus client (mbpoll), Node.js for an
# independent Modbus server (npm modbus-serial), Mosquitto (MQTT broker, started by the tests),
# openssl (test certificates), sushy (an independent Redfish client, python3-sushy), paho-mqtt (an independent
# sender of signed site requests, python3-paho-mqtt), Chromium with chromedriver (the console's browser tests), and
# debootstrap with systemd-nspawn (the Debian package's install, upgrade and removal test); then runs
# the benchmarks' smoke modes.
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
# the Debian package test boots a Debian root made by debootstrap with systemd-nspawn
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || need_apt+=(debootstrap)
command -v systemd-nspawn >/dev/null || need_apt+=(systemd-container)
# an independent Redfish client (the Python package index is not reachable: Debian's package)
[ -f /usr/lib/python3/dist-packages/sushy/__init__.py ] || need_apt+=(python3-sushy)
# an independent sender of signed site requests to the coordinator: Debian's MQTT client for Python
[ -f /usr/lib/python3/dist-packages/paho/mqtt/client.py ] || need_apt+=(python3-paho-mqtt)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi

(cd src/test/interop && npm ci --omit=optional --ignore-scripts --no-audit --no-fund --silent)

# install = verify, then the modules into the local Maven repository, where the benchmarks' tools
# (console and cloud) take their classpath from
mvn -B install "$@"

# Every benchmark the README names, in its smoke mode (about a minute and a half): one that no longer
# runs against today's code fails the suite instead of rotting unnoticed.
deploy/bench/smoke.sh

# The .deb on a booted Debian 12: install, start, kill -9, watchdog, upgrade, remove, purge.
# Each build names its package after its time; the newest is the one this build made.
deb=$(ls -t packaging/debian/target/containeredge_*_all.deb | head -n 1)
packaging/debian/test/package-test.sh "$deb" deploy/target/containeredge-sim.jar
