#!/usr/bin/env bash
# Builds ContainerEdge and runs the demo: the container simulator on loopback and the gateway
# against it. JSON API on http://127.0.0.1:8080/api/v1/snapshot. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
exec java -Xmx64m -jar deploy/target/containeredge.jar --demo "$@"
