#!/usr/bin/env bash
# Footprint in one run (issue 11): jar sizes, start-up to ready with and without class data sharing (the first start
# on a new database, and a restart on it), the CPU time (user+sys) the JVM spent until ready, resident memory at
# idle, and a CLI call through the thin jar against the same call through the server jar.
# Run from the repository root after `mvn -B -q package -DskipTests`:  bash bench/footprint/run.sh [runs]
# With AOT_JAVA set to a JDK 25 or later's java (e.g. AOT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), it also
# measures that JVM with its ahead-of-time cache (JEP 483/514/515, what `bin/trainflow-server cds` makes there):
# rows aot and aot-restart.
# With LIFECYCLE_ROUNDS=N (2 or more, e.g. 3), the run ends with the 1,000-person lifecycle against raw Flowable,
# both engines at the same time in their own JVMs (the bench's --paired), N rounds: its CPU table follows.
set -euo pipefail
runs=${1:-3}
root=$(pwd)
jar=$root/plugin/target/trainflow.jar
cli=$root/plugin/cli/target/trainflow-cli.jar
work=$(mktemp -d /tmp/trainflow-footprint.XXXX)
port=18931
export TRAINFLOW_DEMO_PASSWORD=footprint TRAINFLOW_PORT=$port
ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# start-up to ready: from exec to the first 200 of /actuator/health, and the JVM's CPU time (user+sys) then; then
# resident memory after 10 s idle. A label ending in -restart keeps the database of the start before.
start() { # $1: label, rest: java options
  local label=$1; shift
  case $label in *-restart) ;; *) rm -rf "$work/run" ;; esac
  mkdir -p "$work/run"; cd "$work/run"
  local t0; t0=$(ms)
  local jvm=java
  case $label in aot*) jvm=$AOT_JAVA ;; esac
  "$jvm" "$@" > app.log 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
    kill -0 $pid 2>/dev/null || { echo "start-up failed: $work/run/app.log" >&2; exit 1; }
    sleep 0.1
  done
  local ready=$(( $(ms) - t0 ))
  local cpu; cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat)
  sleep 10
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  echo "$label $ready $rss $cpu" >> "$work/startups"
  if [ "$label" = plain ] && [ ! -f "$work/cli-done" ]; then cli_calls; touch "$work/cli-done"; fi
  kill $pid; wait $pid 2>/dev/null || true
  cd "$root"
}

cli_calls() {
  for i in $(seq 1 5); do
    local t0; t0=$(ms); "$root/bin/trainflow" tasks --as zoe.vincent > /dev/null; echo $(( $(ms) - t0 )) >> "$work/thin"
    t0=$(ms); java -jar "$jar" tasks --as zoe.vincent > /dev/null; echo $(( $(ms) - t0 )) >> "$work/server"
  done
}

# class data sharing for the server (Spring Boot's extracted layout and a training run that stops after refresh)
java -Djarmode=tools -jar "$jar" extract --force --destination "$work/extracted" > /dev/null
(cd "$work" && mkdir -p train && cd train && java -XX:ArchiveClassesAtExit="$work/extracted/app.jsa" \
  -Dspring.context.exit=onRefresh -jar "$work/extracted/trainflow.jar" > train.log 2>&1)

labels="plain plain-restart cds cds-restart cds-latec2-restart"
# what bin/trainflow-server passes: C2 after 10x the usual calls, C1 as usual
latec2="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000"
latec2="$latec2 -XX:Tier4BackEdgeThreshold=400000"
if [ -n "${AOT_JAVA:-}" ]; then
  # the same training run on that JVM, writing its ahead-of-time cache (classes loaded and linked, method profiles)
  (cd "$work" && mkdir -p train-aot && cd train-aot && "$AOT_JAVA" -XX:AOTCacheOutput="$work/extracted/app.aot" \
    -Dspring.context.exit=onRefresh -jar "$work/extracted/trainflow.jar" > train.log 2>&1)
  labels="$labels aot aot-restart aot-latec2-restart"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq 1 "$runs"); do
  start plain -jar "$jar"
  start plain-restart -jar "$jar"
  start cds -XX:SharedArchiveFile="$work/extracted/app.jsa" -jar "$work/extracted/trainflow.jar"
  start cds-restart -XX:SharedArchiveFile="$work/extracted/app.jsa" -jar "$work/extracted/trainflow.jar"
  # C2 compiling later (bin/trainflow-server): at start-up the compilers took more CPU than the application
  # shellcheck disable=SC2086
  start cds-latec2-restart $latec2 -XX:SharedArchiveFile="$work/extracted/app.jsa" \
    -jar "$work/extracted/trainflow.jar"
  if [ -n "${AOT_JAVA:-}" ]; then
    start aot -XX:AOTCache="$work/extracted/app.aot" -Xlog:aot*=off -Xlog:cds*=off -jar "$work/extracted/trainflow.jar"
    start aot-restart -XX:AOTCache="$work/extracted/app.aot" -Xlog:aot*=off -Xlog:cds*=off \
      -jar "$work/extracted/trainflow.jar"
    # shellcheck disable=SC2086
    start aot-latec2-restart $latec2 -XX:AOTCache="$work/extracted/app.aot" \
      -Xlog:aot*=off -Xlog:cds*=off -jar "$work/extracted/trainflow.jar"
  fi
done

echo "## Footprint ($(date -u +%F), $(nproc) cores, load before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| server jar (MB) | $(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$jar")/1000000}") |"
addon=$root/plugin/target/addons/camunda8
[ -d "$addon" ] && echo "| Camunda 8 add-on beside it (MB, $(ls "$addon" | wc -l) jars) | $(du -sb "$addon" | awk '{printf "%.1f", $1/1000000}') |"
echo "| thin CLI jar (MB) | $(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$cli")/1000000}") |"
[ -n "${AOT_JAVA:-}" ] && echo "| JVM of the aot rows | $("$AOT_JAVA" -version 2>&1 | head -1) |"
for label in $labels; do
  echo "| start-up to ready, $label, median of $runs (ms) | $(awk -v l=$label '$1==l {print $2}' "$work/startups" | median) |"
  echo "| CPU time (user+sys) until ready, $label, median (ms) | $(awk -v l=$label '$1==l {print $4}' "$work/startups" | median) |"
  echo "| resident memory 10 s after ready, $label, median (MB) | $(awk -v l=$label '$1==l {print $3}' "$work/startups" | median) |"
done
echo "| CLI \`tasks\`, thin jar, median of 5 (ms) | $(median < "$work/thin") |"
echo "| CLI \`tasks\`, server jar, median of 5 (ms) | $(median < "$work/server") |"
echo
if [ -n "${LIFECYCLE_ROUNDS:-}" ]; then
  java -Xmx2g -jar "$root/bench/target/trainflow-bench.jar" --cohort 1000 --intake-cohort 0 --warmup 100 \
    --rounds "$LIFECYCLE_ROUNDS" --skip-tools --baseline-async-steps --paired 2> "$work/lifecycle.log" \
    | sed -n '/^### Full lifecycle, cohort of 1000: /,/^Median/p'
  echo
fi
echo "Work files: $work"
