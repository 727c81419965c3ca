#!/usr/bin/env bash
# Builds the Helm 4 CLI the chart's upgrade tests drive against the test control plane (Helm 4
# applies a chart's objects server-side, unlike the Helm 3 engine of helm-java), from the Go module
# proxy, at the version pinned in go.mod, into a cache outside the repository (../go-tool.sh).
# Prints the binary's path as its last line.
set -euo pipefail
cd "$(dirname "$0")"
source ../go-tool.sh
version=$(awk '$1=="helm.sh/helm/v4" && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$version" ] || { echo "helm4: cannot read the pin from go.mod" >&2; exit 2; }
# the version `helm version` reports is set at link time, as Helm's own Makefile does
go_tool helm4 helm helm.sh/helm/v4/cmd/helm \
  "helm $version (one-time; about 7 minutes on 2 cores under load)" \
  "-X helm.sh/helm/v4/internal/version.version=$version -X helm.sh/helm/v4/internal/version.gitTreeState=clean"
