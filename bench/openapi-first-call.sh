#!/usr/bin/env bash
# openapi-first-call.sh JAR [PORT] [WAIT_AFTER_UP_SECONDS]
# Starts JAR on a fresh data directory, waits for health UP, waits a little (default 10 s, the time a first visitor
# takes to arrive), then times the first calls of /api/openapi.json in three languages (curl's time_total, ms).
# Prints: up_s fr-FR_ms en-US_ms none_ms. Not a test: run by hand, before/after figures go in bench/README.md.
set -euo pipefail
jar=$1; port=${2:-18089}; wait_after=${3:-10}
data=$(mktemp -d /tmp/opale-openapi-bench.XXXX)
java -jar "$jar" --server.port="$port" --opale.data.dir="$data" --opale.demo=false >"$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
start=$(date +%s.%N)
until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.2; done
up=$(echo "$(date +%s.%N) - $start" | bc)
sleep "$wait_after"
t() { curl -s -o /dev/null -w '%{time_total}' "$@" "http://127.0.0.1:$port/api/openapi.json" | awk '{printf "%d", $1*1000}'; }
fr=$(t -H 'Accept-Language: fr-FR,fr;q=0.9'); en=$(t -H 'Accept-Language: en-US,en;q=0.9'); none=$(t)
echo "up=${up}s first fr-FR=${fr}ms en-US=${en}ms no-language=${none}ms"
