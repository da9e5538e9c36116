#!/bin/sh
# Generates the Prisma client into libs/database/src/generated/prisma (not committed), offline.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$root/infra/scripts/prisma-schema-engine-stub.sh}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
exec "$root/node_modules/.bin/prisma" generate --schema "$root/libs/database/prisma/schema.prisma" "$@"
