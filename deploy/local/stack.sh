#!/usr/bin/env bash
# Local infrastructure for battery-intel without Docker: a real Apache Kafka
# broker (jars from Maven Central) and FerretDB (a MongoDB wire-protocol server on
# SQLite, built from the Go module proxy), both bound to 127.0.0.1 only.
#
# Usage: deploy/local/stack.sh install|start|stop|status|logs [-f]   (from any cwd)
#
#   install  fetch the Kafka jars (mvn) and build FerretDB (go) into the cache,
#            unless already there. Needs Java 17+, Maven 3 and Go 1.24+.
#   start    install if needed, start whatever is not already running, wait
#            until both answer, then print on stdout:
#              KAFKA_BROKERS=127.0.0.1:<port>
#              MONGODB_URI=mongodb://127.0.0.1:<port>
#            Running it again is harmless. Processes are detached (setsid), so
#            they outlive the shell or CI step that started them.
#            A port held by anything else fails clearly, except a stack run by
#            another checkout of this repo (e.g. CI's fresh clone while a work
#            tree's stack runs): start then uses that one (see sibling_pid).
#   stop     SIGTERM, then SIGKILL after LOCAL_STOP_TIMEOUT seconds. Idempotent.
#   status   one line per component; exit 0 if both run and answer, 3 otherwise.
#   logs     last lines of both logs; `logs -f` follows them.
#
# Environment (defaults in brackets):
#   LOCAL_KAFKA_PORT [9092]  LOCAL_KAFKA_CONTROLLER_PORT [9093]  LOCAL_MONGO_PORT [27017]
#   BATTERY_INTEL_CACHE [~/.cache/battery-intel]  downloaded jars, built binary
#   BATTERY_INTEL_DATA  [<repo>/.local]           data, logs, pid files (gitignored)
#   LOCAL_KAFKA_START_TIMEOUT [120]  LOCAL_MONGO_START_TIMEOUT [60]  LOCAL_STOP_TIMEOUT [30]
#   LOCAL_KAFKA_HEAP [512m]  LOCAL_FERRETDB_LOG_LEVEL [error] (warn: failed commands, info: every connection)
#
# Versions live in one place each: <kafka.version> in kafka/pom.xml and the
# FerretDB require line in ferretdb/go.mod. Cache folders are named after the
# version plus a hash of those files, so changing them triggers a fresh install.
# Changing the Kafka ports after the first start is fine; to wipe all data run
# `stack.sh stop && rm -rf .local`.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/../.." && pwd -P)

