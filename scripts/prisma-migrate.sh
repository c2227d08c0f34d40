#!/bin/sh
# Authoring migrations offline (a developer's step): runs the Prisma 6 CLI with its
# WASM schema engine. Usage: PGLITE_DIR=memory:// sh scripts/prisma-migrate.sh migrate diff ...
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 PRISMA_HIDE_UPDATE_MESSAGE=1
: "${PGLITE_DIR:=memory://}"
[ -n "$DATABASE_URL" ] || export PGLITE_DIR
exec node "$(dirname "$0")/../node_modules/prisma-migrate/build/index.js" "$@" --config prisma.migrate.config.ts
