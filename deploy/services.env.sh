# Sourced by up.sh, down.sh and load-samples.sh: the ports, key and per-service environment.
INGEST_PORT=${INGEST_PORT:-3001}
CATALOG_PORT=${CATALOG_PORT:-3002}
ANALYTICS_PORT=${ANALYTICS_PORT:-3003}
# The first of API_KEYS is the one the scripts use.
API_KEYS=${API_KEYS:-local-dev-key}
API_KEY=${API_KEYS%%,*}
export API_KEYS

# Exports the environment of one service when it runs as a local process.
service_env() {
  export KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:${LOCAL_KAFKA_PORT:-9092}}
  export MONGODB_URI=${MONGODB_URI:-mongodb://127.0.0.1:${LOCAL_MONGO_PORT:-27017}}
  export MONGODB_DB=battery_$1
  case $1 in
    ingest) export PORT=$INGEST_PORT ;;
    catalog) export PORT=$CATALOG_PORT CONSUMER_GROUP=${CATALOG_CONSUMER_GROUP:-catalog} ;;
    analytics) export PORT=$ANALYTICS_PORT CONSUMER_GROUP=${ANALYTICS_CONSUMER_GROUP:-analytics} ;;
  esac
}

port_of() {
  case $1 in ingest) echo "$INGEST_PORT" ;; catalog) echo "$CATALOG_PORT" ;; analytics) echo "$ANALYTICS_PORT" ;; esac
}

# Waits until a service answers its readiness check; shows its log when it does not.
wait_ready() {
  local url="http://127.0.0.1:$(port_of "$1")/health/ready"
  for _ in $(seq 1 120); do
    if curl -fs "$url" >/dev/null 2>&1; then
      echo "$1 ready"
      return 0
    fi
    sleep 0.5
  done
  echo "$1 did not become ready at $url; last log lines:" >&2
  tail -n 30 ".local/logs/$1.log" >&2 || true
  return 1
}