KAFKA_PORT=${LOCAL_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${LOCAL_KAFKA_CONTROLLER_PORT:-9093}
MONGO_PORT=${LOCAL_MONGO_PORT:-27017}
KAFKA_START_TIMEOUT=${LOCAL_KAFKA_START_TIMEOUT:-120}
MONGO_START_TIMEOUT=${LOCAL_MONGO_START_TIMEOUT:-60}
STOP_TIMEOUT=${LOCAL_STOP_TIMEOUT:-30}
KAFKA_HEAP=${LOCAL_KAFKA_HEAP:-512m}
FERRETDB_LOG_LEVEL=${LOCAL_FERRETDB_LOG_LEVEL:-error}
CACHE_DIR=${BATTERY_INTEL_CACHE:-$HOME/.cache/battery-intel}
DATA_DIR=${BATTERY_INTEL_DATA:-$REPO_ROOT/.local}

# Fixed KRaft cluster id (22 chars of base64url, as `StorageTool random-uuid`
# prints). It is only used once, when the storage is formatted.
KAFKA_CLUSTER_ID=FLrTzNAMT7aIj_B2T3Lc3w

KAFKA_SRC=$SCRIPT_DIR/kafka
FERRETDB_SRC=$SCRIPT_DIR/ferretdb

log() { printf '[stack] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH; $2"; }
short_hash() { cat "$@" | sha256sum | cut -c1-12; }

KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_SRC/pom.xml")
FERRETDB_VERSION=$(awk '{ for (i = 1; i < NF; i++) if ($i == "github.com/FerretDB/FerretDB") { v = $(i + 1); sub(/^v/, "", v); print v; exit } }' "$FERRETDB_SRC/go.mod")
[[ -n $KAFKA_VERSION && -n $FERRETDB_VERSION ]] || die "cannot read versions from kafka/pom.xml or ferretdb/go.mod"

KAFKA_HOME=$CACHE_DIR/kafka-$KAFKA_VERSION-$(short_hash "$KAFKA_SRC/pom.xml")
FERRETDB_HOME=$CACHE_DIR/ferretdb-$FERRETDB_VERSION-$(short_hash "$FERRETDB_SRC/go.mod" "$FERRETDB_SRC/go.sum" "$FERRETDB_SRC/main.go")
FERRETDB_BIN=$FERRETDB_HOME/bin/ferretdb-local

# Everything below DATA_DIR is created on demand; resolve it to an absolute path
# because it ends up in config files and process command lines.
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd -- "$DATA_DIR" && pwd -P)
LOG_DIR=$DATA_DIR/logs
KAFKA_CONF=$DATA_DIR/kafka/server.properties
KAFKA_LOG_DIRS=$DATA_DIR/kafka/data
KAFKA_PIDFILE=$DATA_DIR/kafka.pid
FERRETDB_DATA=$DATA_DIR/ferretdb
FERRETDB_PIDFILE=$DATA_DIR/ferretdb.pid

# A pid file is trusted only if that process is alive and its command line
# mentions our config/data path, so a stale pid reused by some other process is
# never signalled. The markers are unique per data dir.
KAFKA_MARKER="kafka.Kafka $KAFKA_CONF"
FERRETDB_MARKER="-data $FERRETDB_DATA"

# ---------------------------------------------------------------- helpers

# True if something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp).
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Prints the full command line of process $1 (fails if there is no such process).
pid_args() { ps -ww -o args= -p "$1" 2>/dev/null; }

# Prints the pid from pid file $1 if it is alive and its command line contains $2.
our_pid() {
  local pid args
  [[ -f $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  args=$(pid_args "$pid") || return 1
  [[ $args == *"$2"* ]] || return 1
  echo "$pid"
}

# Another checkout of this repo (e.g. CI's fresh clone next to a developer's work
# tree) may already run a stack on the same ports from its own data dir. Its
# servers are as good as ours for tests, so we use them instead of failing on a
# "port in use". Prints the pid listening on 127.0.0.1:$1 if that process is a
# battery-intel kafka ($2=kafka) or ferretdb ($2=ferretdb); needs `ss`.
sibling_pid() {
  local out pid args
  command -v ss >/dev/null 2>&1 || return 1
  out=$(ss -Hltnp "sport = :$1" 2>/dev/null) || return 1
  [[ $out =~ pid=([0-9]+) ]] || return 1
  pid=${BASH_REMATCH[1]}
  args=$(pid_args "$pid") || return 1
  case $2 in
    kafka) [[ $args == *"/deploy/local/kafka/log4j.properties"*" kafka.Kafka "* ]] || return 1 ;;
    ferretdb) [[ $args == */ferretdb-local" -listen "* ]] || return 1 ;;
  esac
  echo "$pid"
}

# True while process $1 exists and is not a zombie (a zombie left for a slow
# reaper would otherwise look alive to `kill -0` until the SIGKILL timeout).
alive() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}

# Starts "$@" detached from this shell: its own session (setsid, so no SIGHUP and
# no process-group kill when the calling shell or CI step ends), stdin from
# /dev/null, output appended to $2, and fd 9 (our lock, see take_lock) closed so
# the server does not hold the lock forever. The child writes its own pid into
# $1 before exec'ing the command, so the pid file holds the server's real pid.
daemonize() {
  local pidfile=$1 logfile=$2
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # $$, $0 and $@ are for the child bash, not us.
  local launcher=(bash -c 'echo "$$" >"$0" && exec "$@"' "$pidfile" "$@")
  if command -v setsid >/dev/null 2>&1; then
    setsid -f nohup "${launcher[@]}" </dev/null >>"$logfile" 2>&1 9>&-
  else
    nohup "${launcher[@]}" </dev/null >>"$logfile" 2>&1 9>&- &
  fi
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.1
  done
  die "process did not start: $*"
}

# Command prefix to run a Kafka command-line tool class from the cached jars.
KAFKA_TOOL=(java -Xmx256m -Dlog4j.configuration="file:$KAFKA_SRC/tools-log4j.properties" -cp "$KAFKA_HOME/jars/*")

