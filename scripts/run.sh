#!/usr/bin/env bash
# Runs the AuroraBots platform with its embedded defaults (in-memory state, embedded AuroraAI network; no Redis or
# other service needed) on http://localhost:5080. The demo page is at /, the demo municipality sites at
# /demo-sites/tampere/ and /demo-sites/vaasa/.
#
#   scripts/run.sh                    # Development settings, http://localhost:5080
#   AURORABOTS_URLS=http://0.0.0.0:8080 ASPNETCORE_ENVIRONMENT=Production scripts/run.sh
#
# Configuration reference: docs/hosting.md. Any setting can be given as an environment variable (Section__Key=value).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet npm; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is required (see README.md)" >&2; exit 1; }
done

host=infra/AuroraBots.Host
# Web Chat is self-hosted from npm (pinned in $host/webchat/package-lock.json). The build copies it into wwwroot;
# install it here first so a missing registry shows up as a clear npm error rather than inside the build.
if [ ! -f "$host/wwwroot/lib/webchat/webchat.js" ] && [ ! -f "$host/webchat/node_modules/botframework-webchat/dist/webchat.js" ]; then
  echo "Installing Microsoft Web Chat (npm ci in $host/webchat)…"
  (cd "$host/webchat" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

dotnet build "$host/AuroraBots.Host.csproj" -nologo -v quiet

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
urls="${AURORABOTS_URLS:-http://localhost:5080}"
echo "AuroraBots on ${urls%%;*}  (demo page /, demo sites /demo-sites/tampere/ and /demo-sites/vaasa/, editor /editor; Ctrl+C stops)"
cd "$host"
exec dotnet run --no-build --no-launch-profile --urls "$urls"
