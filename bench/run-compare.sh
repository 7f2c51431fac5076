#!/usr/bin/env bash
# Hub against a plain Spring broker (bench/baseline), same generator, same offered loads, one
# after the other on this machine. See docs/performance.md, "Scale-out and fan-out against a
# plain Spring broker".
#
#   bench/run-compare.sh SCENARIO [extra FanoutBench options for every run]
#
# SCENARIO:
#   fanout      10 channels (fed-01..fed-10) x 100 subscribers, rising rate until p99 > 100 ms
#   directs     one room (directs) x 2,000 subscribers, rising rate until p99 > 100 ms
#   stored      50 channels x 1 subscriber, rising rate; receipts (= stored) on the hub
#   idle        10,000 idle connections, each on a federation channel + 3 thematic ones: memory
#   two-nodes   hub on one node, then on two nodes + Redis sharing one store (hub only)
#   overload    far past capacity, open loop, receipts checked against the store (hub only)
#   live        one live room (directs) x 2,000 watchers, 200 of them reacting in bursts while
#               messages are posted at a rising rate; reaction counts reconciled exactly
#   all         all of the above, in that order
#
# Every scenario starts fresh servers and stops them. Results (markdown, tab-separated rounds,
# server logs) go to OUT_DIR (default bench-results/<scenario>-<time>).
# Environment: JAVA_HOME, BUILD_DIR (target-bench), SKIP_BUILD=1, HUB_JAR, BASELINE_JAR,
# HUB_JAVA_OPTS, BASELINE_JAVA_OPTS, BENCH_JAVA_OPTS, HUB_LIMIT_ARGS, PORT (18180; the baseline
# uses PORT+10, node B PORT+1, the store PORT+20, Redis PORT+30), QUICK=1 (short windows, for
# trying the scripts); live: LIVE_RATES, LIVE_REACTORS, LIVE_BURST.
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/servers.sh

SCENARIO="${1:?usage: bench/run-compare.sh fanout|directs|stored|idle|two-nodes|overload|live|all [bench options]}"
shift
EXTRA=("$@")
PORT="${PORT:-18180}"
BASELINE_PORT=$((PORT + 10))
NODE_B_PORT=$((PORT + 1))
MONGO_PORT=$((PORT + 20))
REDIS_PORT=$((PORT + 30))
CLK_TCK="$(getconf CLK_TCK)"
# The generator holds one socket per connection; the idle scenario needs over 10,000.
ulimit -n "$(ulimit -Hn)"
export RELAIS_ADMIN_PASSWORD="${RELAIS_ADMIN_PASSWORD:-bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')}"
# Both nodes of the two-node scenario must verify each other's tokens.
TOKEN_SECRET="$(head -c 32 /dev/urandom | base64)"

if [[ "${QUICK:-0}" == 1 ]]; then
  WINDOWS=(--prewarm 5s --warmup 2s --duration 4s --drain 5s)
else
  WINDOWS=(--prewarm 45s --warmup 5s --duration 10s --drain 10s)
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building hub, baseline and bench into $BUILD_DIR..." >&2
  ./mvnw -B -q -o -Dskip.npm -Dbuild.dir="$BUILD_DIR" -DskipTests package -pl hub-server,bench,bench/baseline -am
fi

trap stop_all EXIT

# fed-01 ... fed-N, skipping fed-20 (Corsica is 2A and 2B).
federation_channels() {
  local n="$1" code list=()
  for code in $(seq -w 1 99); do
    [[ "$code" == 20 ]] && continue
    list+=("fed-$code")
    [[ "${#list[@]}" -ge "$n" ]] && break
  done
  (IFS=,; echo "${list[*]}")
}

bench() {
  "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" fr.relais.bench.FanoutBench --clk-tck "$CLK_TCK" "$@" "${EXTRA[@]}"
}

compare() {
  "$JAVA" -cp "$BENCH_CP" fr.relais.bench.report.CompareRuns "$@"
}

new_run_dir() {
  RUN_DIR="${OUT_DIR:-bench-results/$1-$(date -u +%Y%m%dT%H%M%SZ)}"
  mkdir -p "$RUN_DIR"
  echo "scenario $1: results in $RUN_DIR" >&2
  { echo "# $1 — $(date -u +%FT%TZ), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -n 1)"; echo; } >"$RUN_DIR/report.md"
}

# baseline_then_hub NAME BASELINE_OPTIONS HUB_OPTIONS COMMON_OPTIONS...: the same load on both servers.
baseline_then_hub() {
  local name="$1" baseline_options="$2" hub_options="$3"
  shift 3
  local results="$RUN_DIR/rounds.tsv"
  start_baseline baseline "$BASELINE_PORT"
  bench --target baseline --url "http://127.0.0.1:$BASELINE_PORT" --server-pid "$LAST_PID" --label baseline \
    --results-file "$results" $baseline_options "$@" | tee -a "$RUN_DIR/report.md"
  stop_all
  start_hub hub "$PORT" --relais.security.token-secret="$TOKEN_SECRET"
  bench --target hub --url "http://127.0.0.1:$PORT" --server-pid "$LAST_PID" --label hub \
    --results-file "$results" $hub_options "$@" | tee -a "$RUN_DIR/report.md"
  report_log_problems hub
  stop_all
  if [[ "$name" != idle ]]; then
    { echo; echo "## hub ÷ baseline"; echo; compare "$results" baseline hub 100; } | tee -a "$RUN_DIR/report.md"
  fi
}

scenario_fanout() {
  new_run_dir fanout
  baseline_then_hub fanout "" "--subscriber-accounts 2" \
    --channels "$(federation_channels 10)" --subscribers 1000 \
    --rate 25,50,100,200,300,400,600,800,1200 --stop-at-p99 100 "${WINDOWS[@]}"
}