# Called when a component fails to come up: say why and show its log.
fail_start() {
  local name=$1 reason=$2 logfile
  log "ERROR: $name failed to start: $reason"
  for logfile in "${@:3}"; do
    [[ -f $logfile ]] || continue
    log "---- last lines of $logfile"
    tail -n 40 "$logfile" >&2
  done
  log "full logs: $LOG_DIR (stop leftovers with: $0 stop)"
  exit 1
}

# Serialises install/start/stop so that parallel callers (several test workers,
# two terminals) cannot start two brokers on one data dir.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$DATA_DIR/.stack.lock"
  flock 9
}

# ---------------------------------------------------------------- install

install_kafka() {
  [[ -f $KAFKA_HOME/.complete ]] && return 0
  need java "install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless)"
  need mvn "install Maven 3 (e.g. apt-get install maven)"
  log "installing Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_HOME"
  mkdir -p "$CACHE_DIR"
  local tmp
  tmp=$(mktemp -d "$CACHE_DIR/.kafka-XXXXXX")
  # Fill a temp dir and rename it at the end, so an interrupted download never
  # looks like a complete install.
  # stdout to stderr: `start` keeps stdout for the endpoint lines only.
  mvn -B -q --no-transfer-progress -Dstyle.color=never -f "$KAFKA_SRC/pom.xml" \
    dependency:copy-dependencies -DoutputDirectory="$tmp/jars" >&2 ||
    die "mvn could not fetch the Kafka jars (see output above)"
  touch "$tmp/.complete"
  rm -rf "$KAFKA_HOME"
  mv "$tmp" "$KAFKA_HOME"
}

install_ferretdb() {
  [[ -x $FERRETDB_BIN ]] && return 0
  need go "install Go 1.24+ (https://go.dev/dl or apt)"
  log "building FerretDB $FERRETDB_VERSION into $FERRETDB_HOME"
  mkdir -p "$FERRETDB_HOME/bin"
  # CGO_ENABLED=0: FerretDB's SQLite driver (modernc.org/sqlite) is pure Go, so no
  # C toolchain is needed. -mod=readonly: fail rather than edit go.mod/go.sum.
  (cd "$FERRETDB_SRC" &&
    CGO_ENABLED=0 go build -mod=readonly -buildvcs=false -trimpath \
      -o "$FERRETDB_BIN.tmp" .) >&2 || die "go build of FerretDB failed (see output above)"
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
}

cmd_install() {
  install_kafka
  install_ferretdb
  log "installed: $KAFKA_HOME, $FERRETDB_BIN"
}

# ---------------------------------------------------------------- start

# Fails clearly if one of the given ports is already taken (by a process that is
# not ours: callers check our pid file first).
check_ports_free() {
  local name=$1 port
  shift
  for port in "$@"; do
    if port_open "$port"; then
      die "$name: port 127.0.0.1:$port is already in use by another process (not ours). Stop it or choose another port via LOCAL_KAFKA_PORT / LOCAL_KAFKA_CONTROLLER_PORT / LOCAL_MONGO_PORT."
    fi
  done
}

# Our running instance must use the requested ports, otherwise the readiness
# checks would talk to whatever else listens there.
other_ports() { die "$1 is already running from $DATA_DIR on other ports; run '$0 stop' first to change ports"; }

launch_kafka() {
  log "kafka: starting on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
  mkdir -p "$LOG_DIR" "$KAFKA_LOG_DIRS"
  # Re-rendered on every start so port changes take effect.
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@LOG_DIRS@|$KAFKA_LOG_DIRS|g" \
    "$KAFKA_SRC/server.properties.tmpl" >"$KAFKA_CONF"
  # KRaft refuses to start on unformatted storage; format exactly once.
  if [[ ! -f $KAFKA_LOG_DIRS/meta.properties ]]; then
    log "kafka: formatting storage in $KAFKA_LOG_DIRS"
    "${KAFKA_TOOL[@]}" kafka.tools.StorageTool format --ignore-formatted \
      -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_CONF" >>"$LOG_DIR/kafka.out" 2>&1 ||
      fail_start kafka "storage format failed" "$LOG_DIR/kafka.out"
  fi
  # Same JVM flags as Kafka's own kafka-server-start.sh, minus GC logging and JMX.
  daemonize "$KAFKA_PIDFILE" "$LOG_DIR/kafka.out" \
    java "-Xmx$KAFKA_HEAP" "-Xms$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOG_DIR" -Dlog4j.configuration="file:$KAFKA_SRC/log4j.properties" \
    -cp "$KAFKA_HOME/jars/*" kafka.Kafka "$KAFKA_CONF"
}

