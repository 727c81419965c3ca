#!/usr/bin/env bash
# Builds the Argo CD health-check harness (gopher-lua, the Lua 5.1 engine Argo CD embeds) from the
# Go module proxy into a cache outside the repository; prints the binary's path as its last line.
# Rebuilds only when the binary is missing or the pin (go.mod, go.sum, main.go, this script) changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
pin=$(cat go.mod go.sum main.go build.sh | sha256sum | cut -c1-12)
cache_root=${FRAUD_PIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fraud-pipeline}
out="$cache_root/argocd-lua/$pin/argocd-lua"
if [ -x "$out" ]; then
  echo "$out"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "argocd-lua: Go is needed to build the Argo CD health-check harness (Go 1.24+ on PATH)" >&2; exit 2; }
mkdir -p "$(dirname "$out")"
echo "argocd-lua: go build (gopher-lua $(awk '$1=="require" {print $3}' go.mod))" >&2
CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w" -o "$out.tmp.$$" .
mv "$out.tmp.$$" "$out"
echo "$out"
