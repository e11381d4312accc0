# Helpers of package-test.sh: the booted root, bounded waits, assertions and the gateway's API.
# Sourced; uses ROOT, WORK, LEADER, NSPAWN, API and TOKEN of the caller.

step() { echo "== $*"; }

now() { date +%s.%N; }

took() { # <start> <what>: prints the seconds since start
    echo "    $2: $(awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.1f", to - from }') s"
}

fail() {
    echo "FAIL: $*" >&2
    if [ -n "$LEADER" ]; then
        in_root journalctl -u containeredge --no-pager -n 80 >&2 || true
    fi
    exit 1
}

expect() { # <what> <expected> <actual>
    [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
    echo "    ok: $1"
}

in_root() {
    nsenter -t "$LEADER" -m -u -i -n -p -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}

wait_for() { # <seconds> <what> <command...>: polls twice a second
    local deadline=$((SECONDS + $1)) what=$2
    shift 2
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || fail "no $what within the time allowed"
        sleep 0.5
    done
    echo "    ok: $what"
}

boot() {
    systemd-nspawn --register=no --keep-unit --private-network -q -D "$ROOT" -b --console=pipe \
        >"$WORK/boot.log" 2>&1 &
    NSPAWN=$!
    local deadline=$((SECONDS + 60))
    while [ -z "$LEADER" ]; do
        [ $SECONDS -lt $deadline ] || fail "the container did not boot"
        kill -0 "$NSPAWN" 2>/dev/null || { cat "$WORK/boot.log"; fail "systemd-nspawn exited"; }
        # the container's init once it runs systemd: nspawn's short-lived helper child is a child of it too, and
        # taken for the leader it left every nsenter failing once it had gone (a CI run failed so)
        LEADER=$(ps -o pid=,comm= --ppid "$NSPAWN" | awk '$2 == "systemd" { print $1; exit }' || true)
        sleep 0.5
    done
    wait_for 60 "booted systemd" booted
}

booted() {
    local state
    state=$(in_root systemctl is-system-running 2>/dev/null || true)
    [ "$state" = running ] || [ "$state" = degraded ]
}

power_off() {
    local rc=$?
    if [ -n "$NSPAWN" ] && kill -0 "$NSPAWN" 2>/dev/null; then
        in_root systemctl poweroff >/dev/null 2>&1 || true
        local deadline=$((SECONDS + 30))
        while kill -0 "$NSPAWN" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
        kill -9 "$NSPAWN" 2>/dev/null || true
    fi
    # a container whose init outlived nspawn: killing its init ends every process of its PID namespace
    if [ -n "$LEADER" ] && kill -0 "$LEADER" 2>/dev/null; then kill -9 "$LEADER" 2>/dev/null || true; fi
    [ $rc -ne 0 ] || [ -n "${KEEP_ROOT:-}" ] || rm -rf "$ROOT"
    exit $rc
}

status_says() { [[ "$(in_root systemctl show -p StatusText --value containeredge)" == *"$1"* ]]; }

main_pid() { in_root systemctl show -p MainPID --value containeredge; }

restarted() { # <old pid>: active again under another PID
    local pid
    pid=$(main_pid)
    [ "$(in_root systemctl is-active containeredge)" = active ] && [ "$pid" != 0 ] && [ "$pid" != "$1" ]
}

api() { # <path>: the JSON the gateway answers, through the API token
    in_root curl -sf --max-time 5 -H "Authorization: Bearer $TOKEN" "$API/$1"
}

api_has() { # <path> <text>...: one JSON object of the answer holds every text
    local json
    json=$(api "$1") || return 1
    shift
    python3 -c '
import json, sys
def objects(node):
    if isinstance(node, dict):
        yield node
        for v in node.values(): yield from objects(v)
    elif isinstance(node, list):
        for v in node: yield from objects(v)
texts = sys.argv[1:]
found = any(all(t in json.dumps(o, separators=(",", ":")) for t in texts) for o in objects(json.load(sys.stdin)))
sys.exit(0 if found else 1)' "$@" <<<"$json"
}

backlog() {
    api system | python3 -c 'import json, sys; print(json.load(sys.stdin)["cloud"]["backlog"])'
}

backlog_above() { [ "$(backlog)" -gt "$1" ]; }

history_first() { # epoch second of the oldest history point with a value
    api "history?range=1h" | python3 -c '
import json, sys
h = json.load(sys.stdin)
series = list(h["series"].values())
print(next(t for i, t in enumerate(h["t"]) if any(s["values"][i] is not None for s in series)))'
}

repack_newer() { # <deb> <version>: the same package under a higher version, in $WORK
    local dir="$WORK/repack" out="$WORK/containeredge_$2_all.deb"
    rm -rf "$dir"
    dpkg-deb -R "$1" "$dir"
    sed -i "s/^Version: .*/Version: $2/" "$dir/DEBIAN/control"
    dpkg-deb -b "$dir" "$out" >/dev/null
    rm -rf "$dir"
    echo "$out"
}
