#!/usr/bin/env bash
# Stops what `npm run stack:up` started. Data stays (.local/ or the compose volumes).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if docker info >/dev/null 2>&1; then
  docker compose down
  exit 0
fi
for service in ingest catalog analytics; do
  pidfile=.local/run/$service.pid
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    # SIGTERM lets the service finish the batch in hand and commit it.
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
    echo "$service stopped"
  fi
  rm -f "$pidfile"
done
deploy/local/stack.sh stop
