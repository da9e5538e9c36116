#!/bin/sh
# Picks out of a source tree what one image stage needs, so the Dockerfile stays declarative:
#   collect.sh manifests SRC OUT  package.json files, lockfile and .npmrc (the input of `npm ci`), so the
#                                 dependency layers are rebuilt only when one of them changes;
#   collect.sh runtime SRC OUT    built code only: apps/*/dist, libs/*/dist + package.json (workspace
#                                 resolution reads `main`) and libs/database/prisma (migrations are read
#                                 at run time). Sources, tests and tooling stay out of the image.
# A source with an entry point but no build output fails the build instead of shipping an image that
# crashes at start.
set -eu

usage() { echo "usage: $0 manifests|runtime SRC OUT" >&2; exit 2; }
[ $# -eq 3 ] || usage
mode=$1 src=$2 out=$3
fail() { echo "collect.sh: $*" >&2; exit 1; }

copy_file() { # relative path
  mkdir -p "$out/$(dirname "$1")"
  cp "$src/$1" "$out/$1"
}

case "$mode" in
  manifests)
    copy_file package.json
    copy_file package-lock.json
    if [ -f "$src/.npmrc" ]; then copy_file .npmrc; fi
    for manifest in "$src"/libs/*/package.json "$src"/apps/*/package.json; do
      if [ -f "$manifest" ]; then copy_file "${manifest#"$src"/}"; fi
    done
    ;;
  runtime)
    copy_file package.json
    for dir in "$src"/apps/*/; do
      name=$(basename "$dir")
      if [ -f "$dir/src/main.ts" ] && [ ! -f "$dir/dist/main.js" ]; then
        fail "apps/$name has src/main.ts but no dist/main.js: run the build first"
      fi
      [ -d "$dir/dist" ] || continue
      mkdir -p "$out/apps/$name"
      cp -R "$dir/dist" "$out/apps/$name/dist"
      if [ -f "$dir/package.json" ]; then copy_file "apps/$name/package.json"; fi
    done
    for dir in "$src"/libs/*/; do
      name=$(basename "$dir")
      [ -f "$dir/package.json" ] || continue
      if [ -f "$dir/src/index.ts" ] && [ ! -f "$dir/dist/index.js" ]; then
        fail "libs/$name has src/index.ts but no dist/index.js: run the build first"
      fi
      copy_file "libs/$name/package.json"
      if [ -d "$dir/dist" ]; then cp -R "$dir/dist" "$out/libs/$name/dist"; fi
    done
    [ -d "$src/libs/database/prisma/migrations" ] || fail "libs/database/prisma/migrations is missing"
    cp -R "$src/libs/database/prisma" "$out/libs/database/prisma"
    ;;
  *) usage ;;
esac
