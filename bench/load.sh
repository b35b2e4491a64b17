#!/usr/bin/env bash
# Load benchmark (see bench/README.md, "Under load"): starts the single JAR on a fresh PostGIS database, publishes
# a dataset of $ROWS points and $RECORDS records through the API, then runs LoadBench's $CLIENTS clients for
# $SECONDS s on the loopback, and stops the server. Builds nothing: run `mvn -B -q package -DskipTests` first.
#
#   bench/load.sh [opale-app/target/opale.jar]
#   ROWS=1000000 RECORDS=10000 CLIENTS=200 SECONDS_RUN=60 HEAP=384m JAVA_OPTS=... PGDB=opale_load PORT=18080 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-opale-app/target/opale.jar}
ROWS=${ROWS:-1000000}; RECORDS=${RECORDS:-10000}; CLIENTS=${CLIENTS:-200}; SECONDS_=${SECONDS_RUN:-60}
HEAP=${HEAP:-384m}; PGDB=${PGDB:-opale_load}; PORT=${PORT:-18080}; PGHOST=${PGHOST:-127.0.0.1}
[ -f "$JAR" ] || { echo "no $JAR: build first (mvn -B -q package -DskipTests)" >&2; exit 2; }
[ -f bench/target/classes/fr/mel/opale/bench/LoadBench.class ] \
  || mvn -B -q -o compile -pl bench >/dev/null
dropdb -h "$PGHOST" -U postgres --if-exists "$PGDB"
createdb -h "$PGHOST" -U postgres "$PGDB"
psql -q -h "$PGHOST" -U postgres -d "$PGDB" -c 'CREATE EXTENSION postgis'
DATA=$(mktemp -d); LOG=${LOG:-bench/target/load-server.log}; mkdir -p "$(dirname "$LOG")"
SERVER=
stop() {  # a graceful stop, then a hard one: a server still busy with queued requests must not keep the run alive
  if [ -n "$SERVER" ] && kill $SERVER 2>/dev/null; then
    for _ in $(seq 1 40); do kill -0 $SERVER 2>/dev/null || break; sleep 0.5; done
    kill -9 $SERVER 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap stop EXIT
PASSWORD=load-$RANDOM$RANDOM
OPALE_DATA_DIR="$DATA" OPALE_DB_URL="jdbc:postgresql://$PGHOST:5432/$PGDB" OPALE_DB_USER=postgres \
  OPALE_DEMO=false OPALE_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT \
  java -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"' && break
  kill -0 $SERVER 2>/dev/null || { tail -50 "$LOG"; exit 1; }
  sleep 0.5
done
echo "server pid $SERVER, heap $HEAP, java $(java -version 2>&1 | head -1)"
status=0
java -Xss512k -Dbench.url="http://127.0.0.1:$PORT" -Dbench.password="$PASSWORD" -Dbench.rows="$ROWS" \
  -Dbench.records="$RECORDS" -Dbench.clients="$CLIENTS" -Dbench.seconds="$SECONDS_" -Dbench.pid=$SERVER \
  -cp bench/target/classes fr.mel.opale.bench.LoadBench || status=$?
echo "server log ERROR lines: $(grep -c ' ERROR ' "$LOG" || true)"
exit $status
