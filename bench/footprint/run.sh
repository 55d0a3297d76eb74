#!/usr/bin/env bash
# Footprint in one run (issue 11): jar sizes, start-up to ready with and without class data sharing, resident
# memory at idle, and a CLI call through the thin jar against the same call through the server jar.
# Run from the repository root after `mvn -B -q package -DskipTests`:  bash bench/footprint/run.sh [runs]
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

# start-up to ready: from exec to the first 200 of /actuator/health; then resident memory after 10 s idle
start() { # $1: label, rest: java options
  local label=$1; shift
  rm -rf "$work/run"; mkdir -p "$work/run"; cd "$work/run"
  local t0; t0=$(ms)
  java "$@" > app.log 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
    kill -0 $pid 2>/dev/null || { echo "start-up failed: $work/run/app.log" >&2; exit 1; }
    sleep 0.1
  done
  local ready=$(( $(ms) - t0 ))
  sleep 10
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  echo "$label $ready $rss" >> "$work/startups"
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

for i in $(seq 1 "$runs"); do
  start plain -jar "$jar"
  start cds -XX:SharedArchiveFile="$work/extracted/app.jsa" -jar "$work/extracted/trainflow.jar"
done

echo "## Footprint ($(date -u +%F), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| server jar (MB) | $(( $(stat -c %s "$jar") / 1000000 )) |"
echo "| thin CLI jar (MB) | $(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$cli")/1000000}") |"
for label in plain cds; do
  echo "| start-up to ready, $label, median of $runs (ms) | $(awk -v l=$label '$1==l {print $2}' "$work/startups" | median) |"
  echo "| resident memory 10 s after ready, $label, median (MB) | $(awk -v l=$label '$1==l {print $3}' "$work/startups" | median) |"
done
echo "| CLI \`tasks\`, thin jar, median of 5 (ms) | $(median < "$work/thin") |"
echo "| CLI \`tasks\`, server jar, median of 5 (ms) | $(median < "$work/server") |"
echo
echo "Work files: $work"
