#!/usr/bin/env bash
# Fan-out benchmark against a fresh hub on this machine:
#   1. builds the hub jar and the bench (SKIP_BUILD=1 to reuse existing jars),
#   2. starts the hub on an empty temporary data directory, waits for /actuator/health = UP,
#   3. runs fr.relais.bench.FanoutBench with the arguments given to this script,
#   4. reports the hub's CPU time from /proc (per round inside the bench, whole run here),
#   5. stops the hub and deletes the data directory (KEEP_DATA=1 keeps it, with hub.log).
#
# Example: bench/run-fanout.sh --subscribers 1000 --rate 50,100,200 --duration 20s
# Environment: JAVA_HOME, PORT (18080), HUB_JAR, HUB_JAVA_OPTS, BENCH_JAVA_OPTS,
#              HUB_ARGS (extra hub arguments; default lifts the per-connection send limits).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
PORT="${PORT:-18080}"
BASE_URL="http://127.0.0.1:$PORT"
# The bench publishes far faster than a person types: the limits would turn it into a rate-limit test.
HUB_ARGS="${HUB_ARGS:---relais.limits.sends-per-second=1000000 --relais.limits.sends-burst=1000000}"
HUB_JAR="${HUB_JAR:-hub-server/target/hub-server-0.1.0-SNAPSHOT.jar}"
BENCH_CP="bench/target/relais-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
# A throwaway password: the hub and its data only live for this run.
export RELAIS_ADMIN_PASSWORD="${RELAIS_ADMIN_PASSWORD:-bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')}"

DATA_DIR="$(mktemp -d -t relais-bench.XXXXXX)"
HUB_PID=""

cleanup() {
  if [[ -n "$HUB_PID" ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill "$HUB_PID"
    for _ in $(seq 1 30); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$HUB_PID" 2>/dev/null && kill -9 "$HUB_PID"
  fi
  if [[ "${KEEP_DATA:-0}" == 1 ]]; then
    echo "hub data and log kept in $DATA_DIR" >&2
  else
    rm -rf "$DATA_DIR"
  fi
}
trap cleanup EXIT

# utime + stime of the hub, in clock ticks (fields 14 and 15, counted after the command name).
hub_cpu_ticks() {
  sed 's/^.*) //' "/proc/$HUB_PID/stat" | awk '{ print $12 + $13 }'
}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building hub and bench..." >&2
  ./mvnw -B -q -DskipTests -Dskip.npm package
fi

echo "starting hub on port $PORT, data in $DATA_DIR" >&2
RELAIS_DATA_DIR="$DATA_DIR" "$JAVA" ${HUB_JAVA_OPTS:-} -jar "$HUB_JAR" --server.port="$PORT" $HUB_ARGS \
  >"$DATA_DIR/hub.log" 2>&1 &
HUB_PID=$!

for attempt in $(seq 1 120); do
  if ! kill -0 "$HUB_PID" 2>/dev/null; then
    echo "hub exited during start-up; last lines of its log:" >&2
    tail -n 40 "$DATA_DIR/hub.log" >&2
    exit 1
  fi
  if curl -fsS "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    break
  fi
  if [[ "$attempt" == 120 ]]; then
    echo "hub not healthy after 120 s" >&2
    exit 1
  fi
  sleep 1
done
echo "hub up (pid $HUB_PID)" >&2

CLK_TCK="$(getconf CLK_TCK)"
TICKS_BEFORE="$(hub_cpu_ticks)"
"$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" fr.relais.bench.FanoutBench \
  --url "$BASE_URL" --server-pid "$HUB_PID" --clk-tck "$CLK_TCK" "$@"
TICKS_AFTER="$(hub_cpu_ticks)"

awk -v t="$((TICKS_AFTER - TICKS_BEFORE))" -v hz="$CLK_TCK" \
  'BEGIN { printf "hub CPU over the whole bench run (connections, warm-ups and drains included): %.1f s\n", t / hz }' >&2
# ERROR-level lines and stack traces only: Spring's periodic stats line says "0 transport error".
PROBLEMS='^[0-9][-0-9T:.Z]* +ERROR |Exception'
if grep -qE "$PROBLEMS" "$DATA_DIR/hub.log"; then
  echo "the hub logged errors (KEEP_DATA=1 keeps the log); first ones:" >&2
  grep -E "$PROBLEMS" "$DATA_DIR/hub.log" | head -n 10 >&2
fi
