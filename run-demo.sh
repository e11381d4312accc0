#!/usr/bin/env bash
# Builds ContainerEdge and runs the demo: the container simulator on loopback and the gateway
# against it. JSON API on http://127.0.0.1:8080/api/v1/snapshot. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
# Memory (README, "Gateway footprint"): a 64 MB heap; the Serial collector (G1's own tables cost ~38 MB
# at this heap size); the C2 compiler's freed scratch memory returned to the system every 30 s
# (TrimNativeHeapInterval, OpenJDK 17.0.11 or later); the heap given back after a collection when more than
# 30 % of it is free (the planner's solves grow it for a moment); two malloc arenas instead of one per thread.
export MALLOC_ARENA_MAX=2
exec java -Xmx64m -Xms16m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=30000 -XX:MinHeapFreeRatio=10 \
  -XX:MaxHeapFreeRatio=30 \
  -jar deploy/target/containeredge.jar --demo "$@"
