#!/usr/bin/env bash
# Builds the Helm 4 CLI the chart's upgrade tests drive against the test control plane (Helm 4
# applies a chart's CRDs server-side, unlike the Helm 3 engine of helm-java), from the Go module
# proxy, at the version pinned in go.mod, into a cache outside the repository. Prints the binary's
# path as its last line.
# Rebuilds only when the binary is missing or the pin (go.mod, go.sum, this script) changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

version=$(awk '$1=="helm.sh/helm/v4" && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$version" ] || { echo "helm4: cannot read the pin from go.mod" >&2; exit 2; }
pin=$(cat go.mod go.sum build.sh | sha256sum | cut -c1-12)
cache_root=${FRAUD_PIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fraud-pipeline}
out="$cache_root/helm4/$pin/helm"
if [ -x "$out" ]; then
  echo "$out"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "helm4: Go is needed to build the Helm 4 CLI (Go on PATH)" >&2; exit 2; }

# one build at a time: two Maven builds may reach here together
mkdir -p "$(dirname "$out")"
exec 9>"$cache_root/helm4/.build.lock"
flock 9
if [ -x "$out" ]; then echo "$out"; exit 0; fi

start=$(date +%s)
echo "helm4: building helm $version into $(dirname "$out") (one-time; about 7 minutes on 2 cores under load)" >&2
trap 'rm -f "$out.tmp.$$"' EXIT
# the version Helm reports (helm version) is set at link time, as its own Makefile does
CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath \
  -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$version -X helm.sh/helm/v4/internal/version.gitTreeState=clean" \
  -o "$out.tmp.$$" helm.sh/helm/v4/cmd/helm
mv "$out.tmp.$$" "$out"
trap - EXIT
echo "helm4: built in $(( $(date +%s) - start )) s" >&2
echo "$out"