launch_ferretdb() {
  log "ferretdb: starting on 127.0.0.1:$MONGO_PORT"
  mkdir -p "$LOG_DIR" "$FERRETDB_DATA"
  # DO_NOT_TRACK: the embedded FerretDB has telemetry off already; belt and braces.
  DO_NOT_TRACK=1 FERRETDB_TELEMETRY=disable daemonize "$FERRETDB_PIDFILE" "$LOG_DIR/ferretdb.log" \
    "$FERRETDB_BIN" -listen "127.0.0.1:$MONGO_PORT" -data "$FERRETDB_DATA" -log-level "$FERRETDB_LOG_LEVEL"
}

# Ready = the port answers AND a real request succeeds (an ApiVersions/metadata
# round trip through Kafka's own BrokerApiVersionsCommand). Port alone is not
# enough: the broker opens it before it has caught up with the KRaft metadata.
# $1 = pid of a sibling stack's broker when we use that one (nothing to watch).
wait_kafka() {
  local sibling=${1:-} deadline=$((SECONDS + KAFKA_START_TIMEOUT)) logs=("$LOG_DIR/kafka.log" "$LOG_DIR/kafka.out")
  until port_open "$KAFKA_PORT" &&
    timeout 30 "${KAFKA_TOOL[@]}" kafka.admin.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" >/dev/null 2>&1; do
    [[ -n $sibling ]] || our_pid "$KAFKA_PIDFILE" "$KAFKA_MARKER" >/dev/null || fail_start kafka "the process exited" "${logs[@]}"
    ((SECONDS < deadline)) || fail_start kafka "not ready after ${KAFKA_START_TIMEOUT}s (LOCAL_KAFKA_START_TIMEOUT)" "${logs[@]}"
    sleep 1
  done
  log "kafka: ready"
}

# Ready = a MongoDB `ping` succeeds, using the repo's mongodb driver when
# node_modules is installed; otherwise the open port has to do (FerretDB opens
# its listener only after the SQLite backend is set up).
wait_ferretdb() {
  local sibling=${1:-} deadline=$((SECONDS + MONGO_START_TIMEOUT)) ping=(true)
  if command -v node >/dev/null 2>&1 && (cd "$REPO_ROOT" && node -e "require.resolve('mongodb')") >/dev/null 2>&1; then
    ping=(node -e "
      const { MongoClient } = require('mongodb');
      const c = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 3000 });
      c.db('admin').command({ ping: 1 }).then(() => c.close()).then(() => process.exit(0), () => process.exit(1));
    " "mongodb://127.0.0.1:$MONGO_PORT/")
  fi
  until port_open "$MONGO_PORT" && (cd "$REPO_ROOT" && "${ping[@]}") >/dev/null 2>&1; do
    [[ -n $sibling ]] || our_pid "$FERRETDB_PIDFILE" "$FERRETDB_MARKER" >/dev/null || fail_start ferretdb "the process exited" "$LOG_DIR/ferretdb.log"
    ((SECONDS < deadline)) || fail_start ferretdb "not ready after ${MONGO_START_TIMEOUT}s (LOCAL_MONGO_START_TIMEOUT)" "$LOG_DIR/ferretdb.log"
    sleep 0.5
  done
  log "ferretdb: ready"
}

