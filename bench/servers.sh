#!/usr/bin/env bash
# Functions to start and stop the servers the benchmarks measure; sourced by run-compare.sh.
# Every server runs on 127.0.0.1 with its own data directory and log under $RUN_DIR.
# Started pids are remembered in STARTED_PIDS; stop_all stops only those.

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
BUILD_DIR="${BUILD_DIR:-target-bench}"
HUB_JAR="${HUB_JAR:-hub-server/$BUILD_DIR/hub-server-0.1.0-SNAPSHOT.jar}"
BASELINE_JAR="${BASELINE_JAR:-bench/baseline/$BUILD_DIR/relais-bench-baseline-0.1.0-SNAPSHOT.jar}"
BENCH_CP="${BENCH_CP:-bench/$BUILD_DIR/relais-bench-0.1.0-SNAPSHOT.jar:bench/$BUILD_DIR/lib/*}"
REDIS_SERVER="${REDIS_SERVER:-/usr/bin/redis-server}"
# 10,000 connections need more than 8,192, Tomcat's default cap, on both servers.
SERVER_ARGS="--server.address=127.0.0.1 --server.tomcat.max-connections=20000"
# The bench publishes far faster than a person types, and logs in dozens of accounts in a minute:
# the per-connection and per-address limits would turn every scenario into a rate-limit test.
HUB_LIMIT_ARGS="${HUB_LIMIT_ARGS:---relais.limits.sends-per-second=1000000 --relais.limits.sends-burst=1000000 --relais.security.rate-limits.posts-per-minute=100000000 --relais.security.rate-limits.login-attempts-per-minute=100000}"
STARTED_PIDS=()

# start_hub NAME PORT [hub arguments...]: embedded store in $RUN_DIR/NAME unless the arguments
# name another one; sets LAST_PID.
start_hub() {
  local name="$1" port="$2"
  shift 2
  mkdir -p "$RUN_DIR/$name"
  RELAIS_DATA_DIR="$RUN_DIR/$name" RELAIS_ALLOWED_ORIGINS="http://127.0.0.1:$port" \
    "$JAVA" ${HUB_JAVA_OPTS:-} -jar "$HUB_JAR" --server.port="$port" $SERVER_ARGS $HUB_LIMIT_ARGS "$@" \
    >"$RUN_DIR/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
  wait_up "$name" "$LAST_PID" "http://127.0.0.1:$port/actuator/health" '"status":"UP"'
}

# start_baseline NAME PORT: the plain Spring broker; sets LAST_PID.
start_baseline() {
  local name="$1" port="$2"
  "$JAVA" ${BASELINE_JAVA_OPTS:-${HUB_JAVA_OPTS:-}} -jar "$BASELINE_JAR" --server.port="$port" $SERVER_ARGS \
    >"$RUN_DIR/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
  # No actuator there: any HTTP answer (404 included) means it listens.
  wait_up "$name" "$LAST_PID" "http://127.0.0.1:$port/" ''
}

# start_mongo NAME PORT: the in-memory store two hub nodes share; sets LAST_PID.
start_mongo() {
  local name="$1" port="$2"
  "$JAVA" -cp "$BENCH_CP" fr.relais.bench.cluster.StandaloneMongo "$port" >"$RUN_DIR/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
  for _ in $(seq 1 30); do grep -q listening "$RUN_DIR/$name.log" && return 0; sleep 1; done
  echo "$name did not start" >&2; return 1
}

# start_redis NAME PORT: a throwaway Redis, no persistence; sets LAST_PID.
start_redis() {
  local name="$1" port="$2"
  "$REDIS_SERVER" --bind 127.0.0.1 --port "$port" --save "" --appendonly no >"$RUN_DIR/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
  sleep 1
}

wait_up() {
  local name="$1" pid="$2" url="$3" expect="$4"
  for attempt in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up; last lines of its log:" >&2
      tail -n 40 "$RUN_DIR/$name.log" >&2
      return 1
    fi
    local answer
    if answer="$(curl -sS "$url" 2>/dev/null)" && [[ -z "$expect" || "$answer" == *"$expect"* ]]; then
      echo "$name up (pid $pid)" >&2
      return 0
    fi
    sleep 1
  done
  echo "$name not up after 180 s" >&2
  return 1
}

# stop_pid PID: TERM, then KILL after 30 s.
stop_pid() {
  local pid="$1"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  return 0
}

# Newest first: hub nodes before the store and Redis they use.
stop_all() {
  local i
  for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${STARTED_PIDS[$i]}"; done
  STARTED_PIDS=()
}

# report_log_problems NAME: ERROR lines and stack traces of a server log.
report_log_problems() {
  local problems='^[0-9][-0-9T:.Z]* +ERROR |Exception'
  if grep -qE "$problems" "$RUN_DIR/$1.log"; then
    echo "$1 logged errors; first ones (full log: $RUN_DIR/$1.log):" >&2
    grep -E "$problems" "$RUN_DIR/$1.log" | head -n 10 >&2
  fi
  return 0
}
