#!/usr/bin/env bash
# Builds the AWS Lambda Runtime Interface Emulator (aws-lambda-rie) the runtime tier runs the
# functions under, from the Go module proxy, at the version pinned in go.mod, into a cache outside
# the repository (../go-tool.sh). Prints the binary's path as its last line.
set -euo pipefail
cd "$(dirname "$0")"
source ../go-tool.sh
version=$(awk '$1=="github.com/aws/aws-lambda-runtime-interface-emulator" && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$version" ] || { echo "lambda-rie: cannot read the pin from go.mod" >&2; exit 2; }
go_tool lambda-rie aws-lambda-rie github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie \
  "aws-lambda-rie $version (one-time; about a minute on 2 cores)"
