#!/usr/bin/env bash
# Installs, starts, kills, hangs, upgrades, removes and purges the ContainerEdge Debian package on a
# booted Debian 12 root, the way a site gateway lives through it:
#   - debootstrap makes the root (minbase + systemd + OpenJDK 17 + curl) in target/pkgtest;
#   - systemd-nspawn boots its systemd with a private network, so the gateway, the simulator it talks
#     to and every check only ever see the container's own loopback;
#   - everything inside is done with nsenter: dpkg, systemctl, curl.
# Usage: package-test.sh <containeredge_<version>_all.deb> <containeredge-sim.jar>
# Needs root, debootstrap and systemd-container (run-tests.sh installs them). Every wait is bounded;
# the container is powered off (or its nspawn killed, by PID) on any exit.
set -euo pipefail

DEB=$(realpath "$1")
SIM_JAR=$(realpath "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK="$HERE/../target/pkgtest"
ROOT="$WORK/root"
BASE="$WORK/base"
TOKEN="pkgtest-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
API="http://127.0.0.1:8080/api/v1"
NSPAWN=""
LEADER=""

. "$HERE/lib.sh"

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, systemd-nspawn)"
mkdir -p "$WORK"
trap power_off EXIT
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR

step "Debian 12 root with systemd and OpenJDK 17"
if [ ! -x "$BASE/usr/bin/java" ]; then
    rm -rf "$BASE"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,openjdk-17-jre-headless,curl \
        bookworm "$BASE" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
        || { tail -20 "$WORK/debootstrap.log"; fail "debootstrap failed"; }
fi
rm -rf "$ROOT"
cp -a "$BASE" "$ROOT"
mkdir -p "$ROOT/root/pkgtest"
cp "$DEB" "$ROOT/root/pkgtest/"
cp "$SIM_JAR" "$ROOT/root/pkgtest/containeredge-sim.jar"
boot

step "the container simulator, inside"
in_root systemd-run --unit=simulator --quiet java -Xmx96m -jar /root/pkgtest/containeredge-sim.jar \
    --site demo --duration 1800
wait_for 60 "simulator listening" in_root bash -c 'exec 3<>/dev/tcp/127.0.0.1/15020'

step "install: user, directories, unit enabled, not started without a site"
in_root dpkg -i "/root/pkgtest/$(basename "$DEB")" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "dpkg -i"; }
grep -q "no site configured yet" "$WORK/install.log" || fail "install did not say that the site is missing"
expect "system user" "containeredge:/var/lib/containeredge:/usr/sbin/nologin" \
    "$(in_root getent passwd containeredge | cut -d: -f1,6,7)"
expect "data directory" "containeredge containeredge 750" "$(in_root stat -c '%U %G %a' /var/lib/containeredge)"
expect "enabled" "enabled" "$(in_root systemctl is-enabled containeredge)"
expect "not started without a site" "inactive" "$(in_root systemctl is-active containeredge || true)"
in_root systemd-analyze verify /lib/systemd/system/containeredge.service 2>"$WORK/verify.log" \
    || { cat "$WORK/verify.log"; fail "systemd-analyze verify"; }

step "--check of the example site and of a broken copy"
in_root containeredge --check --config /opt/containeredge/examples/site >"$WORK/check-ok.log" 2>&1 \
    || { cat "$WORK/check-ok.log"; fail "--check refused the example site"; }
in_root sh -c 'mkdir -p /root/broken && sed "s/^container: c-01/container: 7/; s/unitId: 2}/unitId: 999}/" \
    /opt/containeredge/examples/site/site.yaml >/root/broken/site.yaml'
rc=0
in_root containeredge --check --config /root/broken >"$WORK/check-broken.log" 2>&1 || rc=$?
expect "--check exit code on a broken site" 1 "$rc"
grep -q "unitId" "$WORK/check-broken.log" || { cat "$WORK/check-broken.log"; fail "--check did not name the bad unitId"; }

step "configure and start: Type=notify returns once the first control cycle ran"
in_root sh -c "cp -r /opt/containeredge/examples/site /etc/containeredge/site \
    && echo 'pkgtest admin $(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)' >/etc/containeredge/api-tokens \
    && chgrp -R containeredge /etc/containeredge/site /etc/containeredge/api-tokens \
    && sed -i 's|^CONTAINEREDGE_OPTS=.*|CONTAINEREDGE_OPTS=\"--api-tokens /etc/containeredge/api-tokens --mqtt tcp://127.0.0.1:1\"|' \
       /etc/containeredge/containeredge.env"
t=$(now)
timeout 200 nsenter -t "$LEADER" -m -u -i -n -p systemctl start containeredge || fail "systemctl start"
took "$t" "systemctl start, to the first control cycle"
expect "active" "active" "$(in_root systemctl is-active containeredge)"
PID1=$(main_pid)
expect "runs as" "containeredge" "$(in_root stat -c %U "/proc/$PID1")"
expect "watchdog" "30s" "$(in_root systemctl show -p WatchdogUSec --value containeredge)"
wait_for 30 "status line for systemctl status" status_says "miners awake"
echo "    status: $(in_root systemctl show -p StatusText --value containeredge)"
wait_for 60 "cdu readings good over Modbus" api_has snapshot '"device":"cdu"' '"quality":"good"'
wait_for 60 "telemetry queued for the unreachable broker" backlog_above 0
in_root systemctl status --no-pager containeredge >"$WORK/status.log" || true
in_root systemd-analyze security --no-pager containeredge >"$WORK/security.log" 2>&1 || true
echo "    $(grep -i 'overall exposure' "$WORK/security.log")"
echo "    resident memory: $(in_root grep VmRSS "/proc/$PID1/status" | tr -s ' ' | cut -d' ' -f2-)"

