#!/usr/bin/env bash
# Builds the Argo CD health-check harness (gopher-lua, the Lua 5.1 engine Argo CD embeds) from the
# Go module proxy into a cache outside the repository (../go-tool.sh); prints the binary's path as
# its last line.
set -euo pipefail
cd "$(dirname "$0")"
source ../go-tool.sh
go_tool argocd-lua argocd-lua . "the Argo CD health-check harness (gopher-lua $(awk '$1=="require" {print $3}' go.mod))"
