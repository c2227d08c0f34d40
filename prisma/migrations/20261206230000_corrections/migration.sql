-- Corrections of saved meetings, paragraphs and uppdrag (issue #16): version
-- columns for optimistic locking, who justerade a protocol, and the append-only
-- table of corrections.

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "approvedBy" TEXT,
ADD COLUMN     "approvedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Correction" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT NOT NULL,
    "batchId" UUID NOT NULL,
    "authorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Correction_entity_entityId_at_idx" ON "Correction"("entity", "entityId", "at");

-- CreateIndex
CREATE INDEX "Correction_municipalityId_at_idx" ON "Correction"("municipalityId", "at");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: corrections are history (offentlighetsprincipen, arkivlagen), so
-- the database refuses to change or delete one, as for StatusEntry and AuditEvent.
CREATE TRIGGER "Correction_append_only"
  BEFORE UPDATE OR DELETE ON "Correction"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
CREATE TRIGGER "Correction_no_truncate"
  BEFORE TRUNCATE ON "Correction"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
