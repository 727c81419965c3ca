#!/usr/bin/env bash
# Builds the AWS Lambda Runtime Interface Emulator (aws-lambda-rie) the runtime tier runs the
# functions under, from the Go module proxy, at the version pinned in go.mod, into a cache outside
# the repository. Prints the binary's path as its last line.
# Rebuilds only when the binary is missing or the pin (go.mod, go.sum, this script) changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

version=$(awk '$1=="github.com/aws/aws-lambda-runtime-interface-emulator" && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$version" ] || { echo "lambda-rie: cannot read the pin from go.mod" >&2; exit 2; }
pin=$(cat go.mod go.sum build.sh | sha256sum | cut -c1-12)
cache_root=${FRAUD_PIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fraud-pipeline}
out="$cache_root/lambda-rie/$pin/aws-lambda-rie"
if [ -x "$out" ]; then
  echo "$out"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "lambda-rie: Go is needed to build the Lambda Runtime Interface Emulator (Go on PATH)" >&2; exit 2; }

# one build at a time: two Maven builds may reach here together
mkdir -p "$(dirname "$out")"
exec 9>"$cache_root/lambda-rie/.build.lock"
flock 9
if [ -x "$out" ]; then echo "$out"; exit 0; fi

start=$(date +%s)
echo "lambda-rie: building aws-lambda-rie $version into $(dirname "$out") (one-time; about a minute on 2 cores)" >&2
trap 'rm -f "$out.tmp.$$"' EXIT
CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w" -o "$out.tmp.$$" \
  github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie
mv "$out.tmp.$$" "$out"
trap - EXIT
echo "lambda-rie: built in $(( $(date +%s) - start )) s" >&2
echo "$out"