step "kill -9: systemd restarts it"
t=$(now)
in_root systemctl kill -s KILL containeredge
wait_for 60 "restarted after kill -9" restarted "$PID1"
took "$t" "kill -9 to active again (RestartSec=5)"
PID2=$(main_pid)

step "a hung JVM: the watchdog restarts it (WatchdogSec shortened to 6 s by a drop-in)"
in_root sh -c 'mkdir -p /etc/systemd/system/containeredge.service.d && printf "[Service]\nWatchdogSec=6s\n" \
    >/etc/systemd/system/containeredge.service.d/pkgtest.conf && systemctl daemon-reload'
timeout 200 nsenter -t "$LEADER" -m -u -i -n -p systemctl restart containeredge || fail "restart with the drop-in"
PID3=$(main_pid)
[ "$PID3" != "$PID2" ] || fail "restart kept PID $PID2"
t=$(now)
in_root systemctl kill --kill-who=main -s STOP containeredge
wait_for 90 "restarted by the watchdog" restarted "$PID3"
took "$t" "frozen to active again (WatchdogSec=6, RestartSec=5)"
in_root journalctl -u containeredge --no-pager >"$WORK/journal.log"
grep -q "Watchdog timeout" "$WORK/journal.log" || fail "journal has no watchdog timeout"
in_root sh -c 'rm -r /etc/systemd/system/containeredge.service.d && systemctl daemon-reload'
timeout 200 nsenter -t "$LEADER" -m -u -i -n -p systemctl restart containeredge || fail "restart without the drop-in"
wait_for 60 "cdu readings good again" api_has snapshot '"device":"cdu"' '"quality":"good"'

step "upgrade to a newer version: configuration, queue, history and audit trail kept"
OLD_VERSION=$(in_root dpkg-query -W -f '${Version}' containeredge)
NEW_DEB=$(repack_newer "$DEB" "$OLD_VERSION+pkgtest1")
cp "$NEW_DEB" "$ROOT/root/pkgtest/"
sleep 3
BACKLOG_BEFORE=$(backlog)
HISTORY_FIRST=$(history_first)
AUDIT_FIRST=$(in_root head -n 1 /var/lib/containeredge/audit.jsonl)
SITE_SUM=$(in_root sha256sum /etc/containeredge/site/site.yaml)
PID4=$(main_pid)
t=$(now)
in_root dpkg -i "/root/pkgtest/$(basename "$NEW_DEB")" >"$WORK/upgrade.log" 2>&1 || { cat "$WORK/upgrade.log"; fail "upgrade"; }
took "$t" "dpkg -i of the upgrade (stop, backup, unpack, start to the first control cycle)"
expect "new version" "$OLD_VERSION+pkgtest1" "$(in_root dpkg-query -W -f '${Version}' containeredge)"
expect "active after the upgrade" "active" "$(in_root systemctl is-active containeredge)"
[ "$(main_pid)" != "$PID4" ] || fail "the upgrade did not restart the service"
in_root grep -q -- "--mqtt tcp://127.0.0.1:1" /etc/containeredge/containeredge.env || fail "edited containeredge.env not kept"
[ -z "$(in_root find /etc/containeredge -name '*.dpkg-*')" ] || fail "dpkg left .dpkg-* files in /etc/containeredge"
expect "site unchanged" "$SITE_SUM" "$(in_root sha256sum /etc/containeredge/site/site.yaml)"
expect "audit trail kept" "$AUDIT_FIRST" "$(in_root head -n 1 /var/lib/containeredge/audit.jsonl)"
in_root test -d /var/lib/containeredge/config/v1 || fail "configuration version 1 lost"
in_root test -f "/var/lib/containeredge/backup/$OLD_VERSION/outbound.db" || fail "no backup of the old data"
wait_for 60 "cdu readings good after the upgrade" api_has snapshot '"device":"cdu"' '"quality":"good"'
wait_for 30 "queue kept ($BACKLOG_BEFORE messages before)" backlog_above $((BACKLOG_BEFORE - 1))
history_after=$(history_first)
[ "$history_after" -le "$HISTORY_FIRST" ] || fail "history starts at $history_after, it started at $HISTORY_FIRST before"
echo "    queue $BACKLOG_BEFORE → $(backlog) messages; history from $HISTORY_FIRST kept"

step "a technician breaks the site file: the restarted service runs the last good version"
in_root sed -i 's/unitId: 2}/unitId: 999}/' /etc/containeredge/site/site.yaml
timeout 200 nsenter -t "$LEADER" -m -u -i -n -p systemctl restart containeredge || fail "restart with a broken site"
in_root journalctl -u containeredge --no-pager >"$WORK/journal.log"
grep -q "site configuration refused, still running version 1" "$WORK/journal.log" || fail "the broken site was not refused"
wait_for 60 "cdu readings good on the last good version" api_has snapshot '"device":"cdu"' '"quality":"good"'

step "remove: stopped, program gone, configuration and data kept"
in_root dpkg -r containeredge >"$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log"; fail "dpkg -r"; }
expect "stopped" "inactive" "$(in_root systemctl is-active containeredge || true)"
in_root test ! -e /opt/containeredge/lib/containeredge.jar || fail "jar left after remove"
in_root test ! -e /lib/systemd/system/containeredge.service || fail "unit left after remove"
in_root test -f /etc/containeredge/containeredge.env || fail "configuration removed by remove"
in_root test -f /var/lib/containeredge/audit.jsonl || fail "data removed by remove"

step "purge: configuration and data gone"
in_root dpkg -P containeredge >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; fail "dpkg -P"; }
in_root test ! -e /etc/containeredge || fail "/etc/containeredge left after purge"
in_root test ! -e /var/lib/containeredge || fail "/var/lib/containeredge left after purge"

step "all package checks passed"
