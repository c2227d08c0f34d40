#!/bin/sh
# Fails when prisma/migrations does not take an empty database to prisma/schema.prisma
# (someone changed the schema without writing a migration). Uses an in-memory PGlite.
out=$(PGLITE_DIR=memory:// sh "$(dirname "$0")/prisma-migrate.sh" migrate diff --from-migrations prisma/migrations \
  --to-schema-datamodel node_modules/.cache/prisma-migrate/schema.prisma --script --exit-code 2>/dev/null)
code=$?
if [ "$code" = 0 ]; then echo "Migreringarna stämmer med prisma/schema.prisma."; exit 0; fi
if [ "$code" = 2 ]; then
  echo "prisma/schema.prisma har ändringar som saknar migrering. Skapa en med: npm run db:new-migration -- <namn>"
  echo "$out"
  exit 1
fi
echo "Kunde inte jämföra migreringarna med schemat (kod $code)."; exit 1
