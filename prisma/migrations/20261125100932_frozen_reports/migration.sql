-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "inCouncilReport" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "FrozenReport" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "asOf" DATE NOT NULL,
    "previous" DATE NOT NULL,
    "bodyKey" TEXT NOT NULL,
    "bodyNames" TEXT NOT NULL,
    "openCount" INTEGER NOT NULL,
    "closedCount" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "note" TEXT,
    "frozenById" UUID,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrozenReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FrozenReport_municipalityId_asOf_idx" ON "FrozenReport"("municipalityId", "asOf" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "FrozenReport_municipalityId_asOf_bodyKey_key" ON "FrozenReport"("municipalityId", "asOf", "bodyKey");

-- AddForeignKey
ALTER TABLE "FrozenReport" ADD CONSTRAINT "FrozenReport_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenReport" ADD CONSTRAINT "FrozenReport_frozenById_fkey" FOREIGN KEY ("frozenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A fastställd report is kept exactly as sent.
CREATE TRIGGER "FrozenReport_append_only"
  BEFORE UPDATE OR DELETE ON "FrozenReport"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
CREATE TRIGGER "FrozenReport_no_truncate"
  BEFORE TRUNCATE ON "FrozenReport"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();

-- Kommunfullmäktige and kommunstyrelsen are reported by default, as before.
UPDATE "Body" SET "inCouncilReport" = true WHERE "kind" IN ('FULLMAKTIGE', 'STYRELSE');