scenario_directs() {
  new_run_dir directs
  baseline_then_hub directs "" "--subscriber-accounts 4" \
    --channels directs --subscribers 2000 \
    --rate 5,10,20,40,60,80,120,160 --stop-at-p99 100 "${WINDOWS[@]}"
}

scenario_stored() {
  new_run_dir stored
  baseline_then_hub stored "" "--subscriber-accounts 0 --receipts" \
    --channels "$(federation_channels 50)" --subscribers 50 --publishers 4 \
    --rate 50,100,200,300,500,1000,2000,4000,6000 --stop-at-p99 100 "${WINDOWS[@]}"
}

scenario_idle() {
  new_run_dir idle
  baseline_then_hub idle "" "--subscriber-accounts 2" \
    --channels "$(federation_channels 10)" --idle-connections "${IDLE_STEPS:-2500,5000,10000}" \
    --connect-concurrency 64
}

scenario_two_nodes() {
  new_run_dir two-nodes
  local results="$RUN_DIR/rounds.tsv" store="--relais.mongo.uri=mongodb://127.0.0.1:$MONGO_PORT/relais"
  local load=(--channels "$(federation_channels 10)" --subscribers 1000 --subscriber-accounts 2
              --rate "${TWO_NODE_RATES:-50,100,200}" "${WINDOWS[@]}")
  # One node on the shared (external) store, no Redis: the reference.
  start_mongo store "$MONGO_PORT"
  start_hub hub-a "$PORT" "$store" --relais.security.token-secret="$TOKEN_SECRET"
  bench --url "http://127.0.0.1:$PORT" --server-pid "$LAST_PID" --label hub-1-node --results-file "$results" \
    "${load[@]}" | tee -a "$RUN_DIR/report.md"
  report_log_problems hub-a
  stop_all
  # Two nodes + Redis on a fresh store: subscribers alternate between A and B, the publisher on A.
  start_mongo store2 "$MONGO_PORT"
  start_redis redis "$REDIS_PORT"
  local cluster="--relais.cluster.redis-url=redis://127.0.0.1:$REDIS_PORT"
  start_hub hub-a2 "$PORT" "$store" "$cluster" --relais.security.token-secret="$TOKEN_SECRET"
  local pid_a="$LAST_PID"
  start_hub hub-b2 "$NODE_B_PORT" "$store" "$cluster" --relais.security.token-secret="$TOKEN_SECRET"
  local pid_b="$LAST_PID"
  # CPU is measured on node A only; node B's whole-run CPU is printed after.
  local b_before; b_before="$(sed 's/^.*) //' "/proc/$pid_b/stat" | awk '{ print $12 + $13 }')"
  bench --url "http://127.0.0.1:$PORT" --server-pid "$pid_a" --label hub-2-nodes --results-file "$results" \
    --subscriber-urls "http://127.0.0.1:$PORT,http://127.0.0.1:$NODE_B_PORT" "${load[@]}" | tee -a "$RUN_DIR/report.md"
  local b_after; b_after="$(sed 's/^.*) //' "/proc/$pid_b/stat" | awk '{ print $12 + $13 }')"
  awk -v t="$((b_after - b_before))" -v hz="$CLK_TCK" 'BEGIN { printf "node B CPU over the whole two-node run: %.1f s\n", t / hz }' \
    | tee -a "$RUN_DIR/report.md"
  report_log_problems hub-a2
  report_log_problems hub-b2
  stop_all
  { echo; echo "## two nodes ÷ one node (server CPU: node A only)"; echo; compare "$results" hub-1-node hub-2-nodes 100; } \
    | tee -a "$RUN_DIR/report.md"
}

scenario_overload() {
  new_run_dir overload
  start_hub hub "$PORT" --relais.security.token-secret="$TOKEN_SECRET"
  bench --url "http://127.0.0.1:$PORT" --server-pid "$LAST_PID" --label hub-overload --results-file "$RUN_DIR/rounds.tsv" \
    --channels fed-29 --subscribers 50 --subscriber-accounts 2 --publishers 4 \
    --rate "${OVERLOAD_RATES:-500,2000,5000,10000}" --verify-stored --heap-after-round \
    --prewarm 10s --warmup 3s --duration 15s --drain 20s | tee -a "$RUN_DIR/report.md"
  report_log_problems hub
  stop_all
}

# Reactions go through the same per-connection SEND limit as messages (relais.limits.sends-*),
# lifted by HUB_LIMIT_ARGS for the publisher's sake; a reactor's burst (5 in 1 s, every 5 s) stays
# within the hub's defaults (10/s, burst 30) anyway, so lifting changes nothing for reactors.
# The reaction flush period stays at its default (relais.live.reaction-flush-every=PT1S).
# The admin publishes and moderates, so the session's slow mode (10 s) only adds its check.
scenario_live() {
  new_run_dir live
  baseline_then_hub live "" "--subscriber-accounts 4" \
    --channels directs --subscribers 2000 --live --reactors "${LIVE_REACTORS:-200}" \
    --reaction-burst "${LIVE_BURST:-5/5s/1s}" --live-slow-mode 10 \
    --rate "${LIVE_RATES:-5,10,20}" "${WINDOWS[@]}"
}

case "$SCENARIO" in
  fanout) scenario_fanout ;;
  directs) scenario_directs ;;
  stored) scenario_stored ;;
  idle) scenario_idle ;;
  two-nodes) scenario_two_nodes ;;
  overload) scenario_overload ;;
  live) scenario_live ;;
  all)
    for s in fanout directs stored idle two_nodes overload live; do OUT_DIR="" "scenario_$s"; done ;;
  *) echo "unknown scenario: $SCENARIO" >&2; exit 2 ;;
esac
