#!/usr/bin/env bash
# Runs the benchmarks and prints their figures. Release build; start nothing else heavy meanwhile.
#   bash scripts/bench.sh                 all of them
#   bash scripts/bench.sh channel         one (channel, channel-idle, dialogs, network, textsearch-eval, nlu, safety, editor, agents)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
ensure_debian_packages redis-server
ensure_dotnet_ready
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)" || true
which=("$@")
[[ ${#which[@]} -eq 0 ]] && which=(channel channel-idle dialogs network textsearch-eval nlu safety editor agents)
dotnet build -c Release tests/AuroraBots.Benchmarks -nologo -v quiet > /dev/null
dotnet build -c Release tests/AuroraBots.DirectLine.TestServer -nologo -v quiet > /dev/null
for b in "${which[@]}"; do
  step "benchmark: $b"
  dotnet run -c Release --no-build --project tests/AuroraBots.Benchmarks -- "$b"
done
