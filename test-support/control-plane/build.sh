#!/usr/bin/env bash
# Builds the Kubernetes control plane the tests run against (kube-apiserver,
# kube-controller-manager, kubectl, etcd) from the Go module proxy, for the
# release pinned in go.mod, into a cache outside the repository.
# Prints the directory holding the binaries as its last line.
# Rebuilds only when a binary is missing or the pin (go.mod, go.sum, this
# script) changed. Go serves the tests only; the product is Java.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

k8s_version=$(awk '$1=="k8s.io/kubernetes" && $2 ~ /^v/ {print $2; exit}' go.mod)
etcd_version=$(awk '$1=="go.etcd.io/etcd/server/v3" && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$k8s_version" ] && [ -n "$etcd_version" ] || { echo "control-plane: cannot read the pins from go.mod" >&2; exit 2; }

pin=$(cat go.mod go.sum build.sh | sha256sum | cut -c1-12)
cache_root=${FRAUD_PIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fraud-pipeline}
out="$cache_root/k8s/$k8s_version-$pin"
binaries=(etcd kube-apiserver kube-controller-manager kubectl)

complete=true
for b in "${binaries[@]}"; do [ -x "$out/$b" ] || complete=false; done
if $complete; then
  echo "$out"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "control-plane: Go is needed to build the test control plane (apt-get install golang, or Go 1.24+ on PATH)" >&2; exit 2; }

# one build at a time: two Maven builds may reach here together
mkdir -p "$cache_root/k8s"
exec 9>"$cache_root/k8s/.build.lock"
flock 9
complete=true
for b in "${binaries[@]}"; do [ -x "$out/$b" ] || complete=false; done
if $complete; then echo "$out"; exit 0; fi

minor=$(echo "$k8s_version" | cut -d. -f2)
build_date=$(date -u -d @"$(stat -c %Y go.sum)" +%Y-%m-%dT%H:%M:%SZ)
ver=k8s.io/component-base/version
ldflags="-s -w -X $ver.gitVersion=$k8s_version -X $ver.gitMajor=1 -X $ver.gitMinor=$minor -X $ver.gitTreeState=clean -X $ver.buildDate=$build_date"
ldflags="$ldflags -X k8s.io/client-go/pkg/version.gitVersion=$k8s_version -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=$minor"

tmp="$out.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
echo "control-plane: building Kubernetes $k8s_version and etcd $etcd_version into $out (one-time; about 15-25 minutes on 2 cores with an empty Go cache)" >&2
export CGO_ENABLED=0 GOFLAGS=-mod=mod
for b in kube-apiserver kube-controller-manager kubectl; do
  echo "control-plane: go build $b" >&2
  go build -trimpath -ldflags "$ldflags" -o "$tmp/$b" "k8s.io/kubernetes/cmd/$b"
done
echo "control-plane: go build etcd" >&2
go build -trimpath -ldflags "-s -w" -o "$tmp/etcd" go.etcd.io/etcd/server/v3
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "control-plane: built in $(( $(date +%s) - start )) s" >&2
echo "$out"
