#!/usr/bin/env bash
# Launched by the MCP conformance harness: the server URL is the last argument and the
# scenario is in MCP_CONFORMANCE_SCENARIO. Run from anywhere; exec keeps the harness's
# timeout pointed at the JVM.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/conformance-client.jar"
if [ ! -f "$jar" ]; then
  echo "conformance client not built: run 'mvn -pl samples/conformance-client -am package -DskipTests' first" >&2
  exit 2
fi
url="${!#}"
exec java -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$jar" "--mcp.client.connections.conformance.url=$url"
