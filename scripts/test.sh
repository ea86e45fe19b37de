#!/usr/bin/env bash
# Runs every test suite of AuroraBots on a fresh machine of the project's kind (Debian + .NET 10 SDK + Node):
#   1. installs what the tests need when missing (Debian redis-server and chromium, npm packages);
#   2. starts a throw-away redis-server on a free loopback port (persistence off) and stops it at exit;
#   3. builds the solution once, runs each xunit project, then each Node suite (DirectLineJS protocol tests,
#      the end-to-end chain, the headless-Chromium browser tests);
#   4. ends with one line "N passed, N failed" summed over every suite, and exits non-zero on any failure.
# Usage: bash scripts/test.sh            (everything)
#        SUITES="xunit" bash scripts/test.sh   (only some: xunit, fuzz, protocol, e2e, browser, multi)
# The fuzz suite (issue 15) runs the xunit tests marked [Trait("Category", "Fuzz")]: generated hostile requests
# and YAML (CsCheck); it prints the number of generated cases and the test host's peak RSS.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/common.sh

suites=${SUITES:-"xunit fuzz protocol e2e browser multi"}
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results" "$root/artifacts/screenshots"

ensure_debian_packages redis-server chromium fonts-dejavu-core nginx
ensure_dotnet_ready

# --- Redis for the tests -------------------------------------------------------------------------
redis_dir=$(mktemp -d)
redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$redis_dir" \
  --daemonize no > "$results/redis.log" 2>&1 &
redis_pid=$!
cleanup() { kill "$redis_pid" 2>/dev/null; wait "$redis_pid" 2>/dev/null; rm -rf "$redis_dir"; }
trap cleanup EXIT
wait_for_port "$redis_port" 20 || { echo "redis-server did not start (see $results/redis.log)"; exit 1; }
export AURORABOTS_TEST_REDIS="127.0.0.1:$redis_port"
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}

passed=0; failed=0
add_counts() { passed=$((passed + $1)); failed=$((failed + $2)); }

# --- Build once ----------------------------------------------------------------------------------
step "Building the solution"
if ! dotnet build AuroraBots.sln -nologo -v quiet > "$results/build.log" 2>&1; then
  grep -E "error|warn" "$results/build.log" | sort -u | head -40
  echo "Build failed (full log: $results/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

# One xunit project (optionally a filter): its TRX counts join the totals; failures are shown.
run_xunit() { # project, name, filter
  local proj=$1 name=$2 filter=$3 p f
  step "xunit: $name"
  timeout 1500 dotnet test "$proj" --no-build -nologo --filter "$filter" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" > "$results/$name.log" 2>&1
  read -r p f < <(trx_counts "$results/$name.trx")
  if [[ -z "$p" ]]; then p=0; f=1; echo "  no results (crashed?) — see $results/$name.log"; tail -20 "$results/$name.log"; fi
  echo "  $p passed, $f failed"
  [[ "$f" != 0 ]] && grep -E "^\s+Failed |Error Message" -A3 "$results/$name.log" | head -60
  add_counts "$p" "$f"
}

# --- xunit -----------------------------------------------------------------------------------------
if [[ " $suites " == *" xunit "* ]]; then
  for proj in tests/*.Tests/*.Tests.csproj; do
    run_xunit "$proj" "$(basename "$proj" .csproj)" "Category!=Fuzz"
  done
fi

# --- Fuzz and abuse (generated hostile input; see docs/hosting.md "Limits against hostile input") ---------
if [[ " $suites " == *" fuzz "* ]]; then
  export AURORABOTS_FUZZ_REPORT="$results/fuzz-report.txt"; : > "$AURORABOTS_FUZZ_REPORT"
  for proj in $(grep -l 'Category", "Fuzz"' tests/*.Tests/*FuzzTests.cs | xargs -n1 dirname | sort -u); do
    run_xunit "$proj" "$(basename "$proj")-fuzz" "Category=Fuzz"
  done
  awk '{ cases += $2; if ($3 > peak) peak = $3; printf "  %-24s %6d cases, peak RSS %d MB\n", $1, $2, $3 / 1024 }
       END { printf "  fuzz total: %d generated cases, highest test-host peak RSS %d MB\n", cases, peak / 1024 }' "$AURORABOTS_FUZZ_REPORT"
  unset AURORABOTS_FUZZ_REPORT
fi

# --- Node suites -----------------------------------------------------------------------------------
# multi (issue 14): 3 host processes behind Debian nginx round-robin + one redis-server, and infra/deploy schema checks.
for suite in protocol e2e browser multi; do
  [[ " $suites " == *" $suite "* ]] || continue
  dir="tests/$suite"
  [[ -f "$dir/package.json" ]] || continue
  step "node: $suite"
  (cd "$dir" && npm_install_quiet) || { echo "  npm install failed in $dir"; add_counts 0 1; continue; }
  (cd "$dir" && timeout 1500 npm test --silent) > "$results/node-$suite.tap" 2>&1
  read -r p f < <(tap_counts "$results/node-$suite.tap")
  if [[ -z "$p" ]]; then p=0; f=1; echo "  no TAP summary — see $results/node-$suite.tap"; tail -30 "$results/node-$suite.tap"; fi
  echo "  $p passed, $f failed"
  [[ "$f" != 0 ]] && grep -E "^not ok|# Subtest|error|Error" "$results/node-$suite.tap" | head -40
  add_counts "$p" "$f"
done

echo
echo "Screenshots: artifacts/screenshots/   Logs and TRX files: artifacts/test-results/"
echo "$passed passed, $failed failed"
[[ "$failed" == 0 && "$passed" -gt 0 ]]
