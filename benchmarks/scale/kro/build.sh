#!/usr/bin/env bash
# Builds kro's controller (the peer of the scale benchmark) from the Go module
# proxy, for the release pinned in go.mod, into a cache outside the repository,
# and copies kro's own CRDs from that module into the same directory.
# Prints the directory (holding `controller` and crds/) as its last line.
# Rebuilds only when something is missing or the pin (go.mod, go.sum, this
# script) changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

module=github.com/kubernetes-sigs/kro
kro_version=$(awk -v m="$module" '$1==m && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$kro_version" ] || { echo "kro: cannot read the pin of $module from go.mod" >&2; exit 2; }

pin=$(cat go.mod go.sum build.sh | sha256sum | cut -c1-12)
cache_root=${FRAUD_PIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fraud-pipeline}
out="$cache_root/kro/$kro_version-$pin"

built() { [ -x "$out/controller" ] && [ -s "$out/crds/kro.run_resourcegraphdefinitions.yaml" ]; }
if built; then echo "$out"; exit 0; fi

command -v go >/dev/null 2>&1 || { echo "kro: Go 1.26+ is needed to build kro's controller (apt-get install golang, or Go on PATH)" >&2; exit 2; }

# one build at a time: the benchmark and a hand-run smoke check may reach here together
mkdir -p "$cache_root/kro"
exec 9>"$cache_root/kro/.build.lock"
flock 9
if built; then echo "$out"; exit 0; fi

echo "kro: building $module $kro_version into $out (one-time; about 4-5 minutes on 2 cores with an empty Go cache)" >&2
started=$SECONDS
# built beside the final directory, then renamed: a build cut short leaves no half-filled cache
tmp=$(mktemp -d "$out.partial.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/crds"
export CGO_ENABLED=0 GOFLAGS=-mod=mod
ver=sigs.k8s.io/release-utils/version
go build -trimpath -ldflags "-s -w -X $ver.gitVersion=$kro_version -X $ver.gitTreeState=clean" \
  -o "$tmp/controller" "$module/cmd/controller"
# kro's CRDs ship in the module (its Helm chart's crds/); take them from the module cache
src=$(go list -m -f '{{.Dir}}' "$module")
[ -d "$src/helm/crds" ] || { echo "kro: $src/helm/crds not found in the $module module" >&2; exit 2; }
cp "$src"/helm/crds/*.yaml "$tmp/crds/"
chmod -R u+w "$tmp"
echo "$(( SECONDS - started ))" > "$tmp/build-seconds"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "kro: built in $(cat "$out/build-seconds") s" >&2
echo "$out"
