-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "listVisitAt" TIMESTAMP(3),
ADD COLUMN     "previousListVisitAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Uppdrag" ADD COLUMN     "searchDocument" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "statusComment" TEXT,
ADD COLUMN     "titleSortKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "unitSortKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "unitNames" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "UppdragView" (
    "municipalityId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "uppdragId" UUID NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UppdragView_pkey" PRIMARY KEY ("userId","uppdragId")
);

-- CreateIndex
CREATE INDEX "Uppdrag_municipalityId_statusChangedAt_idx" ON "Uppdrag"("municipalityId", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Uppdrag_municipalityId_titleSortKey_idx" ON "Uppdrag"("municipalityId", "titleSortKey");

-- AddForeignKey
ALTER TABLE "UppdragView" ADD CONSTRAINT "UppdragView_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragView" ADD CONSTRAINT "UppdragView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragView" ADD CONSTRAINT "UppdragView_uppdragId_fkey" FOREIGN KEY ("uppdragId") REFERENCES "Uppdrag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written below: what Prisma's schema language cannot say.

-- Full-text search with the swedish configuration named explicitly (the server
-- default is English). Generated, so it can never disagree with searchDocument.
ALTER TABLE "Uppdrag" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig, "searchDocument")) STORED;
CREATE INDEX "Uppdrag_search_idx" ON "Uppdrag" USING GIN ("search");

-- Swedish sort order (å, ä, ö after z) for names sorted in the database. ICU's
-- sv-SE is exact on PostgreSQL; PGlite accepts it but sorts like the root locale,
-- so the list's own sort columns use byte-order keys instead (titleSortKey).
CREATE COLLATION IF NOT EXISTS sv (provider = icu, locale = 'sv-SE');
ALTER TABLE "Body" ALTER COLUMN "name" TYPE TEXT COLLATE sv;
ALTER TABLE "Unit" ALTER COLUMN "name" TYPE TEXT COLLATE sv;

-- Fill the new list columns for existing uppdrag.
UPDATE "Uppdrag" u SET
  "statusComment" = (SELECT s.comment FROM "StatusEntry" s WHERE s."uppdragId" = u.id ORDER BY s."at" DESC, s.id DESC LIMIT 1),
  "unitNames" = COALESCE((SELECT string_agg(n.name, ', ' ORDER BY n.name) FROM "UppdragUnit" uu JOIN "Unit" n ON n.id = uu."unitId" WHERE uu."uppdragId" = u.id), ''),
  -- Same mapping as src/lib/sort-key.ts for the common letters.
  "titleSortKey" = translate(lower(u.title), 'åäæöøüéèáàí', '{||}}yeeaai'),
  "searchDocument" = concat_ws(E'\n', u.title, u.text, p.title, p.decision, p.dnr,
    (SELECT string_agg(s.comment, E'\n' ORDER BY s."at") FROM "StatusEntry" s WHERE s."uppdragId" = u.id))
FROM "Paragraph" p WHERE p.id = u."paragraphId";

UPDATE "Uppdrag" SET "unitSortKey" = translate(lower("unitNames"), 'åäæöøüéèáàí', '{||}}yeeaai');
