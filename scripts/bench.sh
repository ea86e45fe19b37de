#!/usr/bin/env bash
# Runs the benchmarks and prints their figures. Release build; start nothing else heavy meanwhile.
#   bash scripts/bench.sh                 all of them
#   bash scripts/bench.sh channel         one (channel, channel-idle, dialogs, network, textsearch-eval, nlu, safety, editor, agents)
#   bash scripts/bench.sh scale           issue 14: 1 vs 3 host processes behind Debian nginx (tests/multi/bench/scale.mjs);
#                                         not in the default list (several minutes; needs nginx)
#   bash scripts/bench.sh scale-compare [ref]  issue 14: one host with Redis, BEFORE (ref, default efff46c = the last
#                                         commit before the scale-out channel) vs this checkout, interleaved rounds
#                                         (tests/multi/bench/scale-compare.mjs); ref is built in a detached worktree
# Two commits side by side (interleaved runs, medians): bash scripts/bench-compare.sh <before-ref> [benchmark] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
ensure_debian_packages redis-server
ensure_dotnet_ready
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)" || true
if [[ "${1:-}" == scale-compare ]]; then
  ref=$(git rev-parse --short "${2:-efff46c}")
  before="${TMPDIR:-/tmp}/aurorabots-before-$ref"
  [[ -d "$before" ]] || git worktree add --detach "$before" "$ref" > /dev/null
  step "benchmark: scale-compare (before $ref, after $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo +changes))"
  dotnet build -c Release "$before/infra/AuroraBots.Host" -nologo -v quiet > /dev/null
  dotnet build -c Release infra/AuroraBots.Host -nologo -v quiet > /dev/null
  (cd tests/multi && npm_install_quiet)
  AURORABOTS_COMPARE_BEFORE="$before" AURORABOTS_COMPARE_BEFORE_LABEL="$ref" AURORABOTS_COMPARE_AFTER_LABEL="$(git rev-parse --short HEAD)" \
    node tests/multi/bench/scale-compare.mjs
  exit
fi
which=("$@")
[[ ${#which[@]} -eq 0 ]] && which=(channel channel-idle dialogs network textsearch-eval nlu safety editor agents)
if [[ "${which[*]}" != scale ]]; then # scale alone needs only the host (built below)
  dotnet build -c Release tests/AuroraBots.Benchmarks -nologo -v quiet > /dev/null
  dotnet build -c Release tests/AuroraBots.DirectLine.TestServer -nologo -v quiet > /dev/null
fi
for b in "${which[@]}"; do
  step "benchmark: $b"
  if [[ "$b" == scale ]]; then
    ensure_debian_packages nginx
    dotnet build -c Release infra/AuroraBots.Host -nologo -v quiet > /dev/null
    (cd tests/multi && npm_install_quiet)
    AURORABOTS_MULTI_CONFIGURATION=Release node tests/multi/bench/scale.mjs
    continue
  fi
  dotnet run -c Release --no-build --project tests/AuroraBots.Benchmarks -- "$b"
done
