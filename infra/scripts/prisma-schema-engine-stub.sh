#!/bin/sh
# Prisma's CLI insists on downloading its native schema engine before `generate`, which fails offline.
# `generate` never runs the engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY here is enough for it.
# Migrations are applied by `rampart db migrate` instead (libs/database/src/migrator.ts).
echo "prisma schema engine is not available here: use 'npm run rampart -- db migrate' to apply migrations" >&2
exit 1
