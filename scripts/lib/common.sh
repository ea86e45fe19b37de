# Shared helpers for scripts/run.sh, scripts/test.sh and scripts/bench.sh (sourced, not executed).

step() { printf '\n== %s\n' "$*"; }

# Installs Debian packages that are missing. CI runs as root on a fresh machine; elsewhere sudo is tried.
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" > /dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  step "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  if ! command -v apt-get > /dev/null; then
    echo "apt-get not found: please install ${missing[*]} yourself." >&2
    return 1
  fi
  $sudo apt-get update -qq > /dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null 2>&1 \
    || { echo "apt-get install ${missing[*]} failed" >&2; return 1; }
}

ensure_dotnet_ready() {
  command -v dotnet > /dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }
  command -v node > /dev/null || { echo "Node.js (20 or newer) is required." >&2; exit 1; }
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# npm ci when a lockfile exists (reproducible), npm install otherwise; quiet unless it fails.
npm_install_quiet() {
  local log; log=$(mktemp)
  if [[ -d node_modules && node_modules/.package-lock.json -nt package-lock.json ]]; then return 0; fi
  if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund > "$log" 2>&1
  else npm install --no-audit --no-fund > "$log" 2>&1; fi
  local rc=$?
  [[ $rc -ne 0 ]] && tail -20 "$log"
  rm -f "$log"; return $rc
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_for_port() { # port, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (echo > "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
    sleep 0.1
  done
  return 1
}

# Prints "passed failed" from a TRX file's <Counters …/> element.
trx_counts() {
  [[ -f "$1" ]] || return 0
  local counters; counters=$(grep -o '<Counters [^>]*>' "$1" | head -1)
  [[ -n "$counters" ]] || return 0
  local p f e
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<< "$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<< "$counters")
  e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<< "$counters")
  echo "$p $((f + ${e:-0}))"
}

# Prints "passed failed" from node --test TAP output (the runner's own summary lines).
tap_counts() {
  [[ -f "$1" ]] || return 0
  local p f
  local c
  p=$(grep -E '^# pass [0-9]+' "$1" | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$1" | tail -1 | awk '{print $3}')
  # A test cancelled by a failing hook (e.g. the host did not start) did not pass: count it as failed.
  c=$(grep -E '^# cancelled [0-9]+' "$1" | tail -1 | awk '{print $3}')
  [[ -n "$p" ]] && echo "$p $(( ${f:-0} + ${c:-0} ))"
}