cmd_start() {
  take_lock
  install_kafka
  install_ferretdb
  local kafka_pid ferretdb_pid kafka_sibling='' ferretdb_sibling=''
  # Decide and check everything first, so a port conflict leaves nothing half-started.
  if kafka_pid=$(our_pid "$KAFKA_PIDFILE" "$KAFKA_MARKER"); then
    grep -qxF "listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT" "$KAFKA_CONF" ||
      other_ports kafka
    log "kafka: already running (pid $kafka_pid)"
  else
    rm -f "$KAFKA_PIDFILE"
    if kafka_sibling=$(sibling_pid "$KAFKA_PORT" kafka); then
      log "kafka: 127.0.0.1:$KAFKA_PORT is served by another battery-intel checkout's stack (pid $kafka_sibling); using it"
    else
      check_ports_free kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
    fi
  fi
  if ferretdb_pid=$(our_pid "$FERRETDB_PIDFILE" "$FERRETDB_MARKER"); then
    [[ $(pid_args "$ferretdb_pid") == *"-listen 127.0.0.1:$MONGO_PORT "* ]] || other_ports ferretdb
    log "ferretdb: already running (pid $ferretdb_pid)"
  else
    rm -f "$FERRETDB_PIDFILE"
    if ferretdb_sibling=$(sibling_pid "$MONGO_PORT" ferretdb); then
      log "ferretdb: 127.0.0.1:$MONGO_PORT is served by another battery-intel checkout's stack (pid $ferretdb_sibling); using it"
    else
      check_ports_free ferretdb "$MONGO_PORT"
    fi
  fi
  # Launch both first, then wait: the JVM warms up while FerretDB starts.
  [[ -n $kafka_pid || -n $kafka_sibling ]] || launch_kafka
  [[ -n $ferretdb_pid || -n $ferretdb_sibling ]] || launch_ferretdb
  wait_ferretdb "$ferretdb_sibling"
  wait_kafka "$kafka_sibling"
  echo "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
  echo "MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT"
}

# ---------------------------------------------------------------- stop / status / logs

cmd_stop() {
  take_lock
  local name pidfile marker pid port pids=() names=() pidfiles=() i
  for name in kafka ferretdb; do
    if [[ $name == kafka ]]; then pidfile=$KAFKA_PIDFILE marker=$KAFKA_MARKER; else pidfile=$FERRETDB_PIDFILE marker=$FERRETDB_MARKER; fi
    if pid=$(our_pid "$pidfile" "$marker"); then
      log "$name: stopping (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid") names+=("$name") pidfiles+=("$pidfile")
    else
      rm -f "$pidfile"
      port=$MONGO_PORT
      [[ $name == kafka ]] && port=$KAFKA_PORT
      if pid=$(sibling_pid "$port" "$name"); then
        log "$name: not running from $DATA_DIR (127.0.0.1:$port is another checkout's stack, pid $pid: stop it from there)"
      else
        log "$name: not running"
      fi
    fi
  done
  # Both got SIGTERM above and shut down in parallel; Kafka's clean shutdown
  # (flushing logs, writing the clean-shutdown marker) takes a few seconds.
  for i in "${!pids[@]}"; do
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while alive "${pids[$i]}" && ((SECONDS < deadline)); do sleep 0.2; done
    if alive "${pids[$i]}"; then
      log "${names[$i]}: still running after ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
    rm -f "${pidfiles[$i]}"
    log "${names[$i]}: stopped"
  done
}

# Prints one status line; returns 0 only if the process (ours or a sibling
# checkout's, see sibling_pid) answers.
status_line() {
  local name=$1 pidfile=$2 marker=$3 port=$4 pid
  if pid=$(our_pid "$pidfile" "$marker"); then
    if port_open "$port"; then
      echo "$name: running (pid $pid, 127.0.0.1:$port)"
      return 0
    fi
    echo "$name: starting or unhealthy (pid $pid, 127.0.0.1:$port not answering)"
  elif pid=$(sibling_pid "$port" "$name"); then
    echo "$name: running from another battery-intel checkout (pid $pid, 127.0.0.1:$port)"
    return 0
  elif port_open "$port"; then
    echo "$name: stopped (but 127.0.0.1:$port is used by another process)"
  else
    echo "$name: stopped (port $port)"
  fi
  return 1
}

cmd_status() {
  local rc=0
  status_line kafka "$KAFKA_PIDFILE" "$KAFKA_MARKER" "$KAFKA_PORT" || rc=3
  status_line ferretdb "$FERRETDB_PIDFILE" "$FERRETDB_MARKER" "$MONGO_PORT" || rc=3
  return "$rc"
}

cmd_logs() {
  local files=("$LOG_DIR/kafka.log" "$LOG_DIR/kafka.out" "$LOG_DIR/ferretdb.log") existing=() f
  for f in "${files[@]}"; do [[ -f $f ]] && existing+=("$f"); done
  ((${#existing[@]})) || die "no logs yet in $LOG_DIR"
  if [[ ${1:-} == -f ]]; then
    exec tail -n 20 -F "${existing[@]}"
  fi
  tail -n 50 "${existing[@]}"
}

case ${1:-} in
  install) take_lock && cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs "${2:-}" ;;
  *)
    echo "usage: $0 install|start|stop|status|logs [-f]" >&2
    exit 2
    ;;
esac
