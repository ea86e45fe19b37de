#!/usr/bin/env bash
# Runs one benchmark of two commits INTERLEAVED (before, after, before, after, …) and prints the medians side by
# side. The machine is shared and noisy: only medians of interleaved runs compare two builds fairly.
#   bash scripts/bench-compare.sh <before-ref> [benchmark] [rounds] [benchmark options…]
#   e.g. bash scripts/bench-compare.sh 6db0b6b dialogs 5 --nlu-cache 0   (options go to both; unknown ones are ignored)
# "after" is this checkout (its working tree). "before" is built in a detached worktree outside the repository
# (an existing detached worktree of that commit, else ${TMPDIR:-/tmp}/aurorabots-bench-<sha>, reused later). Both runs share one Redis server of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
ensure_debian_packages redis-server
ensure_dotnet_ready

before_ref=${1:?usage: scripts/bench-compare.sh <before-ref> [benchmark] [rounds]}
benchmark=${2:-dialogs}
rounds=${3:-3}
shift $(($# < 3 ? $# : 3))
options=("$@")
before_sha=$(git rev-parse --short "$before_ref^{commit}")
# An existing detached worktree of that commit is reused (e.g. one made by hand); else one of our own.
before_dir=$(git worktree list --porcelain | awk -v sha="$(git rev-parse "$before_sha")" \
  '/^worktree / { dir = substr($0, 10) } /^HEAD / { head = $2 } /^detached/ && head == sha { print dir; exit }')
before_dir=${before_dir:-"${TMPDIR:-/tmp}/aurorabots-bench-$before_sha"}
after_dir=$(pwd)

if [[ ! -d "$before_dir" ]]; then
  step "worktree of $before_sha in $before_dir"
  git worktree add --detach "$before_dir" "$before_sha" > /dev/null
fi
step "building before ($before_sha) and after (this checkout), Release"
(cd "$before_dir" && dotnet build -c Release tests/AuroraBots.Benchmarks -nologo -v quiet > /dev/null)
dotnet build -c Release tests/AuroraBots.Benchmarks -nologo -v quiet > /dev/null

port=$(free_port)
redis-server --port "$port" --save "" --appendonly no --daemonize yes > /dev/null
trap 'redis-cli -p "$port" shutdown nosave > /dev/null 2>&1 || true' EXIT
export AURORABOTS_TEST_REDIS="127.0.0.1:$port"

results=$(mktemp)
run() { # label, checkout
  local out
  out=$(cd "$2" && dotnet tests/AuroraBots.Benchmarks/bin/Release/net10.0/AuroraBots.Benchmarks.dll "$benchmark" "${options[@]}")
  # "  memory   6000 turns in 2.00 s = 3000 turns/s; latency p50 0.20 ms, p99 1.00 ms, max 9.00 ms"
  awk -v who="$1" '/turns\/s; latency/ {
      store = ($1 == "memory") ? "memory" : "redis"
      for (i = 1; i <= NF; i++) {
        if ($(i) == "turns/s;") rate = $(i - 1)
        if ($(i) == "p50") p50 = $(i + 1)
        if ($(i) == "p99") p99 = $(i + 1)
      }
      print who, store, rate, p50, p99 }' <<< "$out" | tee -a "$results"
}
for ((round = 1; round <= rounds; round++)); do
  step "round $round of $rounds"
  run before "$before_dir"
  run after "$after_dir"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
step "$benchmark ${options[*]}: medians of $rounds interleaved rounds (before $before_sha, after $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes'))"
printf '  %-8s %-10s %10s %10s\n' store figure before after
for store in memory redis; do
  for figure in turns/s p50_ms p99_ms; do
    column=$(case $figure in turns/s) echo 3 ;; p50_ms) echo 4 ;; *) echo 5 ;; esac)
    b=$(awk -v s=$store -v c="$column" '$1 == "before" && $2 == s { print $c }' "$results" | median)
    a=$(awk -v s=$store -v c="$column" '$1 == "after" && $2 == s { print $c }' "$results" | median)
    printf '  %-8s %-10s %10s %10s\n' "$store" "$figure" "$b" "$a"
  done
done
rm -f "$results"
