#!/usr/bin/env bash
# bench/startup.sh [-n ROUNDS] [LABEL=OPALE_APP_TARGET_DIR ...]     (START_TIMEOUT=600 seconds per start)
#
# Cold start to health UP, timed from the process start to the first {"status":"UP"} of /actuator/health (polled
# every 50 ms), of:
#   bare      the reference: bench/bare/target/bare.jar, one @RestController on Spring Boot web + actuator
#   LABEL cds the README's first command: java -XX:SharedArchiveFile=DIR/opale/opale.jsa -jar DIR/opale/opale.jar
#   LABEL jar the single JAR: java -jar DIR/opale.jar
# each on a fresh temporary data directory (demo catalog on, as a newcomer's first start) and a free port, ROUNDS
# rounds (default 3), the configurations interleaved round by round so that the machine's other work spreads over
# all of them. Prints every time, the median, and the median's ratio to the bare application's; and the CPU time
# the process had used when UP was seen (user + system, all threads: /proc/PID/stat), which depends much less than
# the elapsed time on what else the machine runs.
#
# Builds nothing: it times what is built (mvn -B -q package -DskipTests for Opale, and once
# mvn -B -q -o -f bench/bare/pom.xml package for the reference). Default: current=opale-app/target. Several
# LABEL=DIR pairs time several builds in the same run (e.g. before=/tmp/main-target after=opale-app/target).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
timeout_s=${START_TIMEOUT:-600}   # a start slower than this fails the run (shared machines can be very slow)
if [[ ${1:-} == -n ]]; then rounds=$2; shift 2; fi
builds=("$@")
[[ ${#builds[@]} -eq 0 ]] && builds=("current=opale-app/target")

bare_jar=bench/bare/target/bare.jar
[[ -f $bare_jar ]] || { echo "missing $bare_jar: mvn -B -q -o -f bench/bare/pom.xml package" >&2; exit 1; }

# configuration name -> command (without port and data directory)
names=(bare); declare -A commands=([bare]="java -jar $bare_jar")
for build in "${builds[@]}"; do
  label=${build%%=*}; dir=${build#*=}
  for f in "$dir/opale.jar" "$dir/opale/opale.jar" "$dir/opale/opale.jsa"; do
    [[ -f $f ]] || { echo "missing $f (mvn -B -q package -DskipTests)" >&2; exit 1; }
  done
  names+=("$label cds" "$label jar")
  commands["$label cds"]="java -XX:SharedArchiveFile=$dir/opale/opale.jsa -jar $dir/opale/opale.jar"
  commands["$label jar"]="java -jar $dir/opale.jar"
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# cpu_ms PID -> user + system CPU time of the process so far, in ms
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

# start_once COMMAND -> prints "ELAPSED_MS CPU_MS" to UP (or fails with the log's tail)
start_once() {
  local port data pid t0 t1 cpu
  port=$(free_port); data=$(mktemp -d /tmp/opale-startup-bench.XXXXXX)
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the command is words on purpose
  $1 --server.port="$port" --opale.data.dir="$data" --opale.demo=true >"$data/log" 2>&1 &
  pid=$!
  until curl -fs --max-time 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "exited before UP: $1" >&2; tail -20 "$data/log" >&2; rm -rf "$data"; return 1
    fi
    if (( ($(date +%s%N) - t0) / 1000000000 > timeout_s )); then
      echo "not UP after $timeout_s s: $1" >&2; kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$data"; return 1
    fi
    sleep 0.05
  done
  t1=$(date +%s%N); cpu=$(cpu_ms "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}

declare -A times cpus
for ((r = 1; r <= rounds; r++)); do
  for name in "${names[@]}"; do
    read -r ms cpu < <(start_once "${commands[$name]}")
    [[ -n ${ms:-} ]] || exit 1
    times[$name]="${times[$name]:-} $ms"; cpus[$name]="${cpus[$name]:-} $cpu"
    printf 'round %d  %-16s %6d ms  (CPU %6d ms)\n' "$r" "$name" "$ms" "$cpu" >&2
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
bare_median=$(echo "${times[bare]}" | median)
bare_cpu=$(echo "${cpus[bare]}" | median)
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
printf '| %-12s | %-24s | %8s | %6s | %-24s | %8s | %6s |\n' "start" "elapsed to UP (ms)" "median" "× bare" \
  "CPU to UP (ms)" "median" "× bare"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------" "--------------------------" "----------" "--------" \
  "--------------------------" "----------" "--------"
for name in "${names[@]}"; do
  m=$(echo "${times[$name]}" | median); c=$(echo "${cpus[$name]}" | median)
  printf '| %-12s | %-24s | %6.2f s | %6.2f | %-24s | %6.2f s | %6.2f |\n' "$name" "${times[$name]# }" \
    "$(echo "$m / 1000" | bc -l)" "$(echo "$m / $bare_median" | bc -l)" "${cpus[$name]# }" \
    "$(echo "$c / 1000" | bc -l)" "$(echo "$c / $bare_cpu" | bc -l)"
done
