#!/usr/bin/env bash
# Brings the whole stack up and loads the sample articles: `npm run stack:up`.
#   With a Docker engine: docker compose (Kafka, MongoDB and the three services in containers).
#   Without one: the local Kafka and FerretDB of deploy/local/stack.sh, and the three services as
#   node processes, logs and pids under .local/.
# Stop it with `npm run stack:down`. Ports and keys come from the environment (see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/services.env.sh

if docker info >/dev/null 2>&1; then
  echo "Docker engine found: starting the stack with docker compose"
  docker compose up -d --build --wait
else
  echo "No Docker engine: starting Kafka and FerretDB locally, then the services"
  deploy/local/stack.sh start
  [ -d node_modules ] || npm ci
  npm run -s build
  mkdir -p .local/run .local/logs
  for service in ingest catalog analytics; do
    pidfile=.local/run/$service.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "$service already running (pid $(cat "$pidfile"))"
      continue
    fi
    (service_env "$service" && exec setsid nohup node "dist/apps/$service/src/main.js" >>".local/logs/$service.log" 2>&1) &
    echo $! >"$pidfile"
  done
  for service in ingest catalog analytics; do
    wait_ready "$service"
  done
fi

deploy/load-samples.sh
cat <<MSG

battery-intel is up.
  ingest     http://localhost:$INGEST_PORT/docs      (POST /v1/articles with header x-api-key: $API_KEY)
  catalog    http://localhost:$CATALOG_PORT/docs
  analytics  http://localhost:$ANALYTICS_PORT/docs
  health     /health and /health/ready on each; Prometheus metrics at /metrics
Try:
  curl -s -X POST http://localhost:$INGEST_PORT/v1/articles -H 'x-api-key: $API_KEY' -H 'content-type: text/plain' \\
    --data-binary @test/fixtures/articles/$(ls test/fixtures/articles | grep -m1 '\.txt$')
MSG
