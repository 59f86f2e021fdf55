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
# A short-lived process, often one of several at once: quick compiles only, a single GC
# thread, and no background initialization of what it may never use.
java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dspring.backgroundpreinitializer.ignore=true)
# The extracted jar and its class data sharing archive, made by scripts/run-conformance.sh.
cds="$here/target/cds"
if [ "$cds/app.jsa" -nt "$jar" ]; then
  exec "${java[@]}" -XX:SharedArchiveFile="$cds/app.jsa" -Xshare:auto -jar "$cds/conformance-client.jar" \
    "--mcp.client.connections.conformance.url=$url"
fi
exec "${java[@]}" -Xshare:auto -jar "$jar" "--mcp.client.connections.conformance.url=$url"
