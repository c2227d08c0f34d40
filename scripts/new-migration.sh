#!/bin/sh
# npm run db:new-migration -- add_something
# Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
# existing migrations to prisma/schema.prisma (offline, via the Prisma 6 CLI's WASM engine).
set -e
name="$1"
[ -n "$name" ] || { echo "usage: npm run db:new-migration -- <name>"; exit 1; }
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
sql=$(PGLITE_DIR=memory:// sh "$(dirname "$0")/prisma-migrate.sh" migrate diff --from-migrations prisma/migrations \
  --to-schema-datamodel node_modules/.cache/prisma-migrate/schema.prisma --script 2>/dev/null)
case "$sql" in *"empty migration"*) echo "Inga schemaändringar att migrera."; exit 0;; esac
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "Skrev $dir/migration.sql — läs den innan du checkar in."
