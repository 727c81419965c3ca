# Sourced by the build.sh of each Go tool the tests run (lambda-rie, helm4, argocd-lua): builds one
# Go package, at the versions the tool's go.mod and go.sum pin, from the Go module proxy into a
# cache outside the repository, once per pin (a hash of go.mod, go.sum, the tool's own .go files,
# its build.sh and this file), one build at a time; prints the binary's path as its last line.
#
# usage, in the tool's folder: go_tool DIR BINARY PACKAGE "WHAT (one-time; HOW LONG)" [LDFLAGS]
go_tool() {
  local dir=$1 binary=$2 package=$3 what=$4 ldflags="-s -w ${5:-}"
  local sources pin cache_root out start
  shopt -s nullglob
  sources=(go.mod go.sum ./*.go build.sh "${BASH_SOURCE[0]}")
  shopt -u nullglob
  pin=$(cat "${sources[@]}" | sha256sum | cut -c1-12)
  cache_root=${FRAUD_PIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fraud-pipeline}
  out="$cache_root/$dir/$pin/$binary"
  if [ -x "$out" ]; then
    echo "$out"
    return 0
  fi
  command -v go >/dev/null 2>&1 || { echo "$dir: Go 1.24+ is needed on PATH to build $what" >&2; return 2; }

  # one build at a time: two Maven builds may reach here together
  mkdir -p "$(dirname "$out")"
  exec 9>"$cache_root/$dir/.build.lock"
  flock 9
  if [ -x "$out" ]; then echo "$out"; return 0; fi

  start=$(date +%s)
  echo "$dir: building $what into $(dirname "$out")" >&2
  trap 'rm -f "$out.tmp.$$"' EXIT
  CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "$ldflags" -o "$out.tmp.$$" "$package"
  mv "$out.tmp.$$" "$out"
  trap - EXIT
  echo "$dir: built in $(( $(date +%s) - start )) s" >&2
  echo "$out"
}
